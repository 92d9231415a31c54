function [y, idx] = adaptive_max_pool(varargin)
    %ADAPTIVE_MAX_POOL  Adaptive max pooling: the caller gives the output size, bit-exact.
    %   Y = pooling.adaptive_max_pool(X, OUTPUT_SIZE) pools X, laid out as
    %   [spatial..., C, N], to OUTPUT_SIZE outputs per spatial dimension. Window
    %   I (0-based) of a dimension of input length L and output length O covers
    %   the 0-based positions [floor(I*L/O), ceil((I+1)*L/O)): windows differ
    %   in size and may overlap; O may exceed L (SPEC.md section 16).
    %
    %   [Y, IDX] = pooling.adaptive_max_pool(...) also returns IDX, a double
    %   array the size of Y of 1-based linear indices into X of the selected
    %   elements, so X(IDX) is Y bit for bit.
    %
    %   [...] = pooling.adaptive_max_pool(X, OUTPUT_SIZE, Name, Value, ...) sets
    %   'SpatialDims' (default NUMEL(OUTPUT_SIZE) when that is 2 or 3, else 2)
    %   and 'Method' ('fast' or 'naive'); see pooling.options.
    %
    %   X is a real, full array of class double, single or an integer class;
    %   Y has its class. OUTPUT_SIZE is a positive integer scalar (every
    %   spatial dimension) or one per spatial dimension, else
    %   pooling:badOutputSize. Each window is scanned in row-major order with
    %   max pooling's selection rule: ties go to the first element, the first
    %   NaN wins, -0 before +0 stays -0 (SPEC.md section 5).
    %
    %   Example:
    %     [y, idx] = pooling.adaptive_max_pool([1 5 2 5 -0 0].', 4, 'SpatialDims', 1)
    %     % y = [5; 5; 5; -0], idx = [2; 2; 4; 5]
    %
    %   See also pooling.adaptive_max_pool_backward, pooling.adaptive_avg_pool,
    %   pooling.max_pool, pooling.options.

    call = pooling.internal.prepare('adaptive_max', varargin);
    [y, idx] = pooling.internal.range_forward('max', call.x, call.win, call.opts.method, [], ...
                                              nargout > 1);
end
