function dy = max_unpool_backward(varargin)
    %MAX_UNPOOL_BACKWARD  Gradient of pooling.max_unpool with respect to Y, bit-exact.
    %   DY = pooling.max_unpool_backward(DZ, IDX) is the true derivative of
    %   Z = pooling.max_unpool(Y, IDX, OUTPUT_SIZE): DY(p) = DZ(IDX(p)) when
    %   position p is the last to write that element of Z, and +0 when a later
    %   position overwrote it (its value never reaches Z). DY has the size of
    %   IDX and the class of DZ.
    %
    %   DZ is laid out as [OUTPUT_SIZE..., C, N], a real, full double or single
    %   array (a gradient of a function of integers is not a useful number, so
    %   integer classes raise pooling:badInput; SPEC.md section 11), with at
    %   most R+2 dimensions, C and every spatial size at least 1. IDX is
    %   [spatial..., C, N], the same C and N, a real, full numeric array (any
    %   class) of 1-based linear indices into DZ, each inside its own (c, n)
    %   plane, as pooling.max_pool returns them.
    %
    %   DY = pooling.max_unpool_backward(DZ, IDX, Name, Value, ...) sets options
    %   (names are case-insensitive):
    %     'SpatialDims'  1, 2 or 3: the number R of spatial dimensions. Default
    %                    2 (MATLAB drops trailing singleton dimensions, so R
    %                    cannot be read from the arrays).
    %     'Method'       'fast' (default; vectorised) or 'naive' (one position
    %                    at a time). Both return identical bits.
    %
    %   Rule (SPEC.md section 10): the positions of IDX write in ascending
    %   row-major order within each plane (first spatial dimension outermost),
    %   the later overwriting the earlier, exactly as in pooling.max_unpool.
    %   PyTorch's backward gathers DZ for every position, overwritten or not;
    %   this one does not.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput
    %   (DZ's class), pooling:badOption, pooling:badInput (DZ has more than R+2
    %   dimensions, C = 0 or a spatial size of 0), pooling:badIndices (IDX's
    %   class, values or more than R+2 dimensions), pooling:tooLarge (IDX, the
    %   size of DY, has more than 2^31-1 elements, an empty batch counted as
    %   N = 1), pooling:badGradient (DZ's C
    %   and N differ from IDX's), pooling:badIndices (an index outside its
    %   plane).
    %
    %   Example (SPEC.md, section 10):
    %     dy = pooling.max_unpool_backward([10; 20; 30], [2; 2], 'SpatialDims', 1)
    %     % dy = [0; 20]
    %
    %   See also pooling.options, pooling.max_unpool, pooling.max_pool.

    call = pooling.internal.prepare('unpool_backward', varargin);
    fname = call.fname;
    dz = call.x;
    idx = call.idx;
    r = call.opts.r;
    pooling.internal.check_indices(fname, idx, r, []);
    idx_size = [size(idx), ones(1, r + 2 - ndims(idx))];
    % DY has IDX's size: refuse before allocating it (SPEC.md section 12).
    pooling.internal.check_count(fname, idx_size, 'IDX (the size of the result DY)', true);
    if ~isequal(call.x_size(r + 1:r + 2), idx_size(r + 1:r + 2))
        error('pooling:badGradient', ...
              ['%s: DZ must be [OUTPUT_SIZE..., C, N] with R = %d spatial dimensions and ' ...
               'the C = %d and N = %d of IDX; got %s.'], ...
              fname, r, idx_size(r + 1), idx_size(r + 2), ...
              pooling.internal.describe_value(dz, true));
    end
    pooling.internal.check_index_range(fname, idx, r, call.x_size, 'DZ');

    [targets, sources] = pooling.internal.unpool_writers(call.opts.method, idx, r, numel(dz));
    dy = zeros(size(idx), class(dz));
    dy(sources) = dz(targets);
end
