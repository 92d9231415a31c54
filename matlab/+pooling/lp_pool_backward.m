function dx = lp_pool_backward(varargin)
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

    call = pooling.internal.prepare('lp_backward', varargin);
    dx = pooling.internal.range_backward('lp', call.fname, call.dy, call.x, call.win, ...
                                         call.opts.method, call.p);
end
