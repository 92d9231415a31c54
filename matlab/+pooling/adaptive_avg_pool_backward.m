function dx = adaptive_avg_pool_backward(varargin)
    %ADAPTIVE_AVG_POOL_BACKWARD  Gradient of pooling.adaptive_avg_pool with respect to X.
    %   DX = pooling.adaptive_avg_pool_backward(DY, X, OUTPUT_SIZE, ...) takes
    %   the forward call's arguments and DY (the forward output's size and
    %   class(X)). DX starts at +0; output positions, in ascending row-major
    %   order, add DY / COUNT (one division by the window's element count) to
    %   every element of their window (SPEC.md section 16).
    %
    %   See also pooling.adaptive_avg_pool, pooling.avg_pool_backward.

    call = pooling.internal.prepare('adaptive_avg_backward', varargin);
    dx = pooling.internal.range_backward('avg', call.fname, call.dy, call.x, call.win, ...
                                         call.opts.method, []);
end
