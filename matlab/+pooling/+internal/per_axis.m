function values = per_axis(fname, value, label, identifier, r)
    %PER_AXIS  A positive integer parameter, given once or per spatial dimension, as a 1-by-R row.
    %   VALUES = pooling.internal.per_axis(FNAME, VALUE, LABEL, IDENTIFIER, R)
    %   checks POOL_SIZE, 'Stride' or 'Dilation': integer-valued (any numeric
    %   class), at least 1, at most 2^31-1, and a scalar (the same for every
    %   spatial dimension) or a vector of R elements. A failure raises
    %   IDENTIFIER with a message naming LABEL. VALUES is a double row.

    if ~pooling.internal.is_integer_valued(value) || any(value(:) < 1)
        error(identifier, ...
              ['%s: %s must be positive integers (a scalar or one per spatial ' ...
               'dimension); got %s.'], fname, label, pooling.internal.describe_value(value));
    end
    pooling.internal.check_limit(fname, value, label, identifier);
    if numel(value) ~= 1 && numel(value) ~= r
        error(identifier, ...
              ['%s: %s must have 1 or R = %d elements (R is the number of spatial ' ...
               'dimensions); got %s.'], fname, label, r, pooling.internal.describe_value(value));
    end
    % A 1-by-1-by-R array has the right count but is no vector: refused, as
    % Python refuses a nested sequence.
    if ~isvector(value)
        error(identifier, ...
              ['%s: %s must be a scalar or a vector of R = %d elements (R is the number ' ...
               'of spatial dimensions); got %s.'], ...
              fname, label, r, pooling.internal.describe_value(value));
    end
    values = double(value(:).') .* ones(1, r);
end
