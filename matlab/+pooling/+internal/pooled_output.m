function [y, idx] = pooled_output(yr, idxr, want_idx, geom)
    %POOLED_OUTPUT  Kernel results, GEOM.out-by-GEOM.planes, as the caller's [spatial..., C, N].
    %   [Y, IDX] = pooling.internal.pooled_output(YR, IDXR, WANT_IDX, GEOM)
    %   reshapes YR to pooled_size(GEOM), and IDXR too when WANT_IDX is true;
    %   otherwise IDX is [].
    %
    %   See also pooling.internal.pool_forward, pooling.internal.range_forward.

    sz = pooling.internal.pooled_size(geom);
    y = reshape(yr, sz);
    idx = [];
    if want_idx
        idx = reshape(idxr, sz);
    end
end
