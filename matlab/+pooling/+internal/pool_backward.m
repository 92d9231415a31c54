function dx = pool_backward(op, fname, dy, x, geom, opts)
    %POOL_BACKWARD  Gradient of max or average pooling, after checking DY.
    %   DX = pooling.internal.pool_backward(OP, FNAME, DY, X, GEOM, OPTS) checks
    %   DY against X and the forward output size (pooling:badGradient, the last
    %   check of SPEC.md section 12), then returns the gradient of OP ('max' or
    %   'avg') pooling with respect to X, by OPTS.method ('fast' or 'naive'),
    %   sized and classed like X. The backward functions of max and average
    %   pooling and of global pooling end here (pooling.max_pool_backward,
    %   pooling.avg_pool_backward, pooling.global_max_pool_backward,
    %   pooling.global_avg_pool_backward); the adaptive and Lp backward
    %   functions end in range_backward, max_unpool_backward in its own file.
    %   With OPTS.has_indices (max pooling only), the saved indices
    %   OPTS.indices are checked after DY and the gradient follows them
    %   instead of a recomputed selection (max_backward_from_indices).
    %
    %   See also pooling.internal.pool_forward.

    pooling.internal.check_gradient(fname, dy, x, geom, true);
    if strcmp(op, 'max') && isfield(opts, 'has_indices') && opts.has_indices
        q = pooling.internal.check_max_indices(fname, opts.indices, dy, geom);
        dx = pooling.internal.max_backward_from_indices(dy, q, size(x), geom, opts.method);
        return
    end
    xr = reshape(x, [geom.in, geom.planes]);
    dyr = reshape(dy, [geom.out, geom.planes]);
    switch [op, '/', pooling.internal.kernel_path(opts.method, geom)]
        case 'max/naive'
            dxr = pooling.internal.max_pool_backward_naive(dyr, xr, geom);
        case 'avg/naive'
            dxr = pooling.internal.avg_pool_backward_naive(dyr, xr, geom, opts);
        case 'max/global'
            dxr = pooling.internal.global_max_backward_fast(dyr, xr, geom);
        case 'avg/global'
            dxr = pooling.internal.global_avg_backward_fast(dyr, xr, geom, opts);
        case 'max/window'
            dxr = pooling.internal.max_pool_backward_fast(dyr, xr, geom);
        case 'avg/window'
            dxr = pooling.internal.avg_pool_backward_fast(dyr, xr, geom, opts);
    end
    dx = reshape(dxr, size(x));
end
