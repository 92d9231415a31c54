function call = prepare(kind, args)
    %PREPARE  Check a public call's arguments in SPEC.md's order and build what its kernel needs.
    %   CALL = pooling.internal.prepare(KIND, ARGS) is the prologue every
    %   public function runs. KIND names the call as parse_options does ('max',
    %   'avg_backward', 'global_max', 'adaptive_avg', 'lp_backward', 'unpool',
    %   ...); ARGS is the public function's VARARGIN: its positional arguments,
    %   then its name-value pairs. (The public functions take VARARGIN, their
    %   help giving the calling forms, because a named argument the caller
    %   left out cannot be handed on; so the checks for missing ones live here
    %   once, not in every public file.) The steps, in SPEC.md section 12's
    %   order and named as in the Python package's prologue.prepare:
    %     1. the positional arguments up to the data argument must be given
    %        (pooling:badInput); a missing POOL_SIZE, OUTPUT_SIZE or P is [],
    %        refused in its turn below (a bad kernel size, a bad output size,
    %        a bad option);
    %     2. parse_options: the data argument, the options, the size argument;
    %     3. what the kernel needs: pool_geometry for the window and global
    %        kinds; for Lp pooling its geometry, then P (lp_order), then the
    %        window ranges (geometry_windows); adaptive_windows for the
    %        adaptive kinds; for max_unpool the size of Z, whose element count
    %        is refused before anything is allocated (check_count);
    %     4. IDX of the unpooling functions must be given (pooling:badIndices).
    %   DY and the values of IDX are not looked at: the backward kernels check
    %   DY last, and the unpooling functions check IDX.
    %
    %   CALL has fields
    %     fname   'pooling.max_pool' etc., which every message starts with
    %     x       the data argument: X, or Y (max_unpool) or DZ
    %             (max_unpool_backward)
    %     dy      DY of the backward kinds, else []
    %     idx     IDX of the unpooling kinds, else []
    %     opts    the options, from parse_options
    %     x_size  SIZE(X) with R+2 values, missing trailing ones 1
    %     geom    the geometry, from pool_geometry (window and global kinds)
    %     win     the window ranges (adaptive and Lp kinds)
    %     p       the Lp order P in class(X) (Lp kinds)
    %     z_size  the size of Z (max_unpool)
    %   and [] in the fields a kind does not use.
    %
    %   See also pooling.internal.parse_options, pooling.internal.pool_geometry.

    [fname, roles, build] = signature(kind);
    if strcmp(kind, 'unpool') && numel(args) >= 3 && is_option_name(args{3})
        % OUTPUT_SIZE is optional: an option name in its place starts the
        % name-value pairs ('PoolSize', ...).
        roles = roles(1:2);
    end
    lacking = roles(numel(args) + 1:end);
    if any(strcmp(lacking, 'x'))
        refuse(fname, kind, 'x');
    end
    arg = struct('dy', [], 'x', [], 'p', [], 'size', [], 'idx', []);
    for i = 1:numel(roles) - numel(lacking)
        arg.(roles{i}) = args{i};
    end

    opts = pooling.internal.parse_options(fname, kind, arg.x, arg.size, ...
                                          args(numel(roles) + 1:end));
    % The arguments are assigned one by one: STRUCT would spread a cell DY or IDX.
    call = struct('fname', fname, 'opts', opts, 'geom', [], 'win', [], 'p', [], 'z_size', []);
    call.x = arg.x;
    call.dy = arg.dy;
    call.idx = arg.idx;
    call.x_size = [size(arg.x), ones(1, opts.r + 2 - ndims(arg.x))];
    switch build
        case 'geometry'
            call.geom = pooling.internal.pool_geometry(fname, size(arg.x), opts);
        case 'lp'
            call.geom = pooling.internal.pool_geometry(fname, size(arg.x), opts);
            call.p = pooling.internal.lp_order(fname, arg.p, class(arg.x));
            call.win = pooling.internal.geometry_windows(call.geom);
        case 'ranges'
            call.win = pooling.internal.adaptive_windows(size(arg.x), opts);
        case 'unpool'
            call.z_size = [opts.output_size, call.x_size(opts.r + 1:opts.r + 2)];
            pooling.internal.check_count(fname, call.z_size, 'the result Z', false);
    end

    if any(strcmp(lacking, 'idx'))
        refuse(fname, kind, 'idx');
    end
