function z = max_unpool(varargin)
    %MAX_UNPOOL  Put max-pooled values back where they came from, bit-exact.
    %   Z = pooling.max_unpool(Y, IDX, OUTPUT_SIZE) returns an array of zeros
    %   of class(Y) and size [SPATIAL, C, N] with each Y(p) written at
    %   Z(IDX(p)). Y is laid out as [spatial..., C, N] with R spatial
    %   dimensions, C = SIZE(Y, R+1) and N = SIZE(Y, R+2); IDX has the size of
    %   Y and holds 1-based linear indices into Z, as the second output of
    %   pooling.max_pool does for its X, so after
    %     [y, idx] = pooling.max_pool(x, pool_size, ...)
    %   pooling.max_unpool(y, idx, SIZE(x)) has x's size.
    %
    %   OUTPUT_SIZE is the spatial size SPATIAL (1 to 3 values) or the full
    %   size [SPATIAL, C, N] (e.g. SIZE(X)), whose C and N must be Y's
    %   (pooling:badOutputSize says which differs). How R is decided:
    %     - 'SpatialDims' R when given; OUTPUT_SIZE then has R to R+2 values
    %       (missing trailing C and N are 1);
    %     - else NUMEL(OUTPUT_SIZE) when it is 1, 2 or 3 (a spatial size), and
    %       NUMEL(OUTPUT_SIZE) - 2 when it is 4 or 5 (a full size).
    %   SIZE(X) drops trailing singletons: for a 4x4x1x1 X it is [4 4], for a
    %   4x4x3 X (C = 3, N = 1) [4 4 3], read as a 3-D spatial size. Z has X's
    %   size and values either way, since IDX indexes X linearly; give
    %   'SpatialDims' to make R explicit (and the plane check of IDX exact).
    %
    %   Z = pooling.max_unpool(Y, IDX, 'PoolSize', K, 'Stride', S, 'Padding', P)
    %   infers the spatial size from the pooling's parameters, as PyTorch's
    %   max_unpool does: SPATIAL = (SIZE(Y, 1:R) - 1) .* S - 2*P + K. This is
    %   the input size whenever the pooling's windows tiled the input exactly.
    %   Here R is 'SpatialDims' when given, else NUMEL(K) when that is 2 or 3,
    %   else 2 (as pooling.max_pool decides it). An OUTPUT_SIZE of [] counts
    %   as omitted; when OUTPUT_SIZE is given, it is the size (as in PyTorch)
    %   and 'PoolSize', 'Stride' and 'Padding' are only checked.
    %
    %   Options (name-value pairs, names case-insensitive):
    %     'PoolSize'     positive integers, a scalar or one per spatial
    %                    dimension; default none (then OUTPUT_SIZE is needed)
    %     'Stride'       positive integers, default 'PoolSize'
    %     'Padding'      nonnegative integers, a scalar or one per spatial
    %                    dimension (symmetric, PyTorch's form), default 0
    %     'SpatialDims'  1, 2 or 3, default as above
    %     'Method'       'fast' (default; vectorised) or 'naive' (one
    %                    position at a time); both return identical bits.
    %
    %   Y must be a real, full array of class double, single, int8, uint8,
    %   int16, uint16, int32, uint32, int64 or uint64 (SPEC.md section 11),
    %   with at most R+2 dimensions, C and every spatial size at least 1 (N
    %   may be 0). Sizes are at most 2^31-1 (any numeric class, integer
    %   valued), and neither Y nor Z may have more than 2^31-1 elements (an
    %   empty batch counted as N = 1). IDX is a real, full numeric array of
    %   integer values (any numeric class), each inside its own (c, n) plane
    %   of Z.
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
    %   dimensions), pooling:badOutputSize (OUTPUT_SIZE's values; Y has more
    %   than R+2 dimensions: too few sizes; a full size with another C or N),
    %   pooling:badKernel ('PoolSize'), pooling:badStride, pooling:badPadding,
    %   pooling:badOutputSize (an inferred size outside [1, 2^31-1], or
    %   neither OUTPUT_SIZE nor 'PoolSize'), pooling:badInput (C = 0 or a
    %   spatial size of 0), pooling:tooLarge (Y or Z over 2^31-1 elements),
    %   pooling:badIndices (IDX's class, values or size, then an index outside
    %   its plane).
    %
    %   Example (SPEC.md, section 10):
    %     [y, idx] = pooling.max_pool([1; 5; 2], 2, 'Stride', 1, 'SpatialDims', 1);
    %     % y = [5; 5], idx = [2; 2]
    %     z = pooling.max_unpool(y, idx, 3)
    %     % z = [0; 5; 0]
    %     x = reshape(1:32, 4, 4, 2);
    %     [y, idx] = pooling.max_pool(x, 2);
    %     isequal(size(pooling.max_unpool(y, idx, size(x))), size(x))
    %     % ans = 1, and so for pooling.max_unpool(y, idx, 'PoolSize', 2)
    %
    %   See also pooling.options, pooling.max_pool, pooling.max_unpool_backward.

    call = pooling.internal.prepare('unpool', varargin);
    y = call.x;
    idx = call.idx;
    r = call.opts.r;
    z_size = call.z_size;
    pooling.internal.check_indices(call.fname, idx, r, call.x_size);
    pooling.internal.check_index_range(call.fname, idx, r, z_size, 'Z');

    [targets, sources] = pooling.internal.unpool_writers(call.opts.method, idx, r, prod(z_size));
    z = zeros(z_size, class(y));
    z(targets) = y(sources);
end
