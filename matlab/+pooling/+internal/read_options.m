function named = read_options(fname, names, args)
    %READ_OPTIONS  Read the name-value pairs of a pooling call.
    %   NAMED = pooling.internal.read_options(FNAME, NAMES, ARGS) reads the
    %   cell ARGS as name-value pairs. NAMES lists the options the function
    %   takes, spelled as documented; a name matches case-insensitively and
    %   may be a string scalar. Anything else is pooling:badOption.
    %
    %   NAMED has one lower-case field per option, holding the default when
    %   the option is not given: stride [], padding 0, dilation 1, ceilmode
    %   false, spatialdims [], method 'fast', countincludepad true,
    %   divisoroverride [], poolsize [] (max_unpool), indices []
    %   (max_pool_backward; checked by check_max_indices). Flags,
    %   'DivisorOverride', 'SpatialDims' and 'Method' are checked here, as
    %   they are read; 'Stride', 'Padding' and 'Dilation' need R and are
    %   checked later, in the order of SPEC.md section 12. NAMED.given.stride,
    %   NAMED.given.spatialdims, NAMED.given.poolsize and NAMED.given.indices
    %   say whether those were given.
    %
    %   See also pooling.internal.flag, pooling.internal.divisor_override,
    %   pooling.internal.spatial_dims, pooling.internal.implementation.

    named.stride = [];
    named.padding = 0;
    named.dilation = 1;
    named.ceilmode = false;
    named.spatialdims = [];
    named.method = 'fast';
    named.countincludepad = true;
    named.divisoroverride = [];
    named.poolsize = [];
    named.indices = [];
    named.given = struct('stride', false, 'spatialdims', false, 'poolsize', false, ...
                         'indices', false);

    if mod(numel(args), 2) ~= 0
        error('pooling:badOption', ...
              ['%s: options must come in name-value pairs; got an odd number (%d) ' ...
               'of arguments after the required ones.'], fname, numel(args));
    end
    % Pairs are checked in the order given, so the first bad pair is the one
    % reported; a repeated name takes its last value.
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
                named.ceilmode = pooling.internal.flag(fname, '''CeilMode''', value);
            case 'CountIncludePad'
                named.countincludepad = pooling.internal.flag(fname, '''CountIncludePad''', ...
                                                              value);
            case 'DivisorOverride'
                named.divisoroverride = pooling.internal.divisor_override(fname, value);
            case 'SpatialDims'
                named.spatialdims = pooling.internal.spatial_dims(fname, value);
                named.given.spatialdims = true;
            case 'Method'
                named.method = pooling.internal.implementation(fname, value);
            case 'PoolSize'
                named.poolsize = value;
                named.given.poolsize = true;
            case 'Indices'
                named.indices = value;
                named.given.indices = true;
        end
    end
end
