function [lin, n_extent] = window_elements(geom, p, o)
    %WINDOW_ELEMENTS  The input elements of one window, in its row-major scan order.
    %   [LIN, N_EXTENT] = pooling.internal.window_elements(GEOM, P, O) lists, for
    %   the window of output O (1-by-3, 0-based) in plane P (1-based), the
    %   1-based linear indices LIN into X (GEOM.in-by-GEOM.planes) of its input
    %   elements, in row-major order over the window offsets, first spatial
    %   dimension outermost (SPEC.md section 5). Offset J reads position
    %   O*S - PB + J*D per dimension (SPEC.md section 2); positions outside the
    %   input are padding or the ceil-mode overhang, absent and left out.
    %
    %   N_EXTENT counts the window's positions inside the padded extent
    %   [-PB, IN+PA) along every dimension: the padding counts, the overhang
    %   past the right padding does not. It is average pooling's divisor with
    %   'CountIncludePad' (SPEC.md section 8); NUMEL(LIN) is the one without.
    %
    %   See also pooling.internal.max_pool_naive, pooling.internal.avg_pool_naive.

    lin = zeros(1, prod(geom.k));
    n_real = 0;
    n_extent = 0;
    for j1 = 0:geom.k(1) - 1
        for j2 = 0:geom.k(2) - 1
            for j3 = 0:geom.k(3) - 1
                q = o .* geom.s - geom.pb + [j1 j2 j3] .* geom.d;
                if all(q >= -geom.pb & q < geom.in + geom.pa)
                    n_extent = n_extent + 1;
                end
                if all(q >= 0 & q < geom.in)
                    n_real = n_real + 1;
                    lin(n_real) = 1 + q(1) + geom.in(1) * (q(2) + geom.in(2) * ...
                                                           (q(3) + geom.in(3) * (p - 1)));
                end
            end
        end
    end
    lin = lin(1:n_real);
end
