function [y, idx] = max_pool_naive(x, geom)
    %MAX_POOL_NAIVE  Max pooling one window at a time: the reference loops of SPEC.md section 5.
    %   [Y, IDX] = pooling.internal.max_pool_naive(X, GEOM) pools X, reshaped to
    %   GEOM.in-by-GEOM.planes, and returns Y and the 1-based linear indices IDX
    %   into X of the selected elements, both GEOM.out-by-GEOM.planes.
    %
    %   Each window is scanned in row-major order over its offsets (first
    %   spatial dimension outermost), skipping positions outside the input.
    %   The first element met starts the running best B; a later element V
    %   replaces it only if B is not NaN and (V is NaN or V > B). Integer
    %   classes need only the comparison, which is exact for them.
    %
    %   See also pooling.internal.max_pool_fast, pooling.internal.window_elements.

    out = geom.out;
    y = zeros([out, geom.planes], class(x));
    idx = zeros([out, geom.planes]);

    for p = 1:geom.planes
        for o1 = 0:out(1) - 1
            for o2 = 0:out(2) - 1
                for o3 = 0:out(3) - 1
                    % pool_geometry guarantees every window an input element.
                    lin = pooling.internal.window_elements(geom, p, [o1 o2 o3]);
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
