function dx = avg_pool_backward_naive(dy, x, geom, opts)
    %AVG_POOL_BACKWARD_NAIVE  Average pooling backward one output at a time: SPEC.md section 8.
    %   DX = pooling.internal.avg_pool_backward_naive(DY, X, GEOM, OPTS) takes the
    %   divisors from avg_pool_naive and first divides DY by them elementwise:
    %   G(p) = DY(p) / DIVISOR(p), one division in class(DY) per output. Then,
    %   visiting the outputs in ascending row-major order (plane outermost,
    %   then the first spatial dimension, the last innermost), it adds G(p) to
    %   each input element of p's window in row-major scan order. X is
    %   GEOM.in-by-GEOM.planes and DY GEOM.out-by-GEOM.planes, of one class.
    %
    %   See also pooling.internal.avg_pool_backward_fast.

    [~, divisor] = pooling.internal.avg_pool_naive(x, geom, opts);
    % One division per output, elementwise: the bits of dividing one at a time.
    g = dy ./ cast(divisor, class(dy));
    elements = @(p, o) pooling.internal.window_elements(geom, p, o);
    dx = zeros(size(x), class(x));
    dx = pooling.internal.spread_naive(dx, g, geom.out, geom.planes, elements);
end
