function [y, sel] = max_pool_fast(x, geom)
    %MAX_POOL_FAST  Max pooling vectorised over output positions, looping over window offsets.
    %   [Y, SEL] = pooling.internal.max_pool_fast(X, GEOM) pools X, reshaped to
    %   GEOM.in-by-GEOM.planes, and returns Y and SEL, both GEOM.out-by-GEOM.planes;
    %   SEL holds the row-major number (1-based) of the window offset each
    %   output selected. Gives the same bits as max_pool_naive.
    %
    %   The loop runs over the PROD(GEOM.k) window offsets in row-major order,
    %   which is the order each window is scanned in (SPEC.md section 5). For
    %   one offset, every output whose window reads an input element there
    %   forms a box of outputs, and the elements read form a strided box of X,
    %   so one whole-array step applies the selection rule to all of them.
    %   HAVE marks outputs that already hold a best: with padding, the first
    %   offset that reads an element differs from one output to the next.
    %
    %   See also pooling.internal.max_pool_naive, pooling.internal.offset_to_index.

    y = zeros([geom.out, geom.planes], class(x));
    sel = zeros([geom.out, geom.planes]);
    have = false([geom.out, geom.planes]);

    for t = 1:prod(geom.k)
        [o1, i1, o2, i2, o3, i3] = pooling.internal.offset_boxes(geom, t);
        if isempty(o1) || isempty(o2) || isempty(o3)
            continue
        end
        v = x(i1, i2, i3, :);
        best = y(o1, o2, o3, :);
        chosen = sel(o1, o2, o3, :);
        take = ~have(o1, o2, o3, :) | (~isnan(best) & (isnan(v) | v > best));
        best(take) = v(take);
        chosen(take) = t;
        y(o1, o2, o3, :) = best;
        sel(o1, o2, o3, :) = chosen;
        have(o1, o2, o3, :) = true;
    end
end
