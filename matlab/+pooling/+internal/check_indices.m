function check_indices(fname, idx, r, y_size)
    %CHECK_INDICES  Type and shape of unpooling indices (SPEC.md sections 10, 12).
    %   pooling.internal.check_indices(FNAME, IDX, R, Y_SIZE) raises
    %   pooling:badIndices unless IDX is a real, full numeric array (any class,
    %   not logical or char) of finite integer values, with at most R+2
    %   dimensions and, when Y_SIZE is not empty, the size Y_SIZE (the size of
    %   the pooled values, trailing singleton dimensions ignored). The range of
    %   the values is check_index_range's, which runs later (SPEC.md section 12).
    %
    %   See also pooling.internal.check_index_range.

    if ~pooling.internal.is_integer_valued(idx) || issparse(idx)
        error('pooling:badIndices', ...
              ['%s: IDX must be a real, full numeric array of integer values (1-based ' ...
               'linear indices, of any numeric class); got %s.'], ...
              fname, pooling.internal.describe_value(idx, true));
    end
    if ndims(idx) > r + 2
        error('pooling:badIndices', ...
              ['%s: IDX must have at most R+2 = %d dimensions ([spatial..., C, N] ' ...
               'with R = %d spatial dimensions); got %s.'], ...
              fname, r + 2, r, pooling.internal.describe_value(idx, true));
    end
    if ~isempty(y_size)
        pooling.internal.check_size(fname, 'pooling:badIndices', idx, 'IDX', y_size, 'Y');
    end
end
