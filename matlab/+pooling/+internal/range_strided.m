function [ob, ib] = range_strided(geom, j)
    %RANGE_STRIDED  The outputs and inputs that window offset J pairs in a regular geometry.
    %   [OB, IB] = pooling.internal.range_strided(GEOM, J) takes pool_geometry's
    %   GEOM (dilation 1) and an offset J (1-by-3, 0-based) and returns 1-by-3
    %   cells: OB{A} the 1-based outputs whose element at offset J lies inside
    %   the input along dimension A (a contiguous range), IB{A} those elements'
    %   1-based input positions (a strided range). OB is empty when no output
    %   has a real element at J. Output O reads position O*S - PB + J.
    %
    %   See also pooling.internal.range_sum_fast, pooling.internal.range_backward_fast.

    ob = {};
    ib = {};
    obs = cell(1, 3);
    ibs = cell(1, 3);
    for a = 1:3
        shift = geom.pb(a) - j(a);
        lo = max(0, ceil(shift / geom.s(a)));
        hi = min(geom.out(a), floor((geom.in(a) - 1 + shift) / geom.s(a)) + 1);
        if lo >= hi
            return
        end
        obs{a} = lo + 1:hi;
        ibs{a} = (lo * geom.s(a) - shift + 1):geom.s(a):((hi - 1) * geom.s(a) - shift + 1);
    end
    ob = obs;
    ib = ibs;
end
