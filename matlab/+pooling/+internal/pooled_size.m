function sz = pooled_size(geom)
    %POOLED_SIZE  The size of a pooled output, [OUT_1 ... OUT_R, C, N].
    %   SZ = pooling.internal.pooled_size(GEOM) for a window geometry
    %   (pool_geometry) or range windows (range_windows): the R spatial output
    %   sizes, then the channels and the batch.
    %
    %   See also pooling.internal.pooled_output, pooling.internal.check_gradient.

    sz = [geom.out(1:geom.r), geom.channels, geom.batch];
end
