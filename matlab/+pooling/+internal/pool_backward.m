function dx = pool_backward(op, fname, dy, x, geom, opts)
    %POOL_BACKWARD  Gradient of max or average pooling, after checking DY.
    %   DX = pooling.internal.pool_backward(OP, FNAME, DY, X, GEOM, OPTS) checks
    %   DY against X and the forward output size (pooling:badGradient, the last
    %   check of SPEC.md section 12), then returns the gradient of OP ('max' or
    %   'avg') pooling with respect to X, by OPTS.method ('fast' or 'naive'),
    %   sized and classed like X. The public backward functions all end here.
    %   With OPTS.has_indices (max pooling only), the saved indices
    %   OPTS.indices are checked after DY and the gradient follows them
    %   instead of a recomputed selection (max_backward_from_indices).
    %
    %   See also pooling.internal.pool_forward.

    check_gradient(fname, dy, x, geom);
    if strcmp(op, 'max') && isfield(opts, 'has_indices') && opts.has_indices
        q = pooling.internal.check_max_indices(fname, opts.indices, dy, geom);
        dx = pooling.internal.max_backward_from_indices(dy, q, size(x), geom, opts.method);
        return
    end
    xr = reshape(x, [geom.in, geom.planes]);
    dyr = reshape(dy, [geom.out, geom.planes]);
    naive = strcmp(opts.method, 'naive');
    % One window over the whole plane has a path of its own (see pool_forward).
    whole = ~naive && pooling.internal.is_global_window(geom);
    switch op
        case 'max'
            if naive
                dxr = pooling.internal.max_pool_backward_naive(dyr, xr, geom);
            elseif whole
                dxr = pooling.internal.global_max_backward_fast(dyr, xr, geom);
            else
                dxr = pooling.internal.max_pool_backward_fast(dyr, xr, geom);
            end
        case 'avg'
            if naive
                dxr = pooling.internal.avg_pool_backward_naive(dyr, xr, geom, opts);
            elseif whole
                dxr = pooling.internal.global_avg_backward_fast(dyr, xr, geom, opts);
            else
                dxr = pooling.internal.avg_pool_backward_fast(dyr, xr, geom, opts);
            end
    end
    dx = reshape(dxr, size(x));
end

function check_gradient(fname, dy, x, geom)
    if ~strcmp(class(dy), class(x)) || ~isreal(dy) || issparse(dy)
        fix = '';
        if ~strcmp(class(dy), class(x)) && pooling.internal.is_plain_array(dy)
            % Mixed classes are refused, not converted: say how to match them.
            fix = sprintf([' Mixed classes are refused, not converted: make DY in X''s ' ...
                           'class, e.g. ones(size(Y), ''like'', Y), or convert it with ' ...
                           'cast(DY, ''like'', X).']);
        end
        error('pooling:badGradient', ...
              '%s: DY must be a real, full %s array, the class of X; got %s.%s', ...
              fname, class(x), pooling.internal.describe_value(dy, true), fix);
    end
    expected = [geom.out(1:geom.r), geom.channels, geom.batch];
    got = size(dy);
    n = max(numel(expected), numel(got));
    % MATLAB drops trailing singleton dimensions, so compare padded sizes.
    if ~isequal([expected, ones(1, n - numel(expected))], [got, ones(1, n - numel(got))])
        error('pooling:badGradient', ...
              '%s: DY must have the size of the forward output, %s; got %s.', ...
              fname, pooling.internal.size_text(expected), ...
              pooling.internal.describe_value(dy, true));
    end
end