end

function [fname, roles, build] = signature(kind)
    % The public function behind KIND. ROLES are its positional arguments in
    % order: dy, x (the data argument), p, size (POOL_SIZE or OUTPUT_SIZE)
    % and idx. BUILD is what its kernel needs besides the options.
    calls = {'max', 'max_pool', {'x', 'size'}, 'geometry'
             'max_backward', 'max_pool_backward', {'dy', 'x', 'size'}, 'geometry'
             'avg', 'avg_pool', {'x', 'size'}, 'geometry'
             'avg_backward', 'avg_pool_backward', {'dy', 'x', 'size'}, 'geometry'
             'global_max', 'global_max_pool', {'x'}, 'geometry'
             'global_max_backward', 'global_max_pool_backward', {'dy', 'x'}, 'geometry'
             'global_avg', 'global_avg_pool', {'x'}, 'geometry'
             'global_avg_backward', 'global_avg_pool_backward', {'dy', 'x'}, 'geometry'
             'adaptive_max', 'adaptive_max_pool', {'x', 'size'}, 'ranges'
             'adaptive_max_backward', 'adaptive_max_pool_backward', {'dy', 'x', 'size'}, 'ranges'
             'adaptive_avg', 'adaptive_avg_pool', {'x', 'size'}, 'ranges'
             'adaptive_avg_backward', 'adaptive_avg_pool_backward', {'dy', 'x', 'size'}, 'ranges'
             'lp', 'lp_pool', {'x', 'p', 'size'}, 'lp'
             'lp_backward', 'lp_pool_backward', {'dy', 'x', 'p', 'size'}, 'lp'
             'unpool', 'max_unpool', {'x', 'idx', 'size'}, 'unpool'
             'unpool_backward', 'max_unpool_backward', {'x', 'idx'}, 'none'};
    row = strcmp(calls(:, 1), kind);
    fname = ['pooling.', calls{row, 2}];
    roles = calls{row, 3};
    build = calls{row, 4};
end

function refuse(fname, kind, role)
    % A call without its data argument (ROLE 'x') or without IDX ('idx').
    if strcmp(role, 'idx')
        if strcmp(kind, 'unpool')
            usage = 'Z = %s(Y, IDX, ...)';
        else
            usage = 'DY = %s(DZ, IDX)';
        end
        error('pooling:badIndices', ['%s: IDX is required (the call is ', usage, ').'], ...
              fname, fname);
    end
    switch kind
        case {'max_backward', 'avg_backward'}
            text = sprintf('X is required (the call is DX = %s(DY, X, POOL_SIZE)).', fname);
        case {'global_max_backward', 'global_avg_backward'}
            text = sprintf('X is required (the call is DX = %s(DY, X)).', fname);
        case {'adaptive_max_backward', 'adaptive_avg_backward', 'lp_backward'}
            text = 'DY and X are required.';
        case 'unpool'
            text = 'Y is required.';
        case 'unpool_backward'
            text = sprintf('DZ is required (the call is DY = %s(DZ, IDX)).', fname);
        otherwise
            text = 'X is required.';
    end
    error('pooling:badInput', '%s: %s', fname, text);
end

function tf = is_option_name(value)
    spec = pooling.internal.kind_spec('unpool');
    names = spec.names;
    if isa(value, 'string') && isscalar(value)
        value = char(value);
    end
    tf = ischar(value) && size(value, 1) == 1 && any(strcmpi(value, names));
end
