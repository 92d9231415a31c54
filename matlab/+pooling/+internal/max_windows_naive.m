function [y, idx] = max_windows_naive(x, out, planes, elements)
    %MAX_WINDOWS_NAIVE  The selection rule, one window at a time (SPEC.md section 5).
    %   [Y, IDX] = pooling.internal.max_windows_naive(X, OUT, PLANES, ELEMENTS)
    %   scans, for every output O (1-by-3, 0-based) of plane P, the elements
    %   of X listed by ELEMENTS(P, O): 1-based linear indices into X in the
    %   window's row-major scan order, at least one. The first element met
    %   starts the running best B; a later element V replaces it only if B is
    %   not NaN and (V is NaN or V > B). Integer classes need only the
    %   comparison, which is exact for them. Y (class(X)) and the linear
    %   indices IDX into X of the selected elements are OUT-by-PLANES.
    %
    %   See also pooling.internal.max_pool_naive, pooling.internal.range_max_naive.

    y = zeros([out, planes], class(x));
    idx = zeros([out, planes]);
    [at, o, p] = pooling.internal.output_walk(out, planes);
    for n = 1:numel(at)
        lin = elements(p(n), o(n, :));
        best_idx = lin(1);
        best = x(best_idx);
        for m = 2:numel(lin)
            v = x(lin(m));
            if ~isnan(best) && (isnan(v) || v > best)
                best = v;
                best_idx = lin(m);
            end
        end
        y(at(n)) = best;
        idx(at(n)) = best_idx;
    end
end
