function y = avg_pool_fast(x, geom, opts)
    %AVG_POOL_FAST  Average pooling vectorised over output positions, looping over window offsets.
    %   Y = pooling.internal.avg_pool_fast(X, GEOM, OPTS) pools X, reshaped to
    %   GEOM.in-by-GEOM.planes (single or double), and returns Y,
    %   GEOM.out-by-GEOM.planes, with the same bits as avg_pool_naive.
    %
    %   The loop runs over the PROD(GEOM.k) window offsets in row-major order,
    %   the order each window is scanned in (SPEC.md sections 5 and 8). At one
    %   offset, the outputs whose window reads an input element form a box, the
    %   elements read a strided box of X, and one whole-array addition adds
    %   each element to its own output's accumulator: every accumulator sees
    %   its elements one at a time in scan order. SUM and MEAN are not used:
    %   they add in memory order (column-major), not in the scan order.
    %
    %   See also pooling.internal.avg_pool_naive, pooling.internal.avg_divisor.

    acc = zeros([geom.out, geom.planes], class(x));
    for t = 1:prod(geom.k)
        [o1, i1, o2, i2, o3, i3] = pooling.internal.offset_boxes(geom, t);
        if isempty(o1) || isempty(o2) || isempty(o3)
            continue
        end
        acc(o1, o2, o3, :) = acc(o1, o2, o3, :) + x(i1, i2, i3, :);
    end
    % One true division in class(X), never a multiplication by a reciprocal.
    y = acc ./ cast(pooling.internal.avg_divisor(geom, opts), class(x));
end
