function tf = is_plain_array(value, logical_ok)
    %IS_PLAIN_ARRAY  True for a real, full array of a built-in numeric class.
    %   TF = pooling.internal.is_plain_array(VALUE) is true when CLASS(VALUE)
    %   is exactly one of double, single, int8, uint8, int16, uint16, int32,
    %   uint32, int64 or uint64, and VALUE is real and not sparse.
    %   TF = pooling.internal.is_plain_array(VALUE, true) also accepts logical.
    %
    %   The class name is compared, not ISNUMERIC or ISFLOAT: a gpuArray, a
    %   dlarray or any class that overloads them answers true there, then
    %   fails deep inside with an error that is not pooling's (SPEC.md
    %   section 12). Such classes are refused up front instead.

    names = {'double', 'single', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', ...
             'int64', 'uint64'};
    if nargin > 1 && logical_ok
        names{end + 1} = 'logical';
    end
    tf = any(strcmp(class(value), names));
    % Only built-in classes reach ISREAL and ISSPARSE, which they all define.
    if tf
        tf = isreal(value) && ~issparse(value);
    end
end
