function s = range_sum_naive(t, win)
    %RANGE_SUM_NAIVE  Each range window's sum, one window at a time: SPEC.md sections 16 and 17.
    %   S = pooling.internal.range_sum_naive(T, WIN) adds the elements of each
    %   window of T (WIN.in-by-WIN.planes) to an accumulator starting at +0,
    %   one at a time in row-major order, in class(T). S is WIN.out-by-WIN.planes.
    %
    %   See also pooling.internal.range_sum_fast, pooling.internal.output_walk.

    s = zeros([win.out, win.planes], class(t));
    [at, o, p] = pooling.internal.output_walk(win.out, win.planes);
    for w = 1:numel(at)
        lin = pooling.internal.range_elements(win, p(w), o(w, :));
        acc = zeros(1, 1, class(t));
        for m = 1:numel(lin)
            acc = acc + t(lin(m));
        end
        s(at(w)) = acc;
    end
end
