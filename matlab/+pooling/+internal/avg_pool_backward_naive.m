function dx = avg_pool_backward_naive(dy, x, geom, opts)
    %AVG_POOL_BACKWARD_NAIVE  Average pooling backward one output at a time: SPEC.md section 8.
    %   DX = pooling.internal.avg_pool_backward_naive(DY, X, GEOM, OPTS) takes the
    %   divisors from avg_pool_naive and, visiting outputs in ascending
    %   row-major order (plane outermost, then the first spatial dimension, the
    %   last innermost), divides DY(p) once by its divisor and adds the result
    %   to each input element of p's window in row-major scan order. X is
    %   GEOM.in-by-GEOM.planes and DY GEOM.out-by-GEOM.planes, of one class.
    %
    %   See also pooling.internal.avg_pool_backward_fast.

    [~, divisor] = pooling.internal.avg_pool_naive(x, geom, opts);
    out = geom.out;
    dx = zeros(size(x), class(x));
    for p = 1:geom.planes
        for o1 = 0:out(1) - 1
            for o2 = 0:out(2) - 1
                for o3 = 0:out(3) - 1
                    g = dy(o1 + 1, o2 + 1, o3 + 1, p) / ...
                        cast(divisor(o1 + 1, o2 + 1, o3 + 1, p), class(dy));
                    lin = pooling.internal.window_elements(geom, p, [o1 o2 o3]);
                    % Overlapping windows share elements: accumulate, in this
                    % order, since addition does not associate.
                    for m = 1:numel(lin)
                        dx(lin(m)) = dx(lin(m)) + g;
                    end
                end
            end
        end
    end
end
