function dx = lp_pool_backward(dy, x, p, pool_size, varargin)
    %LP_POOL_BACKWARD  Gradient of pooling.lp_pool with respect to X.
    %   DX = pooling.lp_pool_backward(DY, X, P, POOL_SIZE, ...) takes the
    %   forward call's arguments and DY (the forward output's size and
    %   class(X)). DX starts at +0; output positions, in ascending row-major
    %   order, add to each element E of their window
    %     SIGN(X(E)) * ABS(X(E))^(P-1) * (DY / NORM^(P-1))
    %   computed as pooling.internal.lp_gradient says (P = 2: X(E) * (DY /
    %   NORM)); +0 where X(E) is zero or NORM is zero, NaN where X(E) is NaN
    %   (SPEC.md section 17).
    %
    %   See also pooling.lp_pool.

    fname = 'pooling.lp_pool_backward';
    if nargin < 2
        error('pooling:badInput', '%s: DY and X are required.', fname);
    end
    if nargin < 4
        pool_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'lp_backward', x, pool_size, varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    if nargin < 3
        p = [];
    end
    q = pooling.internal.lp_order(fname, p, class(x));
    win = pooling.internal.geometry_windows(geom);
    dx = pooling.internal.range_backward('lp', fname, dy, x, win, opts.method, q);
end
