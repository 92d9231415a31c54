function dx = avg_pool_backward_fast(dy, x, geom, opts)
    %AVG_POOL_BACKWARD_FAST  Average pooling backward, vectorised, looping over window offsets.
    %   DX = pooling.internal.avg_pool_backward_fast(DY, X, GEOM, OPTS) gives the
    %   same bits as avg_pool_backward_naive. X is GEOM.in-by-GEOM.planes and DY
    %   GEOM.out-by-GEOM.planes, of one class.
    %
    %   Each DY(p) is divided once by its window's divisor. One input element
    %   is read by several outputs only at different window offsets, and along
    %   every dimension a larger offset belongs to an earlier output. Walking
    %   the offsets in reverse row-major order therefore adds the shares of any
    %   one element in ascending row-major output order, the order SPEC.md
    %   section 8 fixes. Offsets where every output reads padding are skipped
    %   (offset_list). An offset of offset_rounds' round 1 brings the first
    %   share of every element it reads, so it writes +0 + G without reading DX.
    %
    %   See also pooling.internal.avg_pool_backward_naive, pooling.internal.avg_divisor.

    g = dy ./ cast(pooling.internal.avg_divisor(geom, opts), class(dy));
    dx = zeros(size(x), class(x));
    offsets = pooling.internal.offset_list(geom);
    rounds = pooling.internal.offset_rounds(geom, offsets);
    for t = size(offsets, 1):-1:1
        [o1, i1, o2, i2, o3, i3] = pooling.internal.offset_boxes(geom, offsets(t, :));
        if isempty(o1) || isempty(o2) || isempty(o3)
            continue
        end
        share = g;
        if numel(o1) * numel(o2) * numel(o3) ~= prod(geom.out)
            share = g(o1, o2, o3, :);
        end
        if rounds(t) == 1
            dx(i1, i2, i3, :) = share + 0;
        else
            dx(i1, i2, i3, :) = dx(i1, i2, i3, :) + share;
        end
    end
end
