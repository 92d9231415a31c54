function [at, o, p] = output_walk(out, planes)
    %OUTPUT_WALK  Every output position, in the order the naive loops visit them.
    %   [AT, O, P] = pooling.internal.output_walk(OUT, PLANES) lists the
    %   PROD(OUT)*PLANES positions of an OUT-by-PLANES array (OUT 1-by-3) in
    %   ascending row-major order over (plane, spatial...): the plane
    %   outermost, then the first spatial dimension, the last innermost
    %   (SPEC.md section 5). For the K-th position, AT(K) is its 1-based
    %   linear index into the array, O(K, :) its 0-based spatial subscripts
    %   and P(K) its 1-based plane; all three are double columns (O has three).
    %
    %   See also pooling.internal.row_major_order.

    order = pooling.internal.row_major_order(out);
    per_plane = numel(order);
    at = reshape(order + (0:planes - 1) * per_plane, [], 1);
    [o1, o2, o3] = ind2sub(out, order);
    o = repmat([o1, o2, o3] - 1, planes, 1);
    p = reshape(repmat(1:planes, per_plane, 1), [], 1);
end
