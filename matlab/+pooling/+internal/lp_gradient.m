function g = lp_gradient(x, norm, f, p)
    %LP_GRADIENT  Each element's share of its Lp window's gradient (SPEC.md section 17).
    %   G = pooling.internal.lp_gradient(X, NORM, F, P) returns, element-wise
    %   (with broadcasting), SIGN(X) .* LP_POWER(ABS(X), P-1) .* F, where F is
    %   the output's factor DY / NORM^(P-1) (pooling.internal.lp_factor), with
    %   the pinned cases: NaN where X is NaN; +0 where X is zero or NORM is
    %   zero. The product is LP_POWER(ABS(X), P-1) .* F, then negated where
    %   X < 0, so P = 2 gives X .* (DY ./ NORM) exactly.
    %
    %   See also pooling.internal.lp_power, pooling.internal.lp_factor.

    one = ones(1, 1, class(x));
    g = pooling.internal.lp_power(abs(x), p - one) .* f;
    neg = x < 0;
    g(neg) = -g(neg);
    zero = (x == 0) | (norm == 0);
    zero = zero & true(size(g));
    g(zero) = 0;
    nan_x = isnan(x) & true(size(g));
    g(nan_x) = NaN;
end
