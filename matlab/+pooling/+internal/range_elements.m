function lin = range_elements(win, p, o)
    %RANGE_ELEMENTS  The input elements of one range window, in row-major order.
    %   LIN = pooling.internal.range_elements(WIN, P, O) lists the 1-based
    %   linear indices into X (WIN.in-by-WIN.planes) of the elements of the
    %   window of output O (1-by-3, 0-based) in plane P, in row-major order:
    %   first spatial dimension outermost, last innermost (SPEC.md section 5).
    %
    %   See also pooling.internal.range_windows.

    q = cell(1, 3);
    for a = 1:3
        q{a} = win.lo{a}(o(a) + 1):win.hi{a}(o(a) + 1) - 1;
    end
    % ndgrid's first output varies fastest in (:), so the last dimension is innermost.
    [g3, g2, g1] = ndgrid(q{3}, q{2}, q{1});
    lin = 1 + g1(:) + win.in(1) * (g2(:) + win.in(2) * (g3(:) + win.in(3) * (p - 1)));
end
