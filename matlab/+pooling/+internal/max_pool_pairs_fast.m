function y = max_pool_pairs_fast(x, geom)
    %MAX_POOL_PAIRS_FAST  Max pooling values, stride 2, by memory-adjacent pairs.
    %   Y = pooling.internal.max_pool_pairs_fast(X, GEOM) gives the same bits as
    %   max_pool_naive's Y for the geometries max_pool_fast sends here: 2-by-2
    %   windows with no padding, or 3-by-3 windows with padding 1, stride 2,
    %   no dilation, over the first two dimensions of even size 2*GEOM.out.
    %   X is GEOM.in-by-GEOM.planes, single or double.
    %
    %   Elements paired along the first dimension are adjacent in memory, so
    %   MAX(RESHAPE(X, 2, []), [], 1) costs about one copy of X; then the
    %   column pairs of that result meet in one two-argument MAX of two
    %   column slices. A 3-by-3 window adds the odd row (column) before the
    %   pair: one MAX of the result and the odd elements shifted by one in
    %   memory, the first of each column (row) put back, since padding is
    %   absent there. This reduces each window in column-major order: the
    %   maximum is the same number in any order, and only which of several
    %   equal elements is picked can differ, which shows in the bits only for
    %   zeros (-0 against +0). So outputs that are zero are redone with the
    %   rule of SPEC.md section 5 in row-major window order. MAX ignores NaN,
    %   so planes that may hold one (a NaN sum; an Inf - Inf only sends a
    %   plane the slower way) go through max_pool_fast's general path.
    %
    %   See also pooling.internal.max_pool_fast, pooling.internal.max_pool_naive.

    h = geom.in(1);
    w = geom.in(2);
    p = geom.planes;
    k = geom.k(1);
    nan_planes = isnan(sum(reshape(x, h * w, p), 1));
    % Every plane at once (no copy of the planes without NaN); the planes
    % with one are then redone.
    y = pairs(x, h, w, p, k);
    if any(nan_planes)
        sub = geom;
        sub.planes = nnz(nan_planes);
        y(:, :, 1, nan_planes) = pooling.internal.max_pool_fast(x(:, :, 1, nan_planes), ...
                                                                sub, false, false);
    end
end

function y = pairs(x, h, w, p, k)
    % Rows 2i-1 and 2i of every column are adjacent: one reduction over the
    % first dimension of a 2-by-(H/2*W*P) array.
    xp = reshape(x, 2, []);
    m = max(xp, [], 1);
    if k == 3
        m = after_previous(m, xp(2, :), h / 2);
    end
    m = reshape(m, h / 2, 2, w / 2 * p);
    % Columns 2j-1 and 2j: two slices, each a run of H/2 contiguous elements.
    odd = m(:, 2, :);
    y = max(m(:, 1, :), odd);
    if k == 3
        y = after_previous(reshape(y, h / 2, []), reshape(odd, h / 2, []), w / 2);
    end
    y = reshape(y, h / 2, w / 2, 1, p);
    redo = find(y == 0);
    if ~isempty(redo)
        y(redo) = first_zero(x, size(y), redo, k, h, w, p);
    end
end

function m = after_previous(m, odd, n)
    % MAX(M(i), ODD(i-1)) along the last dimension of M, in steps of whole
    % columns (a flat shift by one element or by one column), except where
    % i is the first of a run of N: its previous odd element is padding.
    if isvector(m)
        first = m(1:n:end);
        m(2:end) = max(m(2:end), odd(1:end - 1));
        m(1:n:end) = first;
    else
        first = m(:, 1:n:end);
        m(:, 2:end) = max(m(:, 2:end), odd(:, 1:end - 1));
        m(:, 1:n:end) = first;
    end
end

function best = first_zero(x, sz, redo, k, h, w, p)
    % Outputs that are zero: the maximum is 0 and no NaN is near, so the
    % selected element is the first element of the window, in row-major
    % order, equal to 0; its sign is the result's. Padding is absent.
    [i, j, ~, q] = ind2sub(sz, redo);
    top = 2 * i - 1 - (k == 3);
    left = 2 * j - 1 - (k == 3);
    best = zeros(size(redo), class(x));
    found = false(size(redo));
    for di = 0:k - 1
        for dj = 0:k - 1
            r = top + di;
            c = left + dj;
            inside = r >= 1 & c >= 1 & r <= h & c <= w;
            v = zeros(size(redo), class(x));
            v(inside) = x(sub2ind([h, w, 1, p], r(inside), c(inside), ones(nnz(inside), 1), ...
                                  q(inside)));
            pick = inside & ~found & v == 0;
            best(pick) = v(pick);
            found = found | pick;
        end
    end
end
