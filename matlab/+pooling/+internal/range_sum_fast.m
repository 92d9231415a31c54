function s = range_sum_fast(t, win)
    %RANGE_SUM_FAST  Each range window's row-major sum from +0, offset by offset.
    %   S = pooling.internal.range_sum_fast(T, WIN) gives range_sum_naive's
    %   bits: for each window offset, in row-major order, the element at that
    %   offset of every window (where there is one) is added to its
    %   accumulator, so each window's elements arrive in its scan order.
    %
    %   See also pooling.internal.range_sum_naive, pooling.internal.range_offsets.

    s = zeros([win.out, win.planes], class(t));
    if ~isempty(win.geom)
        % Regular windows (Lp pooling): strided ranges, offsets in row-major order.
        g = win.geom;
        live = {pooling.internal.range_live_offsets(win, 1), ...
                pooling.internal.range_live_offsets(win, 2), ...
                pooling.internal.range_live_offsets(win, 3)};
        for j1 = live{1}
            for j2 = live{2}
                for j3 = live{3}
                    [ob, ib] = pooling.internal.range_strided(g, [j1 j2 j3]);
                    if ~isempty(ob)
                        s(ob{:}, :) = s(ob{:}, :) + t(ib{:}, :);
                    end
                end
            end
        end
        return
    end
    for j1 = 0:win.extent(1) - 1
        for j2 = 0:win.extent(2) - 1
            for j3 = 0:win.extent(3) - 1
                [pos, valid] = pooling.internal.range_offsets(win, [j1 j2 j3]);
                v = t(pos{1}, pos{2}, pos{3}, :);
                m = repmat(valid, [1 1 1 win.planes]);
                s(m) = s(m) + v(m);
            end
        end
    end
end
