function spec = kind_spec(kind)
    %KIND_SPEC  What a kind of pooling call accepts: its option names, its data classes.
    %   SPEC = pooling.internal.kind_spec(KIND), KIND as in parse_options
    %   ('max', 'avg_backward', 'unpool', ...), has fields
    %     family       'window', 'global', 'adaptive' or 'unpool'
    %     names        the option names the kind takes, a cell row of char
    %     label        the data argument's name in messages: 'X', 'Y' or 'DZ'
    %     integers_ok  whether the data argument may be of an integer class
    %     why_float    why it may not (SPEC.md section 11), for the message
    %   The one list of each kind's option names: parse_options reads the
    %   options with it, and prepare tells max_unpool's optional OUTPUT_SIZE
    %   from an option name by it.
    %
    %   See also pooling.internal.parse_options, pooling.internal.prepare.

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
            spec.names = [window, {'Indices'}];
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
            spec.names = {'PoolSize', 'Stride', 'Padding', 'SpatialDims', 'Method'};
            spec.label = 'Y';
            spec.integers_ok = true;
        case 'unpool_backward'
            spec.family = 'unpool';
            spec.names = {'SpatialDims', 'Method'};
            spec.label = 'DZ';
        otherwise
            spec = new_kind_spec(kind, spec, window, average);
    end
end

function spec = new_kind_spec(kind, spec, window, average)
    % The adaptive and Lp kinds (SPEC.md sections 16 and 17).
    switch kind
        case {'adaptive_max', 'adaptive_max_backward', 'adaptive_avg', 'adaptive_avg_backward'}
            spec.family = 'adaptive';
            spec.names = {'SpatialDims', 'Method'};
            spec.integers_ok = strcmp(kind, 'adaptive_max');
            if strcmp(kind, 'adaptive_avg')
                spec.why_float = average;
            end
        case {'lp', 'lp_backward'}
            spec.family = 'window';
            spec.names = window([1 2 4 5 6]);
            if strcmp(kind, 'lp')
                spec.why_float = 'an Lp norm needs floating point';
            end
    end
end
