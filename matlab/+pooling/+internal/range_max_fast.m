function [y, idx] = range_max_fast(x, win)
    %RANGE_MAX_FAST  Max over range windows, offset by offset: range_max_naive's bits.
    %   [Y, IDX] = pooling.internal.range_max_fast(X, WIN) visits the window
    %   offsets in row-major order; a window's first element starts its scan
    %   and a later V replaces the best B only if B is not NaN and (V is NaN
    %   or V > B), so each window sees its elements in its own scan order.
    %
    %   See also pooling.internal.range_max_naive, pooling.internal.range_offsets.

    y = zeros([win.out, win.planes], class(x));
    idx = zeros([win.out, win.planes]);
    pending = true(win.out);
    plane = prod(win.in) * (0:win.planes - 1);
    for j1 = 0:win.extent(1) - 1
        for j2 = 0:win.extent(2) - 1
            for j3 = 0:win.extent(3) - 1
                [pos, valid] = pooling.internal.range_offsets(win, [j1 j2 j3]);
                v = x(pos{1}, pos{2}, pos{3}, :);
                lin = pos{1} + win.in(1) * (reshape(pos{2}, 1, []) - 1 + win.in(2) * ...
                                            (reshape(pos{3}, 1, 1, []) - 1));
                lin = lin + reshape(plane, 1, 1, 1, []);
                first = valid & pending;
                later = valid & ~pending;
                take = first | (later & ~isnan(y) & (isnan(v) | v > y));
                y(take) = v(take);
                idx(take) = lin(take);
                pending = pending & ~valid;
            end
        end
    end
end
