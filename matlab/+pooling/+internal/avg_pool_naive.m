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

    y = zeros([geom.out, geom.planes], class(x));
    divisor = zeros([geom.out, geom.planes]);
    [at, o, p] = pooling.internal.output_walk(geom.out, geom.planes);
    for w = 1:numel(at)
        [lin, n_extent] = pooling.internal.window_elements(geom, p(w), o(w, :));
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
        y(at(w)) = acc / cast(n, class(x));
        divisor(at(w)) = n;
    end
end
