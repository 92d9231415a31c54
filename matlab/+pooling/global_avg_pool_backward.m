function dx = global_avg_pool_backward(varargin)
    %GLOBAL_AVG_POOL_BACKWARD  Gradient of pooling.global_avg_pool with respect to X, bit-exact.
    %   DX = pooling.global_avg_pool_backward(DY, X) spreads each upstream
    %   gradient DY(1, ..., 1, c, n), divided by the number of spatial
    %   elements, over every element of plane (c, n) of X. X is laid out as
    %   [spatial..., C, N], a real, full double or single array (integer
    %   classes raise pooling:badInput; SPEC.md section 11). DY is
    %   1-by-...-by-1-by-C-by-N (R ones; trailing singleton dimensions may be
    %   dropped), of class(X). DX has the size and class of X.
    %
    %   DX = pooling.global_avg_pool_backward(DY, X, Name, Value, ...) takes the
    %   options of the forward call, 'SpatialDims' (default 2) and 'Method'
    %   (pooling.options).
    %
    %   This is pooling.avg_pool_backward with POOL_SIZE the spatial size of X
    %   and no padding (SPEC.md sections 8 and 9): one window, so every element
    %   of plane (c, n) gets +0 + DY(c, n) / (IN_1 * ... * IN_R), one true
    %   division in class(X) (a -0 gradient gives +0).
    %
    %   Errors come in the order of pooling.options, pooling:badGradient
    %   (DY not of class(X), not real, or not 1-by-...-by-1-by-C-by-N) last.
    %
    %   Example:
    %     dx = pooling.global_avg_pool_backward(8, ones(2, 2))
    %     % dx = [2 2; 2 2]
    %
    %   See also pooling.options, pooling.global_avg_pool, pooling.avg_pool_backward.

    call = pooling.internal.prepare('global_avg_backward', varargin);
    dx = pooling.internal.pool_backward('avg', call.fname, call.dy, call.x, call.geom, call.opts);
end
