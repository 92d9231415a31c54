function dx = adaptive_max_pool_backward(varargin)
    %ADAPTIVE_MAX_POOL_BACKWARD  Gradient of pooling.adaptive_max_pool with respect to X.
    %   DX = pooling.adaptive_max_pool_backward(DY, X, OUTPUT_SIZE, ...) takes
    %   the forward call's X, OUTPUT_SIZE and options ('SpatialDims',
    %   'Method') and DY, the size of the forward output and of class(X)
    %   (single or double). DX starts at +0; output positions, in ascending
    %   row-major order, add their DY to the element they selected, so
    %   overlapping windows accumulate in that order (SPEC.md section 16).
    %
    %   See also pooling.adaptive_max_pool, pooling.max_pool_backward.

    call = pooling.internal.prepare('adaptive_max_backward', varargin);
    dx = pooling.internal.range_backward('max', call.fname, call.dy, call.x, call.win, ...
                                         call.opts.method, []);
end
