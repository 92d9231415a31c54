function [y, idx] = pool_forward(op, x, geom, opts, want_idx)
    %POOL_FORWARD  Max or average pooling of X with validated options and geometry.
    %   [Y, IDX] = pooling.internal.pool_forward(OP, X, GEOM, OPTS, WANT_IDX)
    %   pools X ([spatial..., C, N]) with OP 'max' or 'avg', by OPTS.method
    %   ('fast' or 'naive'), and returns Y as OUT_1-by-...-by-OUT_R-by-C-by-N.
    %   For 'max' with WANT_IDX true, IDX holds the 1-based linear indices into
    %   X of the selected elements, sized like Y; otherwise it is [].
    %   The public window and global pooling functions all end here.
    %
    %   See also pooling.internal.pool_backward, pooling.internal.pool_geometry.

    xr = reshape(x, [geom.in, geom.planes]);
    idxr = [];
    switch [op, '/', pooling.internal.kernel_path(opts.method, geom)]
        case 'max/naive'
            [yr, idxr] = pooling.internal.max_pool_naive(xr, geom);
        case 'avg/naive'
            yr = pooling.internal.avg_pool_naive(xr, geom, opts);
        case 'max/global'
            [yr, idxr] = pooling.internal.global_max_fast(xr, geom, want_idx);
        case 'avg/global'
            yr = pooling.internal.global_avg_fast(xr, geom, opts);
        case 'max/window'
            [yr, sel] = pooling.internal.max_pool_fast(xr, geom, want_idx);
            if want_idx
                idxr = pooling.internal.offset_to_index(sel, geom);
            end
        case 'avg/window'
            yr = pooling.internal.avg_pool_fast(xr, geom, opts);
    end
    [y, idx] = pooling.internal.pooled_output(yr, idxr, want_idx, geom);
end
