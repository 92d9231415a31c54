function dx = global_max_backward_fast(dy, x, geom)
    %GLOBAL_MAX_BACKWARD_FAST  Global max pooling backward: each plane's DY to its selected element.
    %   DX = pooling.internal.global_max_backward_fast(DY, X, GEOM) gives the
    %   same bits as max_pool_backward_naive for the one-window geometry of
    %   is_global_window. X is GEOM.in-by-GEOM.planes and DY
    %   1-by-1-by-1-by-GEOM.planes, of one class. One window per plane means
    %   one gradient per selected element: DX is +0 there plus DY (which turns
    %   a -0 into +0, as the naive sum from +0 does), +0 elsewhere.
    %
    %   See also pooling.internal.global_max_fast, pooling.internal.max_pool_backward_naive.

    [~, idx] = pooling.internal.global_max_fast(x, geom, true);
    dx = zeros(size(x), class(x));
    dx(idx) = dy(:) + 0;
end
