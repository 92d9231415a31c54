function options()
    %OPTIONS  The options, output size, selection rule and error order shared by pooling functions.
    %   This page is documentation: help pooling.options (or calling
    %   pooling.options) shows it. Each function's own help lists its calling
    %   forms, its own options and its output; what they share is here.
    %
    %   Layout and the number of spatial dimensions R
    %     Arrays are [spatial..., C, N]: H-by-W-by-C-by-N for images, L-by-C-by-N
    %     for signals, D-by-H-by-W-by-C-by-N for volumes. Each (c, n) plane is
    %     pooled on its own. MATLAB drops trailing singleton dimensions (an
    %     8-by-8-by-1-by-1 array is 8-by-8), so R is never read from NDIMS: it
    %     is 'SpatialDims' when given, else NUMEL(POOL_SIZE) when that is 2 or
    %     3, else 2 (the global functions and pooling.max_unpool_backward
    %     default to 2; pooling.max_unpool reads it from OUTPUT_SIZE, see its
    %     help). The data
    %     argument has at most R+2 dimensions; missing trailing ones are 1. C
    %     and every spatial size must be at least 1; an empty batch (N = 0)
    %     gives an empty result.
    %     The adaptive functions read R from OUTPUT_SIZE as the window
    %     functions read it from POOL_SIZE; pooling.lp_pool takes the window
    %     options except 'Dilation' (SPEC.md sections 16 and 17).
    %
    %   Options (name-value pairs after the required arguments; names are
    %   case-insensitive, char vectors or string scalars; the last of a
    %   repeated name wins). Every integer parameter (POOL_SIZE, 'Stride',
    %   'Padding', 'Dilation', 'DivisorOverride', OUTPUT_SIZE) may be of any
    %   numeric class but must be integer valued and at most 2^31-1.
    %     'Stride'       positive integers, a scalar or a vector of R.
    %                    Default POOL_SIZE, so the windows tile without overlap.
    %     'Padding'      nonnegative integers: a scalar, a 1-by-R row (the same
    %                    pad before and after, per dimension) or a 2-by-R
    %                    matrix [BEFORE; AFTER], each at most E-1 (E below); or
    %                    'valid' (no padding) or 'same' (case-insensitive:
    %                    OUT = ceil(IN/STRIDE), TOTAL = max((OUT-1)*STRIDE + E
    %                    - IN, 0), BEFORE = floor(TOTAL/2), AFTER = TOTAL -
    %                    BEFORE; SPEC.md section 4.1). Default 0. Padded
    %                    positions are absent, never a value: max pooling
    %                    never selects them and average pooling never sums
    %                    them (whether they count in its divisor is
    %                    'CountIncludePad').
    %     'Dilation'     positive integers, a scalar or a vector of R: a window
    %                    reads every DILATION-th element. Default 1.
    %     'CeilMode'     true or false (a logical, or numeric 0 or 1): round
    %                    the output size up instead of down. Default false.
    %     'SpatialDims'  1, 2 or 3: the number of spatial dimensions R.
    %                    Default as described above.
    %     'Method'       'fast' or 'naive' (case-insensitive). 'fast' loops
    %                    over the window offsets with whole-array operations;
    %                    'naive' takes one window at a time, the textbook
    %                    loops. Both return identical bits. Default 'fast'.
    %   The global functions take only 'SpatialDims' and 'Method';
    %   pooling.max_unpool takes 'PoolSize', 'Stride', 'Padding' (to infer
    %   its size), 'SpatialDims' and 'Method'; average pooling adds
    %   'CountIncludePad' and 'DivisorOverride' (see pooling.avg_pool).
    %
    %   Output size, per spatial dimension, with IN the input size, BEFORE
    %   and AFTER the padding and E = DILATION*(POOL_SIZE-1)+1 the effective
    %   window:
    %     OUT = floor((IN + BEFORE + AFTER - E) / STRIDE) + 1
    %   With 'CeilMode' true, ceil replaces floor, and then OUT = OUT - 1 if
    %   (OUT-1)*STRIDE >= IN + BEFORE: no window starts in the right padding
    %   or past it; the part of a last window beyond the right padding (the
    %   ceil-mode overhang) is absent like the padding. The result is
    %   OUT_1-by-...-by-OUT_R-by-C-by-N (SPEC.md section 3).
    %
    %   Selection rule of max pooling (SPEC.md sections 5 and 6): each window
    %   is scanned in row-major order (first spatial dimension outermost, last
    %   innermost), skipping absent positions. The first element met is the
    %   running best B; a later element V replaces B only if B is not NaN and
    %   (V is NaN or V > B). So a tie goes to the first element in row-major
    %   order, the first NaN wins (its payload kept), -0 before +0 stays -0,
    %   and an all -Inf window gives -Inf. MATLAB's MAX skips NaN and breaks
    %   ties column-major, so it is not used.
    %
    %   Backward passes (SPEC.md section 7): DY has the size of the forward
    %   output (trailing singletons may be dropped) and the class of X; DX
    %   has the size and class of X and starts at +0. The outputs are visited
    %   in ascending row-major order over (n, c, spatial...), first spatial
    %   dimension outermost, each adding its share of DY to DX; where windows
    %   overlap, this order fixes the rounding of the sum.
    %
    %   Indices: IDX from pooling.max_pool and pooling.global_max_pool is a
    %   double array the size of Y of 1-based linear indices into the whole
    %   of X, so X(IDX) is Y bit for bit; pooling.max_unpool takes them as
    %   they are.
    %
    %   Errors carry the identifiers of SPEC.md section 12, in this order:
    %     pooling:badInput       the data argument's class (integer classes
    %                            where a gradient or an average is computed)
    %     pooling:badOption      a malformed name-value list, an unknown name,
    %                            a bad 'CeilMode', 'CountIncludePad',
    %                            'DivisorOverride', 'SpatialDims' or 'Method'
    %     pooling:badInput       more than R+2 dimensions, C = 0 or a spatial
    %                            size of 0
    %     pooling:badKernel      POOL_SIZE
    %     pooling:badStride      'Stride'
    %     pooling:badPadding     'Padding': its type and shape
    %     pooling:badDilation    'Dilation'
    %     pooling:badPadding     a pad above E-1 (E needs the dilation)
    %     pooling:outputTooSmall some OUT < 1
    %     pooling:tooLarge       the output would have more than 2^31-1
    %                            elements (an empty batch counted as N = 1); X
    %                            itself is held to the same bound, checked with
    %                            its dimensions
    %     pooling:emptyWindow    a window holds no input element (possible only
    %                            with dilation)
    %     pooling:badGradient    DY not of class(X), not real, or not the size
    %                            of the forward output
    %   The unpooling functions list their own order (OUTPUT_SIZE and IDX).
    %
    %   See also pooling.max_pool, pooling.avg_pool, pooling.global_max_pool,
    %   pooling.max_unpool.

    % Calling the page shows it, so it never runs by mistake as code.
    help('pooling.options');
end
