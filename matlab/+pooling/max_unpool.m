function z = max_unpool(y, idx, output_size, varargin)
    %MAX_UNPOOL  Put max-pooled values back where they came from, bit-exact.
    %   Z = pooling.max_unpool(Y, IDX, OUTPUT_SIZE) returns an array of zeros
    %   of class(Y) and size [OUTPUT_SIZE, C, N] with each Y(p) written at
    %   Z(IDX(p)). Y is laid out as [spatial..., C, N] with R = NUMEL(OUTPUT_SIZE)
    %   spatial dimensions, C = SIZE(Y, R+1) and N = SIZE(Y, R+2); IDX has the
    %   size of Y and holds 1-based linear indices into Z, as the second output
    %   of pooling.max_pool does for its X, so after
    %     [y, idx] = pooling.max_pool(x, pool_size, ...)
    %   pooling.max_unpool(y, idx, SIZE(x, 1:R)) has x's size.
    %
    %   Z = pooling.max_unpool(Y, IDX, OUTPUT_SIZE, 'Method', M) chooses the
    %   method (the name is case-insensitive): 'fast' (default; vectorised) or
    %   'naive' (one position at a time). Both return identical bits.
    %
    %   Y must be a real, full array of class double, single, int8, uint8,
    %   int16, uint16, int32, uint32, int64 or uint64 (SPEC.md section 11),
    %   with at most R+2 dimensions (MATLAB cannot see trailing singleton
    %   dimensions, so R comes from OUTPUT_SIZE alone), C and every spatial size
    %   at least 1 (N may be 0). OUTPUT_SIZE is 1 to 3 positive integers, each
    %   at most 2^31-1 (any numeric class, integer valued). IDX is a real, full
    %   numeric array of integer values (any numeric class), each inside its
    %   own (c, n) plane of Z.
    %
    %   Rule (SPEC.md section 10): the positions p of Y write in ascending
    %   row-major order within each plane (first spatial dimension outermost),
    %   and where two positions name the same element of Z (overlapping
    %   windows selected one element twice) the later one overwrites the
    %   earlier. The last writer is picked explicitly: A(IDX) = B leaves the
    %   winner of a duplicate index to the language. Elements nobody writes
    %   are +0 (or integer 0).
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput
    %   (Y's class), pooling:badOption, pooling:badInput (Y has more than 5
    %   dimensions), pooling:badOutputSize (OUTPUT_SIZE's values, or Y has more
    %   than R+2 dimensions: too few sizes), pooling:badInput (C = 0 or a
    %   spatial size of 0), pooling:badIndices (IDX's class, values or size,
    %   then an index outside its plane).
    %
    %   Example (SPEC.md, section 10):
    %     [y, idx] = pooling.max_pool([1; 5; 2], 2, 'Stride', 1, 'SpatialDims', 1);
    %     % y = [5; 5], idx = [2; 2]
    %     z = pooling.max_unpool(y, idx, 3)
    %     % z = [0; 5; 0]
    %
    %   See also pooling.options, pooling.max_pool, pooling.max_unpool_backward.

    fname = 'pooling.max_unpool';
    if nargin < 1
        error('pooling:badInput', '%s: Y is required.', fname);
    end
    if nargin < 3
        % Reported as a bad output size, after Y and the options are checked.
        output_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'unpool', y, output_size, varargin);
    r = opts.r;
    y_size = [size(y), ones(1, r + 2 - ndims(y))];
    pooling.internal.check_indices(fname, idx, r, y_size);
    z_size = [opts.output_size, y_size(r + 1), y_size(r + 2)];
    pooling.internal.check_index_range(fname, idx, r, z_size, 'Z');

    if strcmp(opts.method, 'naive')
        [targets, sources] = pooling.internal.unpool_writers_naive(idx, r, prod(z_size));
    else
        [targets, sources] = pooling.internal.unpool_writers_fast(idx, r);
    end
    z = zeros(z_size, class(y));
    z(targets) = y(sources);
end
