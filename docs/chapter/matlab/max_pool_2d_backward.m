function dx = max_pool_2d_backward(dy, x, k, s, p)
    %MAX_POOL_2D_BACKWARD  Gradient of MAX_POOL_2D: route each dy to its maximum.
    %   DX = MAX_POOL_2D_BACKWARD(DY, X, K, S, P) takes the upstream gradient
    %   DY (the size of MAX_POOL_2D(X, K, S, P), X's class) and returns DX,
    %   the size of X: each DY(i, j) is added to the element its window
    %   selected, every other element is +0. Where windows overlap, one
    %   element can receive several gradients; they are added one at a time
    %   in row-major order of the outputs, starting from +0.

    [~, idx] = max_pool_2d(x, k, s, p);
    dx = zeros(size(x), class(x));
    for i = 1:size(dy, 1)
        for j = 1:size(dy, 2)
            q = idx(i, j);
            dx(q) = dx(q) + dy(i, j);        % +=, never =: windows can overlap
        end
    end
end
