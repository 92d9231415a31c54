function r = spatial_dims(fname, value)
    %SPATIAL_DIMS  The 'SpatialDims' option: the number of spatial dimensions R, 1, 2 or 3.
    %   R = pooling.internal.spatial_dims(FNAME, VALUE) returns VALUE as a
    %   double if it is a real numeric scalar equal to 1, 2 or 3; anything else
    %   is pooling:badOption.

    if ~pooling.internal.is_plain_array(value) || ~isscalar(value) || ~any(value == [1 2 3])
        error('pooling:badOption', ...
              '%s: ''SpatialDims'' must be 1, 2 or 3; got %s.', ...
              fname, pooling.internal.describe_value(value));
    end
    r = double(value);
end
