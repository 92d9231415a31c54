function dx = avg_pool_backward(dy, x, pool_size, varargin)
    %AVG_POOL_BACKWARD  Gradient of pooling.avg_pool with respect to X, bit-exact.
    %   DX = pooling.avg_pool_backward(DY, X, POOL_SIZE) spreads each upstream
    %   gradient DY(p), divided by output p's divisor, over the input elements
    %   of p's window in pooling.avg_pool(X, POOL_SIZE). X is laid out as
    %   [spatial..., C, N], a real, full double or single array (integer
    %   classes raise pooling:badInput: a gradient of a function of integers is
    %   not a useful number; SPEC.md section 11), with C and every spatial size
    %   at least 1 (N may be 0). DY has the size of the forward output Y and
    %   the class of X. DX has the size and class of X.
    %
    %   DX = pooling.avg_pool_backward(DY, X, POOL_SIZE, Name, Value, ...) takes
    %   the options of the forward call, which must be the same as there:
    %     'Stride'           positive integers, a scalar or R of them. Default
    %                        POOL_SIZE.
    %     'Padding'          nonnegative integers: a scalar, a 1-by-R row or a
    %                        2-by-R matrix [BEFORE; AFTER], each at most E-1; or
    %                        'valid' or 'same' (SPEC.md section 4.1). Default 0.
    %     'Dilation'         positive integers, a scalar or R of them. Default 1.
    %     'CeilMode'         true or false. Default false.
    %     'CountIncludePad'  true or false: padded positions count in the
    %                        divisor. Default true.
    %     'DivisorOverride'  [] or a positive integer scalar. Default [] (none).
    %     'SpatialDims'      1, 2 or 3. Default NUMEL(POOL_SIZE) when that is 2
    %                        or 3, else 2.
    %     'Method'           'fast' (default; loops over window offsets with
    %                        whole-array operations) or 'naive' (one output at a
    %                        time). Both return identical bits.
    %   Names are case-insensitive; see pooling.avg_pool for the details, the
    %   output size formula and the divisor rule.
    %
    %   Rule (SPEC.md section 8): DX starts at +0 everywhere. The outputs are
    %   visited in ascending row-major order over (n, c, spatial...), the first
    %   spatial dimension outermost; each computes G = DY(p) / DIVISOR(p), one
    %   true division in class(X), and adds G to DX at every input element of
    %   its window, in row-major scan order, skipping padding. Where windows
    %   overlap, one element collects several shares, and this order fixes the
    %   rounding of their sum. An element in no window gets +0.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput,
    %   pooling:badOption, pooling:badKernel, pooling:badStride,
    %   pooling:badPadding, pooling:badDilation, pooling:outputTooSmall,
    %   pooling:emptyWindow, pooling:badGradient (DY not of class(X), not real,
    %   or not the forward output's size).
    %
    %   Example:
    %     dx = pooling.avg_pool_backward([4; 8], (1:5).', 2, 'SpatialDims', 1)
    %     % dx = [2; 2; 4; 4; 0]
    %
    %   See also pooling.avg_pool, pooling.max_pool_backward,
    %   pooling.global_avg_pool_backward.

    fname = 'pooling.avg_pool_backward';
    if nargin < 2
        error('pooling:badInput', '%s: X is required (the call is DX = %s(DY, X, POOL_SIZE)).', ...
              fname, fname);
    end
    if nargin < 3
        % Reported as a bad kernel size, after X and the options are checked.
        pool_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'avg_backward', x, pool_size, varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    dx = pooling.internal.pool_backward('avg', fname, dy, x, geom, opts);
end
