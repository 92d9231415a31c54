function dx = max_pool_backward(dy, x, pool_size, varargin)
    %MAX_POOL_BACKWARD  Gradient of pooling.max_pool with respect to X, bit-exact.
    %   DX = pooling.max_pool_backward(DY, X, POOL_SIZE) routes each upstream
    %   gradient DY(p) to the element of X that pooling.max_pool(X, POOL_SIZE)
    %   selects for output p. X is laid out as [spatial..., C, N], a real,
    %   full double or single array (a gradient of a function of integers is
    %   not a useful number, so integer classes are refused; SPEC.md section
    %   11), with C and every spatial size at least 1 (N may be 0); DY has the
    %   size of the forward output Y and the class of X. DX has the size and
    %   class of X.
    %
    %   DX = pooling.max_pool_backward(DY, X, POOL_SIZE, Name, Value, ...) takes
    %   the options of the forward call, which must be the same as there:
    %     'Stride'       positive integers, a scalar or R of them. Default POOL_SIZE.
    %     'Padding'      nonnegative integers: a scalar, a 1-by-R row or a 2-by-R
    %                    matrix [BEFORE; AFTER], each at most E-1; or 'valid'
    %                    or 'same' (SPEC.md section 4.1). Default 0.
    %     'Dilation'     positive integers, a scalar or R of them. Default 1.
    %     'CeilMode'     true or false (logical, or numeric 0 or 1). Default false.
    %     'SpatialDims'  1, 2 or 3. Default NUMEL(POOL_SIZE) when that is 2 or
    %                    3, else 2.
    %     'Method'       'fast' (default; loops over window offsets with
    %                    whole-array operations) or 'naive' (one output at a
    %                    time). Both return identical bits.
    %   Names are case-insensitive; see pooling.max_pool for the details.
    %
    %   DY must be OUT_1-by-...-by-OUT_R-by-C-by-N (trailing singleton
    %   dimensions may be dropped, as MATLAB does), with, per spatial dimension
    %   and E = DILATION*(POOL_SIZE-1)+1,
    %     OUT = floor((IN + BEFORE + AFTER - E) / STRIDE) + 1
    %   and, with 'CeilMode' true, ceil for floor, then OUT = OUT - 1 if
    %   (OUT-1)*STRIDE >= IN + BEFORE.
    %
    %   The selection is the forward one (ties to the first element in
    %   row-major order, the first NaN wins; SPEC.md section 5), and the whole
    %   of DY(p) goes to the one selected element, never split among ties.
    %   DX starts at +0 everywhere; the outputs are visited in ascending
    %   row-major order over (n, c, spatial...), the first spatial dimension
    %   outermost, and each adds its DY to DX at its selected element. Where
    %   windows overlap, one element collects several gradients, and this order
    %   fixes the rounding of their sum (SPEC.md section 7). An element never
    %   selected gets +0.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput,
    %   pooling:badOption, pooling:badKernel, pooling:badStride,
    %   pooling:badPadding, pooling:badDilation, pooling:outputTooSmall,
    %   pooling:emptyWindow, pooling:badGradient (DY not of class(X), not real,
    %   or not the forward output's size).
    %
    %   Example:
    %     x = [1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4];
    %     dx = pooling.max_pool_backward([1 2; 3 4], x, 2)
    %     % dx = [0 0 0 0; 0 1 0 2; 3 0 0 0; 0 0 0 4]
    %
    %   See also pooling.max_pool, pooling.avg_pool_backward,
    %   pooling.global_max_pool_backward.

    fname = 'pooling.max_pool_backward';
    if nargin < 2
        error('pooling:badInput', '%s: X is required (the call is DX = %s(DY, X, POOL_SIZE)).', ...
              fname, fname);
    end
    if nargin < 3
        % Reported as a bad kernel size, after X and the options are checked.
        pool_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'max_backward', x, pool_size, varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    dx = pooling.internal.pool_backward('max', fname, dy, x, geom, opts);
end
