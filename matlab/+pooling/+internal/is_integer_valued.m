function tf = is_integer_valued(value)
    %IS_INTEGER_VALUED  True for a real numeric array whose elements are all finite integers.
    %   TF = pooling.internal.is_integer_valued(VALUE) accepts every numeric
    %   class, integer or floating point, as long as the values are whole.
    %   ISNUMERIC is false for logical and char, so true and '2' are refused,
    %   as the Python half refuses bool. An empty array is integer valued.

    tf = isnumeric(value) && isreal(value) && all(isfinite(value(:))) && ...
         all(value(:) == round(value(:)));
end
