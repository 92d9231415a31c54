function method = implementation(fname, value)
    %IMPLEMENTATION  The 'Method' option: 'fast' or 'naive', in lower case.
    %   METHOD = pooling.internal.implementation(FNAME, VALUE) matches VALUE (a
    %   character vector or string scalar) case-insensitively against 'fast'
    %   and 'naive'; anything else is pooling:badOption. pool_forward and
    %   pool_backward pick the kernels by METHOD.

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
