function value = divisor_override(fname, value)
    %DIVISOR_OVERRIDE  The 'DivisorOverride' option: [] or a positive integer, as a double.
    %   VALUE = pooling.internal.divisor_override(FNAME, VALUE) returns [] for
    %   any empty numeric VALUE (no override: the divisor follows
    %   'CountIncludePad') and a double for an integer-valued scalar of any
    %   numeric class from 1 to 2^31-1; anything else is pooling:badOption.

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
    pooling.internal.check_limit(fname, value, '''DivisorOverride''', 'pooling:badOption');
    value = double(value);
end
