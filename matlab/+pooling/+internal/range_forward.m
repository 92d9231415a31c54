function [y, idx] = range_forward(op, x, win, method, p, want_idx)
    %RANGE_FORWARD  Adaptive max or average pooling, or Lp pooling, over range windows.
    %   [Y, IDX] = pooling.internal.range_forward(OP, X, WIN, METHOD, P, WANT_IDX)
    %   pools X ([spatial..., C, N]) over the windows WIN (range_windows) with
    %   OP 'max', 'avg' or 'lp' (P is the Lp order in class(X), else unused) by
    %   METHOD 'fast' or 'naive', and returns Y as OUT_1-by-...-by-OUT_R-by-C-by-N.
    %   For 'max' with WANT_IDX true, IDX holds the 1-based linear indices into
    %   X of the selected elements, sized like Y; otherwise it is [].
    %
    %   See also pooling.internal.range_backward.

    xr = reshape(x, [win.in, win.planes]);
    naive = strcmp(method, 'naive');
    idxr = [];
    switch op
        case 'max'
            if naive
                [yr, idxr] = pooling.internal.range_max_naive(xr, win);
            else
                [yr, idxr] = pooling.internal.range_max_fast(xr, win);
            end
        case 'avg'
            yr = range_sum(xr, win, naive) ./ cast(win.count, class(x));
        case 'lp'
            t = pooling.internal.lp_power(abs(xr), p);
            yr = pooling.internal.lp_power(range_sum(t, win, naive), ones(1, 1, class(x)) / p);
    end
    [y, idx] = pooling.internal.pooled_output(yr, idxr, want_idx, win);
end

function s = range_sum(t, win, naive)
    if naive
        s = pooling.internal.range_sum_naive(t, win);
    else
        s = pooling.internal.range_sum_fast(t, win);
    end
end
