function s = range_sum_naive(t, win)
    %RANGE_SUM_NAIVE  Each range window's sum, one window at a time: SPEC.md sections 16 and 17.
    %   S = pooling.internal.range_sum_naive(T, WIN) adds the elements of each
    %   window of T (WIN.in-by-WIN.planes) to an accumulator starting at +0,
    %   one at a time in row-major order, in class(T). S is WIN.out-by-WIN.planes.
    %
    %   See also pooling.internal.range_sum_fast.

    out = win.out;
    s = zeros([out, win.planes], class(t));
    for p = 1:win.planes
        for o1 = 0:out(1) - 1
            for o2 = 0:out(2) - 1
                for o3 = 0:out(3) - 1
                    lin = pooling.internal.range_elements(win, p, [o1 o2 o3]);
                    acc = zeros(1, 1, class(t));
                    for m = 1:numel(lin)
                        acc = acc + t(lin(m));
                    end
                    s(o1 + 1, o2 + 1, o3 + 1, p) = acc;
                end
            end
        end
    end
end
