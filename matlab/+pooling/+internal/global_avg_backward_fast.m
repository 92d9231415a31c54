function dx = global_avg_backward_fast(dy, x, geom, opts)
    %GLOBAL_AVG_BACKWARD_FAST  Global average pooling backward: each plane's share to all of it.
    %   DX = pooling.internal.global_avg_backward_fast(DY, X, GEOM, OPTS) gives
    %   the same bits as avg_pool_backward_naive for the one-window geometry of
    %   is_global_window. X is GEOM.in-by-GEOM.planes and DY
    %   1-by-1-by-1-by-GEOM.planes, of one class. Each DY is divided once by the
    %   divisor, and every element of the plane gets +0 plus that share, its
    %   only addition (SPEC.md section 8).
    %
    %   See also pooling.internal.global_avg_fast, pooling.internal.avg_pool_backward_naive.

    share = dy ./ cast(pooling.internal.avg_divisor(geom, opts), class(dy));
    dx = zeros(size(x), class(x)) + share;
end
