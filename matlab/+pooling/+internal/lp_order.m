function q = lp_order(fname, p, cls)
    %LP_ORDER  Check Lp pooling's P and return it in class CLS (SPEC.md section 17).
    %   Q = pooling.internal.lp_order(FNAME, P, CLS): P must be a real numeric
    %   (not logical) scalar in [1, 2^31-1]; P = Inf (the max of abs(X)) is
    %   refused. Anything else is pooling:badOption. Q = cast(P, CLS).

    ok = isnumeric(p) && isreal(p) && isscalar(p) && ~issparse(p) && ...
         isfinite(double(p)) && double(p) >= 1 && double(p) <= 2^31 - 1;
    if ~ok
        error('pooling:badOption', ...
              ['%s: P must be a real number in [1, 2^31-1] (P = Inf, the max of abs(X), is ' ...
               'not supported: use pooling.max_pool of abs(X)); got %s.'], ...
              fname, pooling.internal.describe_value(p));
    end
    q = cast(p, cls);
end
