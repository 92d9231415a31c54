function y = max_pool_pairs_fast(x, geom)
    %MAX_POOL_PAIRS_FAST  Max pooling values, 2-by-2 windows, stride 2, by adjacent pairs.
    %   Y = pooling.internal.max_pool_pairs_fast(X, GEOM) gives the same bits as
    %   max_pool_naive's Y for the geometries pairs_apply accepts (2-by-2
    %   windows, stride 2, no padding, no dilation, even sizes that the
    %   windows tile exactly). X is GEOM.in-by-GEOM.planes, single or double.
    %
    %   Elements paired along the first dimension are adjacent in memory, so
    %   MAX(RESHAPE(X, 2, []), [], 1) costs about one copy of X; then the
    %   column pairs of that result meet in one two-argument MAX of two
    %   column slices. This reduces each window in column-major order: the
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
    y = zeros(h / 2, w / 2, 1, p, class(x));
    nan_planes = isnan(sum(reshape(x, h * w, p), 1));
    rest = find(~nan_planes);
    if numel(rest) == p
        y = pairs(x, h, w, p);
    elseif ~isempty(rest)
        y(:, :, 1, rest) = pairs(x(:, :, 1, rest), h, w, numel(rest));
    end
    if any(nan_planes)
        sub = geom;
        sub.planes = nnz(nan_planes);
        y(:, :, 1, nan_planes) = pooling.internal.max_pool_fast(x(:, :, 1, nan_planes), ...
                                                                sub, false, false);
    end
end

function y = pairs(x, h, w, p)
    % Rows 2i-1 and 2i of every column are adjacent: one reduction over the
    % first dimension of a 2-by-(H/2*W*P) array.
    m = reshape(max(reshape(x, 2, []), [], 1), h / 2, 2, w / 2 * p);
    % Columns 2j-1 and 2j: two slices, each a run of H/2 contiguous elements.
    y = max(m(:, 1, :), m(:, 2, :));
    y = reshape(y, h / 2, w / 2, 1, p);
    redo = find(y == 0);
    if isempty(redo)
        return
    end
    % The first zero of the window in row-major order: (1,1), (1,2), (2,1),
    % (2,2). No NaN here, and every element is <= 0, so the rule keeps the
    % first of the zeros: a later element replaces the best only if larger.
    [i, j, ~, q] = ind2sub(size(y), redo);
    at = @(di, dj) sub2ind([h, w, 1, p], 2 * i - 1 + di, 2 * j - 1 + dj, ones(size(i)), q);
    best = x(at(0, 0));
    for step = [0 1; 1 0; 1 1].'
        v = x(at(step(1), step(2)));
        take = v > best;
        best(take) = v(take);
    end
    y(redo) = best;
end
