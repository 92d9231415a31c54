function opts = parse_options(fname, x, pool_size, args)
    %PARSE_OPTIONS  Validate the arguments of a pooling call (SPEC.md sections 2, 12, 13.2).
    %   OPTS = pooling.internal.parse_options(FNAME, X, POOL_SIZE, ARGS) checks X,
    %   the name-value pairs in the cell ARGS and the numeric parameters, in the
    %   order SPEC.md section 12 fixes (X, option names and flags, kernel size,
    %   stride, padding, dilation), and reports the first failure with
    %   error(identifier, message), the message starting with FNAME.
    %
    %   OPTS has fields
    %     r          number of spatial dimensions (1, 2 or 3)
    %     k, s, d    kernel size, stride, dilation: 1-by-r double rows
    %     pb, pa     padding before and after: 1-by-r double rows
    %     ceil_mode  logical scalar
    %     method     'fast' or 'naive'
    %   The output size and empty-window checks belong to pool_geometry.
    %
    %   See also pooling.internal.pool_geometry.

    check_input(fname, x);
    named = read_name_value(fname, args);

    if named.given.spatialdims
        r = named.spatialdims;
    elseif any(numel(pool_size) == [2 3])
        r = numel(pool_size);
    else
        r = 2;
    end
    if ndims(x) > r + 2
        error('pooling:badInput', ...
              ['%s: X must have at most R+2 = %d dimensions ([spatial..., C, N] ' ...
               'with R = %d spatial dimensions); got %s.'], ...
              fname, r + 2, r, pooling.internal.describe_value(x, true));
    end

    opts.r = r;
    opts.k = positive_integers(fname, pool_size, 'POOL_SIZE', 'pooling:badKernel', r);
    if named.given.stride
        opts.s = positive_integers(fname, named.stride, '''Stride''', 'pooling:badStride', r);
    else
        opts.s = opts.k;
    end
    [opts.pb, opts.pa] = padding_amounts(fname, named.padding, r);
    opts.d = positive_integers(fname, named.dilation, '''Dilation''', 'pooling:badDilation', r);
    check_padding_range(fname, opts);
    opts.ceil_mode = named.ceilmode;
    opts.method = named.method;
end

function check_input(fname, x)
    if ~isfloat(x) || ~isreal(x) || issparse(x)
        error('pooling:badInput', ...
              '%s: X must be a real, full double or single array; got %s.', ...
              fname, pooling.internal.describe_value(x, true));
    end
end

function named = read_name_value(fname, args)
    % Names and flags are checked in the order given, so the first bad pair
    % is the one reported; a repeated name takes its last value.
    names = {'Stride', 'Padding', 'Dilation', 'CeilMode', 'SpatialDims', 'Method'};
    named.stride = [];
    named.padding = 0;
    named.dilation = 1;
    named.ceilmode = false;
    named.spatialdims = [];
    named.method = 'fast';
    named.given = struct('stride', false, 'spatialdims', false);

    if mod(numel(args), 2) ~= 0
        error('pooling:badOption', ...
              ['%s: options must come in name-value pairs; got an odd number (%d) ' ...
               'of arguments after POOL_SIZE.'], fname, numel(args));
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
                named.ceilmode = flag_value(fname, value);
            case 'SpatialDims'
                named.spatialdims = spatial_dims_value(fname, value);
                named.given.spatialdims = true;
            case 'Method'
                named.method = method_value(fname, value);
        end
    end
end

function tf = flag_value(fname, value)
    ok = (islogical(value) || (isnumeric(value) && isreal(value))) && isscalar(value);
    if ~ok || (value ~= 0 && value ~= 1)
        error('pooling:badOption', ...
              '%s: ''CeilMode'' must be true or false (a logical or numeric 0 or 1); got %s.', ...
              fname, pooling.internal.describe_value(value));
    end
    tf = logical(value);
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

function tf = is_integer_valued(value)
    % ISNUMERIC is false for logical and char, so true and '2' are refused
    % like the Python half refuses bool; integer classes are welcome.
    tf = isnumeric(value) && isreal(value) && all(isfinite(value(:))) && ...
         all(value(:) == round(value(:)));
end

function values = positive_integers(fname, value, label, identifier, r)
    if ~is_integer_valued(value) || any(value(:) < 1)
        error(identifier, ...
              ['%s: %s must be positive integers (a scalar or one per spatial ' ...
               'dimension); got %s.'], fname, label, pooling.internal.describe_value(value));
    end
    if numel(value) ~= 1 && numel(value) ~= r
        error(identifier, ...
              ['%s: %s must have 1 or R = %d elements (R is the number of spatial ' ...
               'dimensions); got %s.'], fname, label, r, pooling.internal.describe_value(value));
    end
    values = double(value(:).') .* ones(1, r);
end

function [before, after] = padding_amounts(fname, value, r)
    % Only type and shape here: the upper limit needs the dilation, which is
    % validated after the padding (SPEC.md section 12).
    if ~is_integer_valued(value) || any(value(:) < 0)
        error('pooling:badPadding', ...
              '%s: ''Padding'' must be nonnegative integers; got %s.', ...
              fname, pooling.internal.describe_value(value));
    end
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
               'after) or a 2-by-%d matrix [BEFORE; AFTER]; got %s.'], ...
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
