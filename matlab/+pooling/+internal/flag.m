function tf = flag(fname, label, value)
    %FLAG  A true/false option ('CeilMode', 'CountIncludePad') as a logical scalar.
    %   TF = pooling.internal.flag(FNAME, LABEL, VALUE) accepts a logical or a
    %   real numeric scalar equal to 0 or 1; anything else is pooling:badOption.
    %   Numeric 0 and 1 are accepted because MATLAB code writes them for
    %   logicals (Python, by contrast, takes only bools).

    ok = pooling.internal.is_plain_array(value, true) && isscalar(value);
    if ~ok || (value ~= 0 && value ~= 1)
        error('pooling:badOption', ...
              '%s: %s must be true or false (a logical or numeric 0 or 1); got %s.', ...
              fname, label, pooling.internal.describe_value(value));
    end
    tf = logical(value);
end
