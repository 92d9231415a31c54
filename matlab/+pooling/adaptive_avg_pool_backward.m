function dx = adaptive_avg_pool_backward(dy, x, output_size, varargin)
    %ADAPTIVE_AVG_POOL_BACKWARD  Gradient of pooling.adaptive_avg_pool with respect to X.
    %   DX = pooling.adaptive_avg_pool_backward(DY, X, OUTPUT_SIZE, ...) takes
    %   the forward call's arguments and DY (the forward output's size and
    %   class(X)). DX starts at +0; output positions, in ascending row-major
    %   order, add DY / COUNT (one division by the window's element count) to
    %   every element of their window (SPEC.md section 16).
    %
    %   See also pooling.adaptive_avg_pool, pooling.avg_pool_backward.

    fname = 'pooling.adaptive_avg_pool_backward';
    if nargin < 2
        error('pooling:badInput', '%s: DY and X are required.', fname);
    end
    if nargin < 3
        output_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'adaptive_avg_backward', x, output_size, ...
                                          varargin);
    win = pooling.internal.adaptive_windows(size(x), opts);
    dx = pooling.internal.range_backward('avg', fname, dy, x, win, opts.method, []);
end
