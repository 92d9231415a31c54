function y = avg_pool_fast(x, geom, opts)
    %AVG_POOL_FAST  Average pooling vectorised over output positions, looping over window offsets.
    %   Y = pooling.internal.avg_pool_fast(X, GEOM, OPTS) pools X, reshaped to
    %   GEOM.in-by-GEOM.planes (single or double), and returns Y,
    %   GEOM.out-by-GEOM.planes, with the same bits as avg_pool_naive.
    %
    %   The loop runs over the window offsets in row-major order, the order
    %   each window is scanned in (SPEC.md sections 5 and 8), skipping those
    %   where every output reads padding (offset_list), which add nothing. At one
    %   offset, the outputs whose window reads an input element form a box, the
    %   elements read a strided box of X, and one whole-array addition adds
    %   each element to its own output's accumulator: every accumulator sees
    %   its elements one at a time in scan order. SUM and MEAN are not used:
    %   they add in memory order (column-major), not in the scan order. Unlike
    %   the maximum, a sum cannot be split by dimension: that would regroup the
    %   additions, and rounding depends on the grouping.
    %
    %   See also pooling.internal.avg_pool_naive, pooling.internal.avg_divisor.

    acc = [];
    offsets = pooling.internal.offset_list(geom);
    for t = 1:size(offsets, 1)
        [o1, i1, o2, i2, o3, i3] = pooling.internal.offset_boxes(geom, offsets(t, :));
        if isempty(o1) || isempty(o2) || isempty(o3)
            continue
        end
        v = x(i1, i2, i3, :);
        % A box of every output needs no indexing into the accumulator.
        whole = numel(o1) * numel(o2) * numel(o3) == prod(geom.out);
        if isempty(acc)
            if whole
                % The first addition, +0 + V, without an array of zeros.
                acc = v + 0;
                continue
            end
            acc = zeros([geom.out, geom.planes], class(x));
        end
        if whole
            acc = acc + v;
        else
            acc(o1, o2, o3, :) = acc(o1, o2, o3, :) + v;
        end
    end
    % One true division in class(X), never a multiplication by a reciprocal.
    y = acc ./ cast(pooling.internal.avg_divisor(geom, opts), class(x));
end
