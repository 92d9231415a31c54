function dx = global_max_pool_backward(varargin)
    %GLOBAL_MAX_POOL_BACKWARD  Gradient of pooling.global_max_pool with respect to X, bit-exact.
    %   DX = pooling.global_max_pool_backward(DY, X) routes each upstream
    %   gradient DY(1, ..., 1, c, n) to the element of plane (c, n) of X that
    %   pooling.global_max_pool(X) selects. X is laid out as [spatial..., C, N],
    %   a real, full double or single array (a gradient of a function of
    %   integers is not a useful number, so integer classes raise
    %   pooling:badInput; SPEC.md section 11). DY is 1-by-...-by-1-by-C-by-N
    %   (R ones; trailing singleton dimensions may be dropped), of class(X). DX
    %   has the size and class of X: +0 everywhere but at the selected elements.
    %
    %   DX = pooling.global_max_pool_backward(DY, X, Name, Value, ...) takes the
    %   options of the forward call, 'SpatialDims' (default 2) and 'Method'
    %   (pooling.options).
    %
    %   This is pooling.max_pool_backward with POOL_SIZE the spatial size of X
    %   and no padding (SPEC.md sections 7 and 9): the selection is the
    %   forward one (row-major scan, ties to the first element, the first NaN
    %   wins), and the whole of DY goes to the one selected element.
    %
    %   Errors come in the order of pooling.options, pooling:badGradient
    %   (DY not of class(X), not real, or not 1-by-...-by-1-by-C-by-N) last.
    %
    %   Example:
    %     dx = pooling.global_max_pool_backward(5, [3 7; 7 1])
    %     % dx = [0 5; 0 0]
    %
    %   See also pooling.options, pooling.global_max_pool, pooling.max_pool_backward.

    call = pooling.internal.prepare('global_max_backward', varargin);
    dx = pooling.internal.pool_backward('max', call.fname, call.dy, call.x, call.geom, call.opts);
end
