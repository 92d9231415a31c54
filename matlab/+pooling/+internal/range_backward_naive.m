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
    %   See also pooling.internal.range_backward_fast.

    out = win.out;
    dx = zeros(size(x), class(x));
    for pl = 1:win.planes
        for o1 = 1:out(1)
            for o2 = 1:out(2)
                for o3 = 1:out(3)
                    go = g(o1, o2, o3, pl);
                    if strcmp(op, 'max')
                        q = extra(o1, o2, o3, pl);
                        dx(q) = dx(q) + go;
                        continue
                    end
                    lin = pooling.internal.range_elements(win, pl, [o1 o2 o3] - 1);
                    for m = 1:numel(lin)
                        e = lin(m);
                        if strcmp(op, 'avg')
                            dx(e) = dx(e) + go;
                        else
                            dx(e) = dx(e) + pooling.internal.lp_gradient(x(e), ...
                                                                         extra(o1, o2, o3, pl), ...
                                                                         go, p);
                        end
                    end
                end
            end
        end
    end
end
