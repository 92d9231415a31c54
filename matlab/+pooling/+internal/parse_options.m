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
    %     'max_backward'          window options; X single or double; POOL_SIZE
    %     'avg', 'avg_backward'   window options, 'CountIncludePad' and
    %                             'DivisorOverride'; X single or double; POOL_SIZE
    %     'global_max'            'SpatialDims', 'Method'; X single, double or
    %                             integer; SIZE_ARG unused
    %     'global_max_backward', 'global_avg', 'global_avg_backward'
    %                             'SpatialDims', 'Method'; X single or double
    %     'unpool'                'Method'; X (the pooled Y) single, double or
    %                             integer; SIZE_ARG is OUTPUT_SIZE
    %     'unpool_backward'       'SpatialDims', 'Method'; X (DZ) single or double
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
    %   and, for 'unpool',
    %     output_size        1-by-r double row
    %   The output size and empty-window checks belong to pool_geometry; the
    %   unpooling indices are checked by check_indices and check_index_range.
    %
    %   See also pooling.internal.pool_geometry, pooling.internal.check_indices.

    spec = kind_spec(kind);
    check_data(fname, spec, x);
    named = read_name_value(fname, spec.names, args);

    if strcmp(kind, 'unpool')
        [opts.output_size, r] = unpool_size(fname, x, size_arg);
    elseif named.given.spatialdims
        r = named.spatialdims;
    elseif any(numel(size_arg) == [2 3])
        r = numel(size_arg);
    else
        r = 2;
    end
    opts.r = r;
    opts.method = named.method;
    check_data_size(fname, spec, x, r);

    switch spec.family
        case 'window'
            opts.k = positive_integers(fname, size_arg, 'POOL_SIZE', 'pooling:badKernel', r);
            if named.given.stride
                opts.s = positive_integers(fname, named.stride, '''Stride''', ...
                                           'pooling:badStride', r);
            else
                opts.s = opts.k;
            end
            [opts.pb, opts.pa, opts.same_padding] = padding_amounts(fname, named.padding, r);
            opts.d = positive_integers(fname, named.dilation, '''Dilation''', ...
                                       'pooling:badDilation', r);
            check_padding_range(fname, opts);
            opts.ceil_mode = named.ceilmode;
            opts.count_include_pad = named.countincludepad;
            opts.divisor_override = named.divisoroverride;
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
    end
end

function spec = kind_spec(kind)
    window = {'Stride', 'Padding', 'Dilation', 'CeilMode', 'SpatialDims', 'Method'};
    average = ['average pooling needs floating point, since an integer average would need ' ...
               'a rounding rule'];
    gradient = ['a gradient needs floating point, since the gradient of a function of ' ...
                'integers is not a useful number'];
    spec.label = 'X';
    spec.integers_ok = false;
    spec.why_float = gradient;
    switch kind
        case 'max'
            spec.family = 'window';
            spec.names = window;
            spec.integers_ok = true;
        case 'max_backward'
            spec.family = 'window';
            spec.names = window;
        case 'avg'
            spec.family = 'window';
            spec.names = [window, {'CountIncludePad', 'DivisorOverride'}];
            spec.why_float = average;
        case 'avg_backward'
            spec.family = 'window';
            spec.names = [window, {'CountIncludePad', 'DivisorOverride'}];
        case 'global_max'
            spec.family = 'global';
            spec.names = {'SpatialDims', 'Method'};
            spec.integers_ok = true;
        case 'global_avg'
            spec.family = 'global';
            spec.names = {'SpatialDims', 'Method'};
            spec.why_float = average;
        case {'global_max_backward', 'global_avg_backward'}
            spec.family = 'global';
            spec.names = {'SpatialDims', 'Method'};
        case 'unpool'
            spec.family = 'unpool';
            spec.names = {'Method'};
            spec.label = 'Y';
            spec.integers_ok = true;
        case 'unpool_backward'
            spec.family = 'unpool';
            spec.names = {'SpatialDims', 'Method'};
            spec.label = 'DZ';
    end
end

function check_data(fname, spec, x)
    if spec.integers_ok
        if (isfloat(x) || isinteger(x)) && isreal(x) && ~issparse(x)
            return
        end
        error('pooling:badInput', ...
              ['%s: %s must be a real, full array of class single, double, int8, uint8, ' ...
               'int16, uint16, int32, uint32, int64 or uint64; got %s.'], ...
              fname, spec.label, pooling.internal.describe_value(x, true));
    end
    if isinteger(x)
        error('pooling:badInput', ...
              '%s: %s must be single or double, not %s: %s (SPEC.md section 11); got %s.', ...
              fname, spec.label, class(x), spec.why_float, ...
              pooling.internal.describe_value(x, true));
    end
    if ~isfloat(x) || ~isreal(x) || issparse(x)
        error('pooling:badInput', ...
              '%s: %s must be a real, full double or single array; got %s.', ...
              fname, spec.label, pooling.internal.describe_value(x, true));
    end
end

