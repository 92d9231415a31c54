function [y, idx] = max_pool_naive(x, geom)
    %MAX_POOL_NAIVE  Max pooling one window at a time: the reference loops of SPEC.md section 5.
    %   [Y, IDX] = pooling.internal.max_pool_naive(X, GEOM) pools X, reshaped to
    %   GEOM.in-by-GEOM.planes, and returns Y and the 1-based linear indices IDX
    %   into X of the selected elements, both GEOM.out-by-GEOM.planes.
    %
    %   Each window is scanned in row-major order over its offsets (first
    %   spatial dimension outermost), skipping positions outside the input.
    %   The first element met starts the running best B; a later element V
    %   replaces it only if B is not NaN and (V is NaN or V > B).
    %
    %   See also pooling.internal.max_pool_fast.

    in = geom.in;
    out = geom.out;
    k = geom.k;
    s = geom.s;
    d = geom.d;
    pb = geom.pb;
    y = zeros([out, geom.planes], class(x));
    idx = zeros([out, geom.planes]);

    for p = 1:geom.planes
        for o1 = 0:out(1) - 1
            for o2 = 0:out(2) - 1
                for o3 = 0:out(3) - 1
                    have = false;
                    best = zeros(1, 1, class(x));
                    best_idx = 0;
                    for j1 = 0:k(1) - 1
                        % Positions outside the input are padding (or the ceil-mode
                        % overhang): absent, never compared.
                        q1 = o1 * s(1) - pb(1) + j1 * d(1);
                        if q1 < 0 || q1 >= in(1)
                            continue
                        end
                        for j2 = 0:k(2) - 1
                            q2 = o2 * s(2) - pb(2) + j2 * d(2);
                            if q2 < 0 || q2 >= in(2)
                                continue
                            end
                            for j3 = 0:k(3) - 1
                                q3 = o3 * s(3) - pb(3) + j3 * d(3);
                                if q3 < 0 || q3 >= in(3)
                                    continue
                                end
                                lin = 1 + q1 + in(1) * (q2 + in(2) * (q3 + in(3) * (p - 1)));
                                v = x(lin);
                                if ~have || (~isnan(best) && (isnan(v) || v > best))
                                    have = true;
                                    best = v;
                                    best_idx = lin;
                                end
                            end
                        end
                    end
                    y(o1 + 1, o2 + 1, o3 + 1, p) = best;
                    idx(o1 + 1, o2 + 1, o3 + 1, p) = best_idx;
                end
            end
        end
    end
end
