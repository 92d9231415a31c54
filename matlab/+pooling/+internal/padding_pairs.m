function [before, after, same] = padding_pairs(fname, value, r)
    %PADDING_PAIRS  The 'Padding' option as pads before and after each spatial dimension.
    %   [BEFORE, AFTER, SAME] = pooling.internal.padding_pairs(FNAME, VALUE, R)
    %   accepts nonnegative integers (any numeric class, at most 2^31-1) as a
    %   scalar, a 1-by-R row (the same pad before and after) or a 2-by-R matrix
    %   [BEFORE; AFTER], or the text 'valid' or 'same' (case-insensitive, char
    %   or string). BEFORE and AFTER are 1-by-R double rows, zero for 'same',
    %   whose pads pool_geometry works out from the input size; SAME is true
    %   for 'same'. Anything else is pooling:badPadding.
    %
    %   Only type and shape are checked here: the upper limit E-1 needs the
    %   dilation, which is checked after the padding (SPEC.md section 12), so
    %   check_padding_range applies it.
    %
    %   See also pooling.internal.check_padding_range, pooling.internal.pool_geometry.

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
    pooling.internal.check_limit(fname, value, '''Padding''', 'pooling:badPadding');
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
