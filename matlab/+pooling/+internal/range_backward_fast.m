function dx = range_backward_fast(op, g, x, win, extra, p)
    %RANGE_BACKWARD_FAST  Range-window gradients, one output position at a time over all planes.
    %   DX = pooling.internal.range_backward_fast(OP, G, X, WIN, EXTRA, P) gives
    %   range_backward_naive's bits: it visits the output positions in the
    %   same ascending row-major order, each time for every plane at once, so
    %   every element receives its gradients in the same order. Lp pooling's
    %   regular windows (WIN.geom) take strided ranges per window offset instead.
    %
    %   See also pooling.internal.range_backward_naive.

    out = win.out;
    dx = zeros(size(x), class(x));
    if strcmp(op, 'lp') && ~isempty(win.geom)
        dx = lp_strided(g, x, win, extra, p);
        return
    end
    for o1 = 1:out(1)
        for o2 = 1:out(2)
            for o3 = 1:out(3)
                go = g(o1, o2, o3, :);
                if strcmp(op, 'max')
                    q = extra(o1, o2, o3, :);
                    dx(q) = dx(q) + go;
                    continue
                end
                r1 = win.lo{1}(o1) + 1:win.hi{1}(o1);
                r2 = win.lo{2}(o2) + 1:win.hi{2}(o2);
                r3 = win.lo{3}(o3) + 1:win.hi{3}(o3);
                if strcmp(op, 'avg')
                    share = go;
                else
                    share = pooling.internal.lp_gradient(x(r1, r2, r3, :), ...
                                                         extra(o1, o2, o3, :), go, p);
                end
                dx(r1, r2, r3, :) = dx(r1, r2, r3, :) + share;
            end
        end
    end
end

function dx = lp_strided(f, x, win, norm, p)
    % Regular windows: one strided range per offset, offsets in reverse
    % row-major order, so each element meets its outputs in ascending order
    % (its offset falls as its output rises). Only the offsets that meet a
    % real element (range_live_offsets): the work never grows with the kernel.
    geom = win.geom;
    dx = zeros(size(x), class(x));
    live = {fliplr(pooling.internal.range_live_offsets(win, 1)), ...
            fliplr(pooling.internal.range_live_offsets(win, 2)), ...
            fliplr(pooling.internal.range_live_offsets(win, 3))};
    for j1 = live{1}
        for j2 = live{2}
            for j3 = live{3}
                [ob, ib] = pooling.internal.range_strided(geom, [j1 j2 j3]);
                if ~isempty(ob)
                    dx(ib{:}, :) = dx(ib{:}, :) + ...
                        pooling.internal.lp_gradient(x(ib{:}, :), norm(ob{:}, :), f(ob{:}, :), p);
                end
            end
        end
    end
end
