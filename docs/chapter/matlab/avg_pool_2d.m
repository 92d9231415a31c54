function y = avg_pool_2d(x, k, s, p)
    %AVG_POOL_2D  Average pooling of one H-by-W plane: the chapter's loops.
    %   Y = AVG_POOL_2D(X, K, S, P) slides a K-by-K window over the H-by-W
    %   matrix X (single or double) with stride S and P positions of padding
    %   on every side; Y has the size MAX_POOL_2D gives.
    %
    %   Example: AVG_POOL_2D([1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4], 2, 2, 0)
    %   is [3.25 5.25; 2 2].
    %
    %   Each window's real elements are added one at a time in row-major
    %   order, starting from +0; padding adds nothing but still counts, so
    %   the sum is divided once by K*K (PyTorch's count_include_pad, the
    %   default). The division is a true division in X's class.

    [h, w] = size(x);
    out_h = floor((h + 2 * p - k) / s) + 1;
    out_w = floor((w + 2 * p - k) / s) + 1;
    y = zeros(out_h, out_w, class(x));
    for i = 1:out_h
        for j = 1:out_w
            acc = zeros(1, class(x));        % +0
            for a = 1:k
                for b = 1:k
                    r = (i - 1) * s - p + a;
                    c = (j - 1) * s - p + b;
                    if r >= 1 && r <= h && c >= 1 && c <= w
                        acc = acc + x(r, c);     % padding adds nothing
                    end
                end
            end
            y(i, j) = acc / cast(k * k, class(x));   % one division; padding counted
        end
    end
end
