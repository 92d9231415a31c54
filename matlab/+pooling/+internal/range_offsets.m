function [pos, valid] = range_offsets(win, j)
    %RANGE_OFFSETS  The element at window offset J of every range window, for the fast paths.
    %   [POS, VALID] = pooling.internal.range_offsets(WIN, J) returns, for the
    %   offset J (1-by-3, 0-based), a 1-by-3 cell POS of 1-based positions per
    %   dimension (one per output; clipped to the window's first element where
    %   the window is shorter) and VALID, a WIN.out-sized logical array: true
    %   where the window has an element at that offset.
    %
    %   See also pooling.internal.range_max_fast, pooling.internal.range_sum_fast.

    pos = cell(1, 3);
    ok = cell(1, 3);
    for a = 1:3
        q = win.lo{a} + j(a);
        ok{a} = q < win.hi{a};
        q(~ok{a}) = win.lo{a}(~ok{a});
        pos{a} = q + 1;
    end
    valid = ok{1} & reshape(ok{2}, 1, []) & reshape(ok{3}, 1, 1, []);
end
