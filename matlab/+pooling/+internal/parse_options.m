function opts = parse_options(fname, kind, x, size_arg, args)
    %PARSE_OPTIONS  Validate the arguments of a pooling call (SPEC.md sections 2, 4.1, 11-13.2).
    %   OPTS = pooling.internal.parse_options(FNAME, KIND, X, SIZE_ARG, ARGS)
    %   checks the data argument X, the name-value pairs in the cell ARGS and
    %   the size argument SIZE_ARG, in the order SPEC.md section 12 fixes, and
    %   reports the first failure with error(identifier, message), the message
    %   starting with FNAME.
    %
    %   KIND names the call, which decides the options it takes, the classes X
    %   may have (SPEC.md section 11) and what SIZE_ARG is:
    %     'max'                   window options; X single, double or integer;
    %                             SIZE_ARG is POOL_SIZE
    %     'max_backward'          window options and 'Indices'; X single or
    %                             double; POOL_SIZE
    %     'avg', 'avg_backward'   window options, 'CountIncludePad' and
    %                             'DivisorOverride'; X single or double; POOL_SIZE
    %     'global_max'            'SpatialDims', 'Method'; X single, double or
    %                             integer; SIZE_ARG unused
    %     'global_max_backward', 'global_avg', 'global_avg_backward'
    %                             'SpatialDims', 'Method'; X single or double
    %     'unpool'                'PoolSize', 'Stride', 'Padding', 'SpatialDims',
    %                             'Method'; X (the pooled Y) single, double or
    %                             integer; SIZE_ARG is OUTPUT_SIZE ([] when
    %                             omitted: inferred from 'PoolSize')
    %     'unpool_backward'       'SpatialDims', 'Method'; X (DZ) single or double
    %     'adaptive_max'          'SpatialDims', 'Method'; X single, double or
    %                             integer; SIZE_ARG is OUTPUT_SIZE
    %     'adaptive_max_backward', 'adaptive_avg', 'adaptive_avg_backward'
    %                             'SpatialDims', 'Method'; X single or double;
    %                             OUTPUT_SIZE
    %     'lp', 'lp_backward'     the window options except 'Dilation'; X single
    %                             or double; POOL_SIZE
    %   The window options are 'Stride', 'Padding', 'Dilation', 'CeilMode',
    %   'SpatialDims' and 'Method'.
    %
    %   OPTS has fields
    %     r                  number of spatial dimensions (1, 2 or 3)
    %     method             'fast' or 'naive'
    %   and, for the pooling kinds (window and global),
    %     k, s, d            kernel size, stride, dilation: 1-by-r double rows
    %     pb, pa             padding before and after: 1-by-r double rows (zero
    %                        when same_padding is true: pool_geometry sets them)
    %     same_padding       logical: 'Padding' was 'same' (SPEC.md section 4.1)
    %     ceil_mode          logical scalar
    %     count_include_pad  logical scalar (average pooling; true otherwise)
    %     divisor_override   [] or a positive integer-valued double
    %   and, for 'max_backward',
    %     has_indices, indices  whether 'Indices' was given, and its value
    %                        (unchecked: check_max_indices runs after DY)
    %   and, for 'unpool' and the adaptive kinds,
    %     output_size        1-by-r double row
    %   The options, classes and messages of each KIND come from kind_spec.
    %   Each step has its own file, named as on the Python side: as_input and
    %   as_input_size (the data argument), read_options (the name-value pairs,
    %   with flag, divisor_override, spatial_dims and implementation), per_axis
    %   (POOL_SIZE, 'Stride', 'Dilation'), padding_pairs and
    %   check_padding_range ('Padding') and unpool_size (OUTPUT_SIZE); this
    %   file fixes their order. The output size and empty-window checks belong
    %   to pool_geometry; the unpooling indices are checked by check_indices and
    %   check_index_range.
    %
    %   pooling.internal.prepare, the prologue of every public function, calls
    %   this after checking that the required arguments were given.
    %
    %   See also pooling.internal.prepare, pooling.internal.pool_geometry,
    %   pooling.internal.check_indices.

    spec = pooling.internal.kind_spec(kind);
    pooling.internal.as_input(fname, spec, x);
    named = pooling.internal.read_options(fname, spec.names, args);

    if strcmp(kind, 'unpool')
        [opts.output_size, r] = pooling.internal.unpool_size(fname, x, size_arg, named);
    elseif named.given.spatialdims
        r = named.spatialdims;
    elseif any(numel(size_arg) == [2 3])
        r = numel(size_arg);
    else
        r = 2;
    end
    opts.r = r;
    opts.method = named.method;
    pooling.internal.as_input_size(fname, spec, x, r);

    switch spec.family
        case 'window'
            opts.k = pooling.internal.per_axis(fname, size_arg, 'POOL_SIZE', ...
                                               'pooling:badKernel', r);
            if named.given.stride
                opts.s = pooling.internal.per_axis(fname, named.stride, '''Stride''', ...
                                                   'pooling:badStride', r);
            else
                opts.s = opts.k;
            end
            [opts.pb, opts.pa, opts.same_padding] = ...
                pooling.internal.padding_pairs(fname, named.padding, r);
            opts.d = pooling.internal.per_axis(fname, named.dilation, '''Dilation''', ...
                                               'pooling:badDilation', r);
            pooling.internal.check_padding_range(fname, opts);
            opts.ceil_mode = named.ceilmode;
            opts.count_include_pad = named.countincludepad;
            opts.divisor_override = named.divisoroverride;
            if strcmp(kind, 'max_backward')
                opts.has_indices = named.given.indices;
                opts.indices = named.indices;
            end
        case 'global'
            % One window covering every spatial dimension (SPEC.md section 9).
            sz = [size(x), ones(1, r + 2 - ndims(x))];
            opts.k = sz(1:r);
            opts.s = opts.k;
            opts.d = ones(1, r);
            opts.pb = zeros(1, r);
            opts.pa = zeros(1, r);
            opts.same_padding = false;
            opts.ceil_mode = false;
            opts.count_include_pad = true;
            opts.divisor_override = [];
        case 'adaptive'
            % Adaptive pooling: the caller gives the output size (SPEC.md section 16).
            opts.output_size = pooling.internal.per_axis(fname, size_arg, 'OUTPUT_SIZE', ...
                                                         'pooling:badOutputSize', r);
            % The output's element count, before anything is allocated (SPEC.md section 12).
            sz = [size(x), ones(1, r + 2 - ndims(x))];
            pooling.internal.check_count(fname, [opts.output_size, sz(r + 1), sz(r + 2)], ...
                                         'the output', false);
    end
end
