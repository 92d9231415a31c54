function dx = adaptive_max_pool_backward(dy, x, output_size, varargin)
    %ADAPTIVE_MAX_POOL_BACKWARD  Gradient of pooling.adaptive_max_pool with respect to X.
    %   DX = pooling.adaptive_max_pool_backward(DY, X, OUTPUT_SIZE, ...) takes
    %   the forward call's X, OUTPUT_SIZE and options ('SpatialDims',
    %   'Method') and DY, the size of the forward output and of class(X)
    %   (single or double). DX starts at +0; output positions, in ascending
    %   row-major order, add their DY to the element they selected, so
    %   overlapping windows accumulate in that order (SPEC.md section 16).
    %
    %   See also pooling.adaptive_max_pool, pooling.max_pool_backward.

    fname = 'pooling.adaptive_max_pool_backward';
    if nargin < 2
        error('pooling:badInput', '%s: DY and X are required.', fname);
    end
    if nargin < 3
        output_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'adaptive_max_backward', x, output_size, ...
                                          varargin);
    win = pooling.internal.adaptive_windows(size(x), opts);
    dx = pooling.internal.range_backward('max', fname, dy, x, win, opts.method, []);
end
