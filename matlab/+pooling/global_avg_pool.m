function y = global_avg_pool(varargin)
    %GLOBAL_AVG_POOL  Average pooling with one window covering all spatial dimensions, bit-exact.
    %   Y = pooling.global_avg_pool(X) averages each (c, n) plane of X, laid out
    %   as [spatial..., C, N] (for example H-by-W-by-C-by-N). Y is
    %   1-by-...-by-1-by-C-by-N (R ones), of class(X).
    %
    %   Y = pooling.global_avg_pool(X, Name, Value, ...) sets the options
    %   'SpatialDims', the number R of leading dimensions of X that are
    %   spatial (1, 2 or 3; default 2, since MATLAB drops trailing singleton
    %   dimensions and R cannot be read from X), and 'Method' ('fast' or
    %   'naive'); see pooling.options.
    %
    %   X must be a real, full double or single array (an integer average would
    %   need a rounding rule, so integer classes raise pooling:badInput; SPEC.md
    %   section 11), with at most R+2 dimensions, C and every spatial size at
    %   least 1; an empty batch (N = 0) gives an empty Y.
    %
    %   This is pooling.avg_pool with POOL_SIZE the spatial size of X and no
    %   padding (SPEC.md section 9): an accumulator of class(X) starts at +0
    %   and adds the plane's elements one at a time in row-major order (first
    %   spatial dimension outermost), then is divided once, a true division in
    %   class(X), by the number of spatial elements (SPEC.md section 8):
    %     Y = ACC / (IN_1 * ... * IN_R)
    %   MEAN is not used: it adds in memory order, which is column-major.
    %
    %   Errors come in the order of pooling.options.
    %
    %   Example:
    %     y = pooling.global_avg_pool([1 2^53; -2^53 0])
    %     % y = 0: row-major, ((0 + 1) + 2^53) - 2^53 + 0 = 0, divided by 4
    %
    %   See also pooling.options, pooling.avg_pool, pooling.global_avg_pool_backward,
    %   pooling.global_max_pool.

    call = pooling.internal.prepare('global_avg', varargin);
    y = pooling.internal.pool_forward('avg', call.x, call.geom, call.opts, false);
end
