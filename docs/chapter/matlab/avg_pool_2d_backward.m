function dx = avg_pool_2d_backward(dy, x, k, s, p)
    %AVG_POOL_2D_BACKWARD  Gradient of AVG_POOL_2D: share each dy over its window.
    %   DX = AVG_POOL_2D_BACKWARD(DY, X, K, S, P) takes the upstream gradient
    %   DY (the size of AVG_POOL_2D(X, K, S, P), X's class) and returns DX,
    %   the size of X. Outputs are visited in row-major order; each DY(i, j)
    %   is divided once by K*K and that share is added to every real element
    %   of its window, in row-major order, starting from +0.

    [h, w] = size(x);
    dx = zeros(h, w, class(x));
    for i = 1:size(dy, 1)
        for j = 1:size(dy, 2)
            g = dy(i, j) / cast(k * k, class(x));    % one division per output
            for a = 1:k
                for b = 1:k
                    r = (i - 1) * s - p + a;
                    c = (j - 1) * s - p + b;
                    if r >= 1 && r <= h && c >= 1 && c <= w
                        dx(r, c) = dx(r, c) + g;
                    end
                end
            end
        end
    end
end
