function [values, r] = unpool_size(fname, y, value, named)
    %UNPOOL_SIZE  The spatial size of max_unpool's result, given or inferred, and R.
    %   [VALUES, R] = pooling.internal.unpool_size(FNAME, Y, VALUE, NAMED)
    %   returns the spatial size of Z as a 1-by-R double row. VALUE is
    %   OUTPUT_SIZE ([] when omitted); NAMED holds the name-value options
    %   ('PoolSize', 'Stride', 'Padding', 'SpatialDims') from read_options.
    %
    %   R is 'SpatialDims' when given. Otherwise, with OUTPUT_SIZE given, R is
    %   NUMEL(OUTPUT_SIZE) for 1 to 3 values (the spatial size) and
    %   NUMEL(OUTPUT_SIZE) - 2 for 4 or 5 (the full size [spatial..., C, N],
    %   e.g. SIZE(X)); without it, R is NUMEL('PoolSize') when that is 2 or 3,
    %   else 2, as for pooling.max_pool. With 'SpatialDims' R, OUTPUT_SIZE may
    %   have R to R+2 values: [spatial..., C, N], missing trailing ones 1.
    %   A full size must name Y's C and N.
    %
    %   Without OUTPUT_SIZE the size is inferred from 'PoolSize' K, 'Stride'
    %   S (default K) and 'Padding' P (symmetric), as PyTorch's max_unpool does:
    %     VALUES = (SIZE(Y, 1:R) - 1) .* S - 2*P + K.
    %
    %   Errors, in this order (SPEC.md section 12): pooling:badInput (Y has
    %   more than 5 dimensions), pooling:badOutputSize (OUTPUT_SIZE's values,
    %   Y has more than R+2 dimensions when R comes from OUTPUT_SIZE, a full
    %   size whose C or N is not Y's), pooling:badKernel ('PoolSize'),
    %   pooling:badStride, pooling:badPadding (a scalar or 1-by-R row of
    %   nonnegative integers), pooling:badOutputSize (an inferred size outside
    %   [1, 2^31-1], or neither OUTPUT_SIZE nor 'PoolSize' given).

    % No OUTPUT_SIZE fits a Y of more than 5 dimensions: that is Y's fault.
    if ndims(y) > 5
        error('pooling:badInput', ...
              ['%s: Y must have at most 5 dimensions ([spatial..., C, N] with 1 to 3 ' ...
               'spatial dimensions); got %s.'], fname, pooling.internal.describe_value(y, true));
    end
    given = ~(isnumeric(value) && isempty(value) && isequal(size(value), [0 0]));
    if given
        if named.given.spatialdims
            r = named.spatialdims;
        elseif numel(value) <= 3
            r = numel(value);
        else
            r = numel(value) - 2;
        end
        value = check_given(fname, value, named, r);
        check_dims(fname, y, value, r, named.given.spatialdims);
        values = check_planes(fname, y, value, r);
    elseif named.given.spatialdims
        r = named.spatialdims;
    elseif any(numel(named.poolsize) == [2 3])
        r = numel(named.poolsize);
    else
        r = 2;
    end

    k = [];
    if named.given.poolsize
        k = pooling.internal.per_axis(fname, named.poolsize, '''PoolSize''', ...
                                      'pooling:badKernel', r);
    end
    s = k;
    if named.given.stride
        s = pooling.internal.per_axis(fname, named.stride, '''Stride''', 'pooling:badStride', r);
    end
    p = check_padding(fname, named.padding, r);
    if given
        return
    end
    if isempty(k)
        error('pooling:badOutputSize', ...
              ['%s: give OUTPUT_SIZE (the size of the input that was pooled: its spatial ' ...
               'size or SIZE(X)) or ''PoolSize'' (with ''Stride'' and ''Padding'', to infer ' ...
               'it as PyTorch does); got neither: Z = %s(Y, IDX, SIZE(X)) or ' ...
               '%s(Y, IDX, ''PoolSize'', K).'], fname, fname, fname);
    end
    y_size = [size(y), ones(1, r + 2 - ndims(y))];
    values = (y_size(1:r) - 1) .* s - 2 * p + k;
    bad = find(values < 1 | values > 2^31 - 1, 1);
    if ~isempty(bad)
        error('pooling:badOutputSize', ...
              ['%s: the output size inferred along spatial dimension %d, (SIZE(Y, %d) - 1)' ...
               '*STRIDE - 2*PADDING + POOL_SIZE = (%d - 1)*%d - 2*%d + %d = %d, must lie in ' ...
               '[1, 2^31-1]; give OUTPUT_SIZE instead, or a smaller ''Padding''.'], ...
              fname, bad, bad, y_size(bad), s(bad), p(bad), k(bad), values(bad));
    end
end

function value = check_given(fname, value, named, r)
    most = 5;
    if named.given.spatialdims
        most = named.spatialdims + 2;
    end
    % Only the N of a full size may be 0 (an empty batch).
    ok = pooling.internal.is_integer_valued(value) && isvector(value) && ...
         numel(value) <= most && all(value(:) >= 0) && ...
         all(value(1:min(numel(value), r + 1)) >= 1);
    if ~ok
        error('pooling:badOutputSize', ...
              ['%s: OUTPUT_SIZE must be positive integers: the spatial size of the input ' ...
               'that was pooled (1 to 3 values), or its full size [spatial..., C, N] such as ' ...
               'SIZE(X) (at most R+2 = %d values); got %s.'], ...
              fname, most, pooling.internal.describe_value(value));
    end
    pooling.internal.check_limit(fname, value, 'OUTPUT_SIZE', 'pooling:badOutputSize');
    value = double(value(:).');
    if named.given.spatialdims && numel(value) < named.spatialdims
        error('pooling:badOutputSize', ...
              ['%s: OUTPUT_SIZE must have at least R = %d values (''SpatialDims''), one per ' ...
               'spatial dimension; got %s.'], fname, named.spatialdims, ...
              pooling.internal.describe_value(value));
    end
end

function check_dims(fname, y, value, r, from_option)
    if ndims(y) > r + 2 && ~from_option
        error('pooling:badOutputSize', ...
              ['%s: OUTPUT_SIZE must have one value per spatial dimension of Y; got %s ' ...
               '(R = %d), but Y has %d dimensions, more than R+2 = %d ([spatial..., C, N]): ' ...
               '%s.'], fname, pooling.internal.describe_value(value), r, ndims(y), r + 2, ...
              pooling.internal.describe_value(y, true));
    end
end

function values = check_planes(fname, y, value, r)
    % A full size [spatial..., C, N] must name Y's C and N.
    values = value(1:r);
    if numel(value) == r
        return
    end
    y_size = [size(y), ones(1, r + 2 - ndims(y))];
    given = [value(r + 1:end), ones(1, r + 2 - numel(value))];
    labels = {'C', 'N'};
    wrong = {};
    for i = 1:2
        if given(i) ~= y_size(r + i)
            wrong{end + 1} = sprintf('%s = %d where Y has %s = %d', ...
                                     labels{i}, given(i), labels{i}, y_size(r + i)); %#ok<AGROW>
        end
    end
    if ~isempty(wrong)
        error('pooling:badOutputSize', ...
              ['%s: OUTPUT_SIZE %s is read as the full size [spatial..., C, N] with R = %d ' ...
               'spatial dimensions, so its C and N must be Y''s: %s (give the spatial size ' ...
               'alone, or ''SpatialDims'' to choose R).'], ...
              fname, pooling.internal.describe_value(value), r, strjoin(wrong, ' and '));
    end
end

function p = check_padding(fname, value, r)
    % max_unpool's 'Padding' is PyTorch's: symmetric, one value or one per dimension.
    ok = pooling.internal.is_integer_valued(value) && all(value(:) >= 0) && ...
         (isscalar(value) || (isvector(value) && numel(value) == r));
    if ~ok
        error('pooling:badPadding', ...
              ['%s: ''Padding'' must be a nonnegative integer or a vector of R = %d of them ' ...
               '(the same pad before and after, as given to the pooling); got %s.'], ...
              fname, r, pooling.internal.describe_value(value));
    end
    pooling.internal.check_limit(fname, value, '''Padding''', 'pooling:badPadding');
    p = double(value(:).') .* ones(1, r);
end
