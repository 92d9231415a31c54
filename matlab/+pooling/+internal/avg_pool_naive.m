function [y, divisor] = avg_pool_naive(x, geom, opts)
    %AVG_POOL_NAIVE  Average pooling one window at a time: the reference loops of SPEC.md section 8.
    %   [Y, DIVISOR] = pooling.internal.avg_pool_naive(X, GEOM, OPTS) pools X,
    %   reshaped to GEOM.in-by-GEOM.planes (single or double), and returns Y
    %   and the divisor of every window, both GEOM.out-by-GEOM.planes (DIVISOR
    %   as double).
    %
    %   Per window, an accumulator of class(X) starts at +0 and adds the input
    %   elements one at a time in row-major scan order, skipping padding and
    %   the ceil-mode overhang; then one true division in class(X) by
    %     OPTS.divisor_override            when given, else
    %     positions in the padded extent   with OPTS.count_include_pad, else
    %     input elements in the window.
    %   Starting at +0 makes a window of -0 average to +0.
    %
    %   See also pooling.internal.avg_pool_fast, pooling.internal.window_elements.

    out = geom.out;
    y = zeros([out, geom.planes], class(x));
    divisor = zeros([out, geom.planes]);

    for p = 1:geom.planes
        for o1 = 0:out(1) - 1
            for o2 = 0:out(2) - 1
                for o3 = 0:out(3) - 1
                    [lin, n_extent] = pooling.internal.window_elements(geom, p, [o1 o2 o3]);
                    acc = zeros(1, 1, class(x));
                    for m = 1:numel(lin)
                        acc = acc + x(lin(m));
                    end
                    if ~isempty(opts.divisor_override)
                        n = opts.divisor_override;
                    elseif opts.count_include_pad
                        n = n_extent;
                    else
                        n = numel(lin);
                    end
                    % Converting the count first makes the division one of class(X).
                    y(o1 + 1, o2 + 1, o3 + 1, p) = acc / cast(n, class(x));
                    divisor(o1 + 1, o2 + 1, o3 + 1, p) = n;
                end
            end
        end
    end
end
