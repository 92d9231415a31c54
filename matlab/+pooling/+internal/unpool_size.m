function [values, r] = unpool_size(fname, y, value)
    %UNPOOL_SIZE  max_unpool's OUTPUT_SIZE as a 1-by-R double row, R its length.
    %   [VALUES, R] = pooling.internal.unpool_size(FNAME, Y, VALUE) checks
    %   OUTPUT_SIZE: 1 to 3 positive integers (any numeric class, at most
    %   2^31-1) as a vector, else pooling:badOutputSize. It also refuses a Y of
    %   more than 5 dimensions (pooling:badInput), and a Y of more than R+2
    %   dimensions (pooling:badOutputSize: Y's spatial dimensions are known
    %   only through OUTPUT_SIZE, so that means too few sizes; SPEC.md
    %   sections 12 and 13.2).

    % No OUTPUT_SIZE fits a Y of more than 5 dimensions: that is Y's fault.
    if ndims(y) > 5
        error('pooling:badInput', ...
              ['%s: Y must have at most 5 dimensions ([spatial..., C, N] with 1 to 3 ' ...
               'spatial dimensions); got %s.'], fname, pooling.internal.describe_value(y, true));
    end
    ok = pooling.internal.is_integer_valued(value) && isvector(value) && ...
         numel(value) <= 3 && all(value(:) >= 1);
    if ~ok
        error('pooling:badOutputSize', ...
              ['%s: OUTPUT_SIZE must be 1 to 3 positive integers, the spatial size of ' ...
               'the input that was pooled (one per spatial dimension); got %s.'], ...
              fname, pooling.internal.describe_value(value));
    end
    pooling.internal.check_limit(fname, value, 'OUTPUT_SIZE', 'pooling:badOutputSize');
    values = double(value(:).');
    r = numel(values);
    if ndims(y) > r + 2
        error('pooling:badOutputSize', ...
              ['%s: OUTPUT_SIZE must have one value per spatial dimension of Y; got %s ' ...
               '(R = %d), but Y has %d dimensions, more than R+2 = %d ([spatial..., C, N]): ' ...
               '%s.'], fname, pooling.internal.describe_value(value), r, ndims(y), r + 2, ...
              pooling.internal.describe_value(y, true));
    end
end
