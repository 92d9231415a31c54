function [y, idx] = max_pool_2d(x, k, s, p)
    %MAX_POOL_2D  Max pooling of one H-by-W plane: the chapter's loops.
    %   [Y, IDX] = MAX_POOL_2D(X, K, S, P) slides a K-by-K window over the
    %   H-by-W matrix X with stride S and P positions of padding on every
    %   side, and returns the largest element of each window in Y and its
    %   linear index into X in IDX (so X(IDX) equals Y). Y has
    %   floor((H + 2*P - K) / S) + 1 rows, and likewise for the columns.
    %
    %   Padding is absent: a padded position is skipped, never compared.
    %   Each window is scanned row by row (row-major order); the first
    %   element met starts the running best B, and a later element V
    %   replaces it only if B is not NaN and (V is NaN or V > B): ties go
    %   to the first element, and the first NaN wins.
    %
    %   Example: MAX_POOL_2D([1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4], 2, 2, 0)
    %   is [6 8; 3 4].

    [h, w] = size(x);
    out_h = floor((h + 2 * p - k) / s) + 1;
    out_w = floor((w + 2 * p - k) / s) + 1;
    y = zeros(out_h, out_w, class(x));
    idx = zeros(out_h, out_w);
    for i = 1:out_h
        for j = 1:out_w
            best = [];
            for a = 1:k                      % window rows: the outer loop
                for b = 1:k                  % window columns: the inner loop
                    r = (i - 1) * s - p + a;     % input row and column of offset (a, b)
                    c = (j - 1) * s - p + b;
                    if r < 1 || r > h || c < 1 || c > w
                        continue             % padding: absent
                    end
                    v = x(r, c);
                    if isempty(best) || (~isnan(best) && (isnan(v) || v > best))
                        best = v;
                        idx(i, j) = r + (c - 1) * h;
                    end
                end
            end
            y(i, j) = best;
        end
    end
end
