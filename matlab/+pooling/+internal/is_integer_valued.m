function tf = is_integer_valued(value)
    %IS_INTEGER_VALUED  True for a real numeric array whose elements are all finite integers.
    %   TF = pooling.internal.is_integer_valued(VALUE) accepts every numeric
    %   class, integer or floating point, as long as the values are whole.
    %   ISNUMERIC is false for logical and char, so true and '2' are refused,
    %   as the Python half refuses bool, and so is any class that is not one
    %   of the ten built-in numeric classes (pooling.internal.is_plain_array).
    %   An empty array is integer valued.

    % A class that only claims to be numeric (a gpuArray, a dlarray) is refused.
    tf = pooling.internal.is_plain_array(value) && all(isfinite(value(:))) && ...
         all(value(:) == round(value(:)));
end
