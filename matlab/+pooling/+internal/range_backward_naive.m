function dx = range_backward_naive(op, g, x, win, extra, p)
    %RANGE_BACKWARD_NAIVE  Range-window gradients one output, one element at a time.
    %   DX = pooling.internal.range_backward_naive(OP, G, X, WIN, EXTRA, P)
    %   visits the outputs in ascending row-major order (plane outermost) and
    %   adds to DX, starting at +0:
    %     'max'  G(o) at EXTRA(o), the selected element's linear index
    %     'avg'  G(o) (DY already divided by the window's count) at every
    %            element of the window, in row-major order
    %     'lp'   lp_gradient(X(e), EXTRA(o), G(o), P) at every element e of the
    %            window (EXTRA the norms, G the factors DY / NORM^(P-1))
    %   (SPEC.md sections 16 and 17).
    %
    %   See also pooling.internal.range_backward_fast, pooling.internal.spread_naive.

    dx = zeros(size(x), class(x));
    elements = @(pl, o) pooling.internal.range_elements(win, pl, o);
    switch op
        case 'max'
            dx = pooling.internal.add_at_naive(dx, g, extra, win.out, win.planes);
        case 'avg'
            dx = pooling.internal.spread_naive(dx, g, win.out, win.planes, elements);
        case 'lp'
            share = @(k, e) pooling.internal.lp_gradient(x(e), extra(k), g(k), p);
            dx = pooling.internal.spread_naive(dx, g, win.out, win.planes, elements, share);
    end
end
