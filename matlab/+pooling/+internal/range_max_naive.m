function [y, idx] = range_max_naive(x, win)
    %RANGE_MAX_NAIVE  Max over range windows one window at a time: SPEC.md sections 5 and 16.
    %   [Y, IDX] = pooling.internal.range_max_naive(X, WIN) scans each window
    %   of X (WIN.in-by-WIN.planes) in row-major order; the first element
    %   starts the running best B and a later V replaces it only if B is not
    %   NaN and (V is NaN or V > B). Y and the 1-based linear indices IDX into
    %   X are WIN.out-by-WIN.planes.
    %
    %   See also pooling.internal.range_max_fast, pooling.internal.max_windows_naive.

    elements = @(p, o) pooling.internal.range_elements(win, p, o);
    [y, idx] = pooling.internal.max_windows_naive(x, win.out, win.planes, elements);
end
