function dx = range_backward(op, fname, dy, x, win, method, p)
    %RANGE_BACKWARD  Gradient of adaptive max or average pooling, or Lp pooling, after checking DY.
    %   DX = pooling.internal.range_backward(OP, FNAME, DY, X, WIN, METHOD, P)
    %   checks DY against X and the forward output size (pooling:badGradient,
    %   the last check), then returns the gradient of OP ('max', 'avg' or 'lp',
    %   P the Lp order in class(X)) with respect to X, by METHOD 'fast' or
    %   'naive', sized and classed like X. Outputs are visited in ascending
    %   row-major order and overlapping windows accumulate from +0.
    %
    %   See also pooling.internal.range_forward.

    pooling.internal.check_gradient(fname, dy, x, win, false);
    xr = reshape(x, [win.in, win.planes]);
    dyr = reshape(dy, [win.out, win.planes]);
    extra = [];
    switch op
        case 'max'
            [~, extra] = pooling.internal.range_forward('max', x, win, method, [], true);
            extra = reshape(extra, [win.out, win.planes]);
        case 'avg'
            dyr = dyr ./ cast(win.count, class(x));
        case 'lp'
            extra = reshape(pooling.internal.range_forward('lp', x, win, method, p, false), ...
                            [win.out, win.planes]);
            dyr = pooling.internal.lp_factor(dyr, extra, p);
    end
    if strcmp(method, 'naive')
        dxr = pooling.internal.range_backward_naive(op, dyr, xr, win, extra, p);
    else
        dxr = pooling.internal.range_backward_fast(op, dyr, xr, win, extra, p);
    end
    dx = reshape(dxr, size(x));
end
