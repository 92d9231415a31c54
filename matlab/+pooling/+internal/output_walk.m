function [at, o, p] = output_walk(out, planes)
    %OUTPUT_WALK  Every output position, in the order the naive loops visit them.
    %   [AT, O, P] = pooling.internal.output_walk(OUT, PLANES) lists the
    %   PROD(OUT)*PLANES positions of an OUT-by-PLANES array (OUT 1-by-3) in
    %   ascending row-major order over (plane, spatial...): the plane
    %   outermost, then the first spatial dimension, the last innermost
    %   (SPEC.md section 5). For the K-th position, AT(K) is its 1-based
    %   linear index into the array, O(K, :) its 0-based spatial subscripts
    %   and P(K) its 1-based plane; all three are double columns (O has three).
    %
    %   The order is built with plain nested loops, as the chapter writes
    %   them, not with row_major_order: the naive reference must not share
    %   code with the fast paths it checks, or one bug would make both wrong
    %   together.
    %
    %   See also pooling.internal.spread_naive, pooling.internal.add_at_naive.

    n = prod(out) * planes;
    at = zeros(n, 1);
    o = zeros(n, 3);
    p = zeros(n, 1);
    k = 0;
    for plane = 1:planes
        for o1 = 0:out(1) - 1
            for o2 = 0:out(2) - 1
                for o3 = 0:out(3) - 1
                    k = k + 1;
                    % MATLAB stores the array column-major: the first
                    % subscript varies fastest in the linear index.
                    at(k) = 1 + o1 + out(1) * (o2 + out(2) * (o3 + out(3) * (plane - 1)));
                    o(k, :) = [o1, o2, o3];
                    p(k) = plane;
                end
            end
        end
    end
end