function check_data_size(fname, spec, x, r)
    % Never true for max_unpool's Y: unpool_size has refused it already.
    if ndims(x) > r + 2
        error('pooling:badInput', ...
              ['%s: %s must have at most R+2 = %d dimensions ([spatial..., C, N] ' ...
               'with R = %d spatial dimensions); got %s.'], ...
              fname, spec.label, r + 2, r, pooling.internal.describe_value(x, true));
    end
    % An empty batch is data (the last batch of an epoch can be empty); no
    % channels or an empty spatial extent is a construction error, and no
    % window fits in the latter (SPEC.md section 12).
    sz = [size(x), ones(1, r + 2 - ndims(x))];
    bad = find(sz(1:r + 1) == 0, 1);
    if ~isempty(bad)
        if bad > r
            what = 'C (dimension R+1)';
        else
            what = sprintf('spatial dimension %d', bad);
        end
        error('pooling:badInput', ...
              ['%s: %s must not be empty along %s, with R = %d spatial dimensions ' ...
               '([spatial..., C, N]; only the batch N may be 0); got %s.'], ...
              fname, spec.label, what, r, pooling.internal.describe_value(x, true));
    end
end

function named = read_name_value(fname, names, args)
    % Names and values are checked in the order given, so the first bad pair
    % is the one reported; a repeated name takes its last value.
    named.stride = [];
    named.padding = 0;
    named.dilation = 1;
    named.ceilmode = false;
    named.spatialdims = [];
    named.method = 'fast';
    named.countincludepad = true;
    named.divisoroverride = [];
    named.given = struct('stride', false, 'spatialdims', false);

    if mod(numel(args), 2) ~= 0
        error('pooling:badOption', ...
              ['%s: options must come in name-value pairs; got an odd number (%d) ' ...
               'of arguments after the required ones.'], fname, numel(args));
    end
    for i = 1:2:numel(args)
        name = args{i};
        value = args{i + 1};
        if isa(name, 'string') && isscalar(name)
            name = char(name);
        end
        if ~ischar(name) || size(name, 1) ~= 1
            error('pooling:badOption', ...
                  '%s: an option name must be a character vector, one of %s; got %s.', ...
                  fname, strjoin(names, ', '), pooling.internal.describe_value(name));
        end
        match = find(strcmpi(name, names), 1);
        if isempty(match)
            error('pooling:badOption', ...
                  '%s: unknown option %s; the options are %s (case-insensitive).', ...
                  fname, pooling.internal.describe_value(name), strjoin(names, ', '));
        end
        switch names{match}
            case 'Stride'
                named.stride = value;
                named.given.stride = true;
            case 'Padding'
                named.padding = value;
            case 'Dilation'
                named.dilation = value;
            case 'CeilMode'
                named.ceilmode = flag_value(fname, '''CeilMode''', value);
            case 'CountIncludePad'
                named.countincludepad = flag_value(fname, '''CountIncludePad''', value);
            case 'DivisorOverride'
                named.divisoroverride = divisor_value(fname, value);
            case 'SpatialDims'
                named.spatialdims = spatial_dims_value(fname, value);
                named.given.spatialdims = true;
            case 'Method'
                named.method = method_value(fname, value);
        end
    end
end

function tf = flag_value(fname, label, value)
    ok = (islogical(value) || (isnumeric(value) && isreal(value))) && isscalar(value);
    if ~ok || (value ~= 0 && value ~= 1)
        error('pooling:badOption', ...
              '%s: %s must be true or false (a logical or numeric 0 or 1); got %s.', ...
              fname, label, pooling.internal.describe_value(value));
    end
    tf = logical(value);
end

