function as_input(fname, spec, x)
    %AS_INPUT  Check the class of the data argument (SPEC.md section 11).
    %   pooling.internal.as_input(FNAME, SPEC, X) refuses an X that is not a
    %   real, full numeric array of a built-in class (a class name other than
    %   double, single, int8 ... uint64 or logical is refused first, whatever
    %   ISNUMERIC says), and an integer X where SPEC.integers_ok is
    %   false, with pooling:badInput. SPEC is parse_options' description of
    %   the call: SPEC.label names X in the message ('X', 'Y' or 'DZ') and
    %   SPEC.why_float says why floating point is needed. The shape is checked
    %   later, by as_input_size, since it depends on R.
    %
    %   See also pooling.internal.as_input_size, pooling.internal.parse_options.

    % Compare the class name first: a gpuArray, a dlarray or a class that
    % overloads isnumeric or isfloat would pass the checks below, then fail
    % deep inside with an error that is not pooling's.
    known = {'double', 'single', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', ...
             'int64', 'uint64', 'logical', 'char', 'cell', 'struct', 'function_handle'};
    if ~any(strcmp(class(x), known))
        error('pooling:badInput', ...
              ['%s: %s must be a real, full array of a built-in numeric class (single, ' ...
               'double or an integer class); got %s: class %s is not supported (convert ' ...
               'a gpuArray with gather, a dlarray with extractdata, a table with ' ...
               'table2array).'], ...
              fname, spec.label, pooling.internal.describe_value(x, true), class(x));
    end
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
