function y = avg_pool(varargin)
    %AVG_POOL  Average pooling over the leading spatial dimensions of X, bit-exact.
    %   Y = pooling.avg_pool(X, POOL_SIZE) averages X, laid out as
    %   [spatial..., C, N] (for example H-by-W-by-C-by-N), over windows of
    %   POOL_SIZE elements per spatial dimension. The stride defaults to
    %   POOL_SIZE. Each (c, n) plane is pooled on its own.
    %
    %   Y = pooling.avg_pool(X, POOL_SIZE, Name, Value, ...) takes the options
    %   of pooling.max_pool ('Stride', 'Padding', 'Dilation', 'CeilMode',
    %   'SpatialDims', 'Method'; see pooling.options) and two of its own:
    %     'CountIncludePad'  true or false (a logical, or numeric 0 or 1):
    %                        whether padded positions count in the divisor.
    %                        Default true.
    %     'DivisorOverride'  [] or a positive integer scalar (any numeric
    %                        class, at most 2^31-1): when given, the divisor
    %                        of every window. Default [] (none).
    %
    %   X is a real, full double or single array: average pooling needs
    %   floating point, since an integer average would need a rounding rule
    %   (integer classes raise pooling:badInput; SPEC.md section 11). POOL_SIZE
    %   and R are as in pooling.max_pool. Y is OUT_1-by-...-by-OUT_R-by-C-by-N,
    %   of class(X), with OUT as in pooling.options.
    %
    %   Rule (SPEC.md section 8): per window, an accumulator of class(X) starts
    %   at +0 and adds the window's input elements one at a time in row-major
    %   order (first spatial dimension outermost), skipping padding and the
    %   ceil-mode overhang; then it is divided once, a true division in
    %   class(X), never a multiplication by a reciprocal:
    %     Y = ACC / DIVISOR
    %   DIVISOR is 'DivisorOverride' when given; else the product over the
    %   spatial dimensions of the number of window positions O*STRIDE - BEFORE
    %   + J*DILATION (J = 0 .. POOL_SIZE-1) that lie in [-BEFORE, IN + AFTER)
    %   with 'CountIncludePad' (padding counts, the ceil-mode overhang past it
    %   does not, as in PyTorch), or in [0, IN) without it. SUM and MEAN are
    %   not used: they add in memory order, which is column-major. A window of
    %   -0 averages to +0. Errors come in the order of pooling.options.
    %
    %   Example (SPEC.md, section 8):
    %     x = [1 2 3 4 5].';
    %     y = pooling.avg_pool(x, 2, 'Padding', 1, 'SpatialDims', 1)
    %     % y = [1/2; 5/2; 9/2]
    %     y = pooling.avg_pool(x, 2, 'Padding', 1, 'CountIncludePad', false, ...
    %                          'SpatialDims', 1)
    %     % y = [1; 5/2; 9/2]
    %
    %   See also pooling.options, pooling.avg_pool_backward, pooling.max_pool,
    %   pooling.global_avg_pool.

    call = pooling.internal.prepare('avg', varargin);
    y = pooling.internal.pool_forward('avg', call.x, call.geom, call.opts, false);
end