function value = divisor_value(fname, value)
    if isnumeric(value) && isempty(value)
        value = [];
        return
    end
    if ~pooling.internal.is_integer_valued(value) || ~isscalar(value) || value < 1
        error('pooling:badOption', ...
              ['%s: ''DivisorOverride'' must be [] (none: the divisor follows ' ...
               '''CountIncludePad'') or a positive integer scalar; got %s.'], ...
              fname, pooling.internal.describe_value(value));
    end
    check_limit(fname, value, '''DivisorOverride''', 'pooling:badOption');
    value = double(value);
end

function r = spatial_dims_value(fname, value)
    if ~isnumeric(value) || ~isreal(value) || ~isscalar(value) || ~any(value == [1 2 3])
        error('pooling:badOption', ...
              '%s: ''SpatialDims'' must be 1, 2 or 3; got %s.', ...
              fname, pooling.internal.describe_value(value));
    end
    r = double(value);
end

function method = method_value(fname, value)
    if isa(value, 'string') && isscalar(value)
        value = char(value);
    end
    choices = {'fast', 'naive'};
    match = [];
    if ischar(value) && size(value, 1) == 1
        match = find(strcmpi(value, choices), 1);
    end
    if isempty(match)
        error('pooling:badOption', ...
              '%s: ''Method'' must be ''fast'' or ''naive''; got %s.', ...
              fname, pooling.internal.describe_value(value));
    end
    method = choices{match};
end

function limit = largest_integer()
    % Larger windows cannot be indexed by the 32-bit offsets other systems use,
    % and the bound keeps doubles far from 2^53, where they stop being exact
    % (SPEC.md section 12).
    limit = 2^31 - 1;
end

function check_limit(fname, value, label, identifier)
    if any(value(:) > largest_integer())
        error(identifier, '%s: %s must be at most 2^31-1 = %d; got %s.', ...
              fname, label, largest_integer(), pooling.internal.describe_value(value));
    end
end

function values = positive_integers(fname, value, label, identifier, r)
    if ~pooling.internal.is_integer_valued(value) || any(value(:) < 1)
        error(identifier, ...
              ['%s: %s must be positive integers (a scalar or one per spatial ' ...
               'dimension); got %s.'], fname, label, pooling.internal.describe_value(value));
    end
    check_limit(fname, value, label, identifier);
    if numel(value) ~= 1 && numel(value) ~= r
        error(identifier, ...
              ['%s: %s must have 1 or R = %d elements (R is the number of spatial ' ...
               'dimensions); got %s.'], fname, label, r, pooling.internal.describe_value(value));
    end
    values = double(value(:).') .* ones(1, r);
end

function [values, r] = unpool_size(fname, y, value)
    % No OUTPUT_SIZE fits a Y of more than 5 dimensions: that is Y's fault.
    if ndims(y) > 5
        error('pooling:badInput', ...
              ['%s: Y must have at most 5 dimensions ([spatial..., C, N] with 1 to 3 ' ...
               'spatial dimensions); got %s.'], fname, pooling.internal.describe_value(y, true));
    end
    ok = pooling.internal.is_integer_valued(value) && isvector(value) && ...
         numel(value) <= 3 && all(value(:) >= 1);
    if ~ok
        error('pooling:badOutputSize', ...
              ['%s: OUTPUT_SIZE must be 1 to 3 positive integers, the spatial size of ' ...
               'the input that was pooled (one per spatial dimension); got %s.'], ...
              fname, pooling.internal.describe_value(value));
    end
    check_limit(fname, value, 'OUTPUT_SIZE', 'pooling:badOutputSize');
    values = double(value(:).');
    r = numel(values);
    % Y's spatial dimensions are known only through OUTPUT_SIZE, so a Y with
    % more dimensions than R+2 means too few sizes (SPEC.md sections 12, 13.2).
    if ndims(y) > r + 2
        error('pooling:badOutputSize', ...
              ['%s: OUTPUT_SIZE must have one value per spatial dimension of Y; got %s ' ...
               '(R = %d), but Y has %d dimensions, more than R+2 = %d ([spatial..., C, N]): ' ...
               '%s.'], fname, pooling.internal.describe_value(value), r, ndims(y), r + 2, ...
              pooling.internal.describe_value(y, true));
    end
end

function [before, after, same] = padding_amounts(fname, value, r)
    % Only type and shape here: the upper limit needs the dilation, which is
    % validated after the padding (SPEC.md section 12), and the 'same' pads
    % need the input size, so pool_geometry works them out.
    same = false;
    if isa(value, 'string') && isscalar(value)
        value = char(value);
    end
    if ischar(value)
        choice = find(strcmpi(value, {'valid', 'same'}), 1);
        if size(value, 1) ~= 1 || isempty(choice)
            error('pooling:badPadding', ...
                  ['%s: ''Padding'' given as text must be ''valid'' or ''same'' ' ...
                   '(case-insensitive); got %s.'], ...
                  fname, pooling.internal.describe_value(value));
        end
        same = choice == 2;
        value = 0;
    end
    if ~pooling.internal.is_integer_valued(value) || any(value(:) < 0)
        error('pooling:badPadding', ...
              '%s: ''Padding'' must be nonnegative integers, ''valid'' or ''same''; got %s.', ...
              fname, pooling.internal.describe_value(value));
    end
    check_limit(fname, value, '''Padding''', 'pooling:badPadding');
    value = double(value);
    if isscalar(value)
        before = value * ones(1, r);
        after = before;
    elseif isequal(size(value), [1 r])
        before = value;
        after = value;
    elseif isequal(size(value), [2 r])
        before = value(1, :);
        after = value(2, :);
    else
        error('pooling:badPadding', ...
              ['%s: ''Padding'' must be a scalar, a 1-by-%d row (the same pad before and ' ...
               'after), a 2-by-%d matrix [BEFORE; AFTER], ''valid'' or ''same''; got %s.'], ...
              fname, r, r, pooling.internal.describe_value(value));
    end
end

function check_padding_range(fname, opts)
    % A pad of E or more would only add windows made entirely of padding.
    e = opts.d .* (opts.k - 1) + 1;
    bad = find(opts.pb > e - 1 | opts.pa > e - 1, 1);
    if ~isempty(bad)
        error('pooling:badPadding', ...
              ['%s: ''Padding'' along spatial dimension %d must be at most E-1 = %d, ' ...
               'where E = DILATION*(POOL_SIZE-1)+1 = %d*(%d-1)+1 = %d is the effective ' ...
               'window; got %d before and %d after.'], ...
              fname, bad, e(bad) - 1, opts.d(bad), opts.k(bad), e(bad), ...
              opts.pb(bad), opts.pa(bad));
    end
end
