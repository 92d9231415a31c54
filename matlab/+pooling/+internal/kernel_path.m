function path = kernel_path(method, geom)
    %KERNEL_PATH  Which kernels pool GEOM: 'naive', 'global' or 'window'.
    %   PATH = pooling.internal.kernel_path(METHOD, GEOM) is 'naive' for METHOD
    %   'naive' (the reference loops), else 'global' when GEOM has one window
    %   over the whole plane (is_global_window), else 'window' (the
    %   window-offset loop of the fast kernels). The forward and backward of
    %   max and average pooling choose their kernels by it.
    %
    %   See also pooling.internal.pool_forward, pooling.internal.pool_backward.

    if strcmp(method, 'naive')
        path = 'naive';
    elseif pooling.internal.is_global_window(geom)
        % A window-offset loop would make one pass per spatial position.
        path = 'global';
    else
        path = 'window';
    end
end
