function [y, idx] = range_max_naive(x, win)
    %RANGE_MAX_NAIVE  Max over range windows one window at a time: SPEC.md sections 5 and 16.
    %   [Y, IDX] = pooling.internal.range_max_naive(X, WIN) scans each window
    %   of X (WIN.in-by-WIN.planes) in row-major order; the first element
    %   starts the running best B and a later V replaces it only if B is not
    %   NaN and (V is NaN or V > B). Y and the 1-based linear indices IDX into
    %   X are WIN.out-by-WIN.planes.
    %
    %   See also pooling.internal.range_max_fast, pooling.internal.range_elements.

    out = win.out;
    y = zeros([out, win.planes], class(x));
    idx = zeros([out, win.planes]);
    for p = 1:win.planes
        for o1 = 0:out(1) - 1
            for o2 = 0:out(2) - 1
                for o3 = 0:out(3) - 1
                    lin = pooling.internal.range_elements(win, p, [o1 o2 o3]);
                    best_idx = lin(1);
                    best = x(best_idx);
                    for m = 2:numel(lin)
                        v = x(lin(m));
                        if ~isnan(best) && (isnan(v) || v > best)
                            best = v;
                            best_idx = lin(m);
                        end
                    end
                    y(o1 + 1, o2 + 1, o3 + 1, p) = best;
                    idx(o1 + 1, o2 + 1, o3 + 1, p) = best_idx;
                end
            end
        end
    end
end
