function dx = avg_pool_backward(varargin)
    %AVG_POOL_BACKWARD  Gradient of pooling.avg_pool with respect to X, bit-exact.
    %   DX = pooling.avg_pool_backward(DY, X, POOL_SIZE) spreads each upstream
    %   gradient DY(p), divided by output p's divisor, over the input elements
    %   of p's window in pooling.avg_pool(X, POOL_SIZE).
    %
    %   DX = pooling.avg_pool_backward(DY, X, POOL_SIZE, Name, Value, ...) takes
    %   the options of the forward call, which must be the same as there:
    %   'Stride', 'Padding', 'Dilation', 'CeilMode', 'SpatialDims', 'Method'
    %   (pooling.options), 'CountIncludePad' and 'DivisorOverride'
    %   (pooling.avg_pool, with the divisor rule).
    %
    %   X is laid out as [spatial..., C, N], a real, full double or single
    %   array (integer classes raise pooling:badInput: a gradient of a function
    %   of integers is not a useful number; SPEC.md section 11). DY has the
    %   class of X and the size of the forward output Y,
    %   OUT_1-by-...-by-OUT_R-by-C-by-N (trailing singleton dimensions may be
    %   dropped). DX has the size and class of X.
    %
    %   Rule (SPEC.md section 8): DX starts at +0 everywhere. The outputs are
    %   visited in ascending row-major order over (n, c, spatial...), the first
    %   spatial dimension outermost; each computes G = DY(p) / DIVISOR(p), one
    %   true division in class(X), and adds G to DX at every input element of
    %   its window, in row-major scan order, skipping padding. Where windows
    %   overlap, one element collects several shares, and this order fixes the
    %   rounding of their sum. An element in no window gets +0. Errors come in
    %   the order of pooling.options, pooling:badGradient (DY) last.
    %
    %   Example:
    %     dx = pooling.avg_pool_backward([4; 8], (1:5).', 2, 'SpatialDims', 1)
    %     % dx = [2; 2; 4; 4; 0]
    %
    %   See also pooling.options, pooling.avg_pool, pooling.max_pool_backward,
    %   pooling.global_avg_pool_backward.

    call = pooling.internal.prepare('avg_backward', varargin);
    dx = pooling.internal.pool_backward('avg', call.fname, call.dy, call.x, call.geom, call.opts);
end
