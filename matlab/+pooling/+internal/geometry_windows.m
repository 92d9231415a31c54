function win = geometry_windows(geom)
    %GEOMETRY_WINDOWS  The windows of a pooling geometry without dilation, padding clipped away.
    %   WIN = pooling.internal.geometry_windows(GEOM) turns pool_geometry's
    %   GEOM (dilation 1) into window ranges: output O covers the 0-based
    %   positions [max(0, O*S - PB), min(IN, O*S - PB + K)) per dimension, the
    %   padding being absent (SPEC.md section 4). Lp pooling uses it.
    %
    %   See also pooling.internal.adaptive_windows, pooling.internal.range_windows.

    lo = cell(1, 3);
    hi = cell(1, 3);
    for a = 1:3
        start = (0:geom.out(a) - 1).' * geom.s(a) - geom.pb(a);
        lo{a} = max(start, 0);
        hi{a} = min(start + geom.k(a), geom.in(a));
    end
    win = pooling.internal.range_windows(geom.r, geom.in, geom.out, lo, hi, geom.channels, ...
                                         geom.batch, geom);
end
