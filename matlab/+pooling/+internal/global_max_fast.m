function [y, idx] = global_max_fast(x, geom, want_idx)
    %GLOBAL_MAX_FAST  Max pooling of each plane whole, with the selection rule of SPEC.md section 5.
    %   [Y, IDX] = pooling.internal.global_max_fast(X, GEOM, WANT_IDX) pools X,
    %   reshaped to GEOM.in-by-GEOM.planes, with one window covering every
    %   spatial position (is_global_window(GEOM) is true), and returns Y,
    %   1-by-1-by-1-by-GEOM.planes, with the same bits as max_pool_naive. With
    %   WANT_IDX true, IDX (sized like Y) holds the 1-based linear indices into
    %   X of the selected elements, as doubles; otherwise it is [].
    %
    %   A window-offset loop would make one pass per spatial position. Instead,
    %   MAX over each plane gives the value of its maximum: a maximum of numbers
    %   is the same whatever the order of the comparisons, except for the sign
    %   of a zero, and MAX ignores NaN. Planes whose maximum is a zero, or that
    %   hold a NaN, and every plane when indices are wanted, then take their
    %   selected element itself: the first, in row-major order, equal to the
    %   maximum (for NaN, the first NaN). That first match is found without
    %   any order either: each match gets a distinct weight, larger for
    %   earlier row-major positions, and MAX picks the one largest weight.
    %
    %   See also pooling.internal.max_pool_naive, pooling.internal.global_max_backward_fast.

    p_count = prod(geom.in);
    xr = reshape(x, p_count, geom.planes);
    y = max(xr, [], 1);
    nan_planes = false(1, geom.planes);
    if isfloat(x) && pooling.internal.has_nan(xr)
        nan_planes = any(isnan(xr), 1);
    end
    idx = [];
    if want_idx
        picked = 1:geom.planes;
        q = first_match(xr, y, nan_planes, geom.in);
    else
        % Equal integers have equal bits: only floats' zeros and NaN need the element.
        picked = find(isfloat(x) & (y == 0 | nan_planes));
        q = first_match(xr(:, picked), y(picked), nan_planes(picked), geom.in);
    end
    lin = q + (picked - 1) * p_count;
    y(picked) = xr(lin);
    y = reshape(y, [1 1 1 geom.planes]);
    if want_idx
        idx = reshape(lin, [1 1 1 geom.planes]);
    end
end

function q = first_match(xr, target, nan_planes, in)
    % Row of each column of XR that holds, first in row-major order, TARGET
    % (NaN in the NAN_PLANES columns). Every column has one (TARGET is one of
    % its elements), so the largest weight of each column is unique.
    p_count = size(xr, 1);
    q = zeros(1, size(xr, 2));
    if isempty(q)
        return
    end
    match = xr == target;
    if any(nan_planes)
        match(:, nan_planes) = isnan(xr(:, nan_planes));
    end
    order = pooling.internal.row_major_order(in);
    weight_class = pooling.internal.offset_class(p_count);
    weight = zeros(p_count, 1, weight_class);
    weight(order) = p_count:-1:1;
    best = max(feval(weight_class, match) .* weight, [], 1);
    q = reshape(order(p_count + 1 - double(best)), 1, []);
end
