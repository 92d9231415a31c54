function [y, idx] = global_max_pool(varargin)
    %GLOBAL_MAX_POOL  Max pooling with one window covering all spatial dimensions, bit-exact.
    %   Y = pooling.global_max_pool(X) takes the maximum of each (c, n) plane of
    %   X, laid out as [spatial..., C, N] (for example H-by-W-by-C-by-N). Y is
    %   1-by-...-by-1-by-C-by-N (R ones), of class(X).
    %
    %   [Y, IDX] = pooling.global_max_pool(X) also returns IDX, a double array
    %   the size of Y holding the 1-based linear indices into X of the selected
    %   elements, so X(IDX) is Y bit for bit.
    %
    %   [...] = pooling.global_max_pool(X, Name, Value, ...) sets the options
    %   'SpatialDims', the number R of leading dimensions of X that are
    %   spatial (1, 2 or 3; default 2, since MATLAB drops trailing singleton
    %   dimensions and R cannot be read from X), and 'Method' ('fast' or
    %   'naive'); see pooling.options.
    %
    %   X must be a real, full array of class double, single, int8, uint8,
    %   int16, uint16, int32, uint32, int64 or uint64 (SPEC.md section 11),
    %   with at most R+2 dimensions, C and every spatial size at least 1; an
    %   empty batch (N = 0) gives an empty Y.
    %
    %   This is pooling.max_pool with POOL_SIZE the spatial size of X and no
    %   padding (SPEC.md section 9), so the selection rule is the same: the
    %   plane is scanned in row-major order (first spatial dimension
    %   outermost), a tie goes to the first element, the first NaN wins, and
    %   -0 before +0 stays -0 (SPEC.md section 5).
    %
    %   Errors come in the order of pooling.options.
    %
    %   Example:
    %     [y, idx] = pooling.global_max_pool(cat(3, [3 7; 7 1], [0 2; 9 9]))
    %     % y(:) = [7; 9], idx(:) = [3; 6] (ties go to the first in row-major order)
    %
    %   See also pooling.options, pooling.max_pool, pooling.global_max_pool_backward,
    %   pooling.global_avg_pool.

    call = pooling.internal.prepare('global_max', varargin);
    [y, idx] = pooling.internal.pool_forward('max', call.x, call.geom, call.opts, nargout > 1);
end
