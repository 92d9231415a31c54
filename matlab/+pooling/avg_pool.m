function y = avg_pool(x, pool_size, varargin)
    %AVG_POOL  Average pooling over the leading spatial dimensions of X, bit-exact.
    %   Y = pooling.avg_pool(X, POOL_SIZE) averages X, laid out as
    %   [spatial..., C, N] (for example H-by-W-by-C-by-N), over windows of
    %   POOL_SIZE elements per spatial dimension. The stride defaults to
    %   POOL_SIZE. Each (c, n) plane is pooled on its own.
    %
    %   Y = pooling.avg_pool(X, POOL_SIZE, Name, Value, ...) sets options.
    %
    %   X must be a real, full double or single array: average pooling needs
    %   floating point, since an integer average would need a rounding rule
    %   (integer classes raise pooling:badInput; SPEC.md section 11). POOL_SIZE
    %   and the number of spatial dimensions R are as in pooling.max_pool: a
    %   positive integer scalar or one per spatial dimension; R is
    %   'SpatialDims' when given, else NUMEL(POOL_SIZE) when that is 2 or 3,
    %   else 2; X has at most R+2 dimensions, missing trailing ones are 1. C
    %   and every spatial size must be at least 1; an empty batch (N = 0) gives
    %   an empty Y. Every integer parameter (POOL_SIZE, 'Stride', 'Padding',
    %   'Dilation', 'DivisorOverride') is at most 2^31-1 (SPEC.md section 12).
    %
    %   Options (name-value pairs; names are case-insensitive, the last of a
    %   repeated name wins):
    %     'Stride'           positive integers, a scalar or R of them. Default
    %                        POOL_SIZE.
    %     'Padding'          nonnegative integers: a scalar, a 1-by-R row (the
    %                        same pad before and after) or a 2-by-R matrix
    %                        [BEFORE; AFTER], each at most E-1 (E below); or
    %                        'valid' (no padding) or 'same' (OUT =
    %                        ceil(IN/STRIDE), TOTAL = max((OUT-1)*STRIDE + E -
    %                        IN, 0), BEFORE = floor(TOTAL/2), AFTER = TOTAL -
    %                        BEFORE; SPEC.md section 4.1). Default 0. Padded
    %                        positions are never summed; whether they count in
    %                        the divisor is 'CountIncludePad'.
    %     'Dilation'         positive integers, a scalar or R of them. Default 1.
    %     'CeilMode'         true or false (logical, or numeric 0 or 1): round
    %                        the output size up. Default false.
    %     'CountIncludePad'  true or false: whether padded positions count in
    %                        the divisor. Default true.
    %     'DivisorOverride'  [] or a positive integer scalar: when given, the
    %                        divisor of every window. Default [] (none).
    %     'SpatialDims'      1, 2 or 3: the number of spatial dimensions R.
    %     'Method'           'fast' (default; loops over the window offsets with
    %                        whole-array operations) or 'naive' (one window at
    %                        a time, the textbook loops). Both return identical
    %                        bits.
    %
    %   Output size, per spatial dimension, with E = DILATION*(POOL_SIZE-1)+1:
    %     OUT = floor((IN + BEFORE + AFTER - E) / STRIDE) + 1
    %   With 'CeilMode' true, ceil replaces floor, and then OUT = OUT - 1 if
    %   (OUT-1)*STRIDE >= IN + BEFORE. Y is OUT_1-by-...-by-OUT_R-by-C-by-N, of
    %   class(X).
    %
    %   Rule (SPEC.md section 8): per window, an accumulator of class(X) starts
    %   at +0 and adds the window's input elements one at a time in row-major
    %   order (first spatial dimension outermost), skipping padding and the
    %   ceil-mode overhang; then it is divided once, a true division in
    %   class(X), never a multiplication by a reciprocal:
    %     Y = ACC / DIVISOR
    %   DIVISOR is 'DivisorOverride' when given; else the product over the
    %   spatial dimensions of the number of window positions O*STRIDE - BEFORE
    %   + J*DILATION (J = 0 .. POOL_SIZE-1) that lie in [-BEFORE, IN + AFTER)
    %   with 'CountIncludePad' (padding counts, the ceil-mode overhang past it
    %   does not, as in PyTorch), or in [0, IN) without it. SUM and MEAN are
    %   not used: they add in memory order, which is column-major. A window of
    %   -0 averages to +0.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput,
    %   pooling:badOption (also a bad 'CountIncludePad' or 'DivisorOverride'),
    %   pooling:badKernel, pooling:badStride, pooling:badPadding,
    %   pooling:badDilation, pooling:outputTooSmall, pooling:emptyWindow.
    %
    %   Example (SPEC.md, section 8):
    %     x = [1 2 3 4 5].';
    %     y = pooling.avg_pool(x, 2, 'Padding', 1, 'SpatialDims', 1)
    %     % y = [1/2; 5/2; 9/2]
    %     y = pooling.avg_pool(x, 2, 'Padding', 1, 'CountIncludePad', false, ...
    %                          'SpatialDims', 1)
    %     % y = [1; 5/2; 9/2]
    %
    %   See also pooling.avg_pool_backward, pooling.max_pool, pooling.global_avg_pool.

    fname = 'pooling.avg_pool';
    if nargin < 1
        error('pooling:badInput', '%s: X is required.', fname);
    end
    if nargin < 2
        % Reported as a bad kernel size, after X and the options are checked.
        pool_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'avg', x, pool_size, varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    y = pooling.internal.pool_forward('avg', x, geom, opts, false);
end
