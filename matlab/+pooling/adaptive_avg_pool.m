function y = adaptive_avg_pool(varargin)
    %ADAPTIVE_AVG_POOL  Adaptive average pooling: each window's mean over its own count, bit-exact.
    %   Y = pooling.adaptive_avg_pool(X, OUTPUT_SIZE) pools X, laid out as
    %   [spatial..., C, N], to OUTPUT_SIZE outputs per spatial dimension, with
    %   the windows of pooling.adaptive_max_pool: window I of a dimension of
    %   input length L and output length O covers [floor(I*L/O), ceil((I+1)*L/O)).
    %   Each window is summed from +0 in row-major order, in class(X), and
    %   divided once by its own number of elements (SPEC.md section 16).
    %
    %   Options 'SpatialDims' and 'Method' as for pooling.adaptive_max_pool.
    %   X is a real, full single or double array.
    %
    %   Example:
    %     y = pooling.adaptive_avg_pool([1 5 2 5 -0 0].', 4, 'SpatialDims', 1)
    %     % y = [3; 3.5; 2.5; 0]
    %
    %   See also pooling.adaptive_avg_pool_backward, pooling.adaptive_max_pool,
    %   pooling.avg_pool, pooling.options.

    call = pooling.internal.prepare('adaptive_avg', varargin);
    y = pooling.internal.range_forward('avg', call.x, call.win, call.opts.method, [], false);
end
