function [y, idx] = max_pool(x, pool_size, varargin)
    %MAX_POOL  Max pooling over the leading spatial dimensions of X, bit-exact.
    %   Y = pooling.max_pool(X, POOL_SIZE) pools X, laid out as [spatial..., C, N]
    %   (for example H-by-W-by-C-by-N), with a window of POOL_SIZE elements per
    %   spatial dimension. The stride defaults to POOL_SIZE, so the windows tile
    %   X without overlap. Each (c, n) plane is pooled on its own.
    %
    %   [Y, IDX] = pooling.max_pool(X, POOL_SIZE) also returns IDX, a double
    %   array the size of Y holding the 1-based linear indices into X of the
    %   selected elements, so X(IDX) is Y bit for bit (NaN where Y is NaN).
    %
    %   [...] = pooling.max_pool(X, POOL_SIZE, Name, Value, ...) sets options.
    %
    %   X must be a real, full array of class double, single, int8, uint8,
    %   int16, uint16, int32, uint32, int64 or uint64; Y has its class (the
    %   selection only compares, so it is exact at every type's extremes;
    %   SPEC.md section 11). POOL_SIZE is a positive
    %   integer scalar (used for every spatial dimension) or one per spatial
    %   dimension, of any numeric class but integer valued. The number of
    %   spatial dimensions R is 'SpatialDims' when given, else NUMEL(POOL_SIZE)
    %   when that is 2 or 3, else 2. X may have at most R+2 dimensions; missing
    %   trailing ones are 1, so an 8-by-8 X is a single 8-by-8 plane (and, with
    %   R = 1, an L-by-C matrix is C signals of length L). C and every spatial
    %   size must be at least 1; an empty batch (N = 0) gives an empty Y. Every
    %   integer parameter (POOL_SIZE, 'Stride', 'Padding', 'Dilation') is at
    %   most 2^31-1 (SPEC.md section 12).
    %
    %   Options (name-value pairs; names are case-insensitive, the last of a
    %   repeated name wins):
    %     'Stride'       positive integers, a scalar or R of them. Default POOL_SIZE.
    %     'Padding'      nonnegative integers: a scalar, a 1-by-R row (the same
    %                    pad before and after, per dimension) or a 2-by-R matrix
    %                    [BEFORE; AFTER], each at most E-1 (E below); or
    %                    'valid' (no padding) or 'same' (case-insensitive:
    %                    OUT = ceil(IN/STRIDE), TOTAL = max((OUT-1)*STRIDE + E
    %                    - IN, 0), BEFORE = floor(TOTAL/2), AFTER = TOTAL -
    %                    BEFORE; SPEC.md section 4.1). Default 0. Padded
    %                    positions are absent, never a value: they are skipped,
    %                    not compared, never selected.
    %     'Dilation'     positive integers, a scalar or R of them: a window reads
    %                    every DILATION-th element. Default 1.
    %     'CeilMode'     true or false (logical, or numeric 0 or 1): round the
    %                    output size up instead of down. Default false.
    %     'SpatialDims'  1, 2 or 3: the number of spatial dimensions R.
    %                    Default as described above.
    %     'Method'       'fast' or 'naive' (case-insensitive). 'fast' loops over
    %                    the window offsets with whole-array operations; 'naive'
    %                    scans one window at a time, the textbook loops. Both
    %                    return identical bits. Default 'fast'.
    %
    %   Output size, per spatial dimension, with IN the input size, BEFORE and
    %   AFTER the padding and E = DILATION*(POOL_SIZE-1)+1 the effective window:
    %     OUT = floor((IN + BEFORE + AFTER - E) / STRIDE) + 1
    %   With 'CeilMode' true, ceil replaces floor, and then OUT = OUT - 1 if
    %   (OUT-1)*STRIDE >= IN + BEFORE: no window starts in the right padding or
    %   past it; the part of a last window beyond the right padding is absent
    %   like the padding. Y is OUT_1-by-...-by-OUT_R-by-C-by-N, of class(X).
    %
    %   Selection: each window is scanned in row-major order (first spatial
    %   dimension outermost, last innermost), skipping absent positions. The
    %   first element met is the running best B; a later element V replaces B
    %   only if B is not NaN and (V is NaN or V > B). So a tie goes to the first
    %   element in row-major order (MATLAB's MAX breaks ties column-major and
    %   skips NaN, so it is not used), the first NaN wins, -0 before +0 stays
    %   -0, and an all -Inf window gives -Inf. See SPEC.md, sections 4 to 6.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput
    %   (X's class), pooling:badOption, pooling:badInput (too many dimensions,
    %   C = 0 or a spatial size of 0), pooling:badKernel, pooling:badStride,
    %   pooling:badPadding, pooling:badDilation,
    %   pooling:outputTooSmall (some OUT < 1), pooling:emptyWindow (a window
    %   holds no input element; possible only with dilation).
    %
    %   Example (SPEC.md, section 5):
    %     x = [1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4];
    %     [y, idx] = pooling.max_pool(x, 2)
    %     % y = [6 8; 3 4], idx = [6 14; 3 16]
    %
    %   See also pooling.max_pool_backward, pooling.avg_pool, pooling.global_max_pool,
    %   pooling.max_unpool.

    fname = 'pooling.max_pool';
    if nargin < 1
        error('pooling:badInput', '%s: X is required.', fname);
    end
    if nargin < 2
        % Reported as a bad kernel size, after X and the options are checked.
        pool_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'max', x, pool_size, varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    [y, idx] = pooling.internal.pool_forward('max', x, geom, opts, nargout > 1);
end
