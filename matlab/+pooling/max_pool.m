function [y, idx] = max_pool(varargin)
    %MAX_POOL  Max pooling over the leading spatial dimensions of X, bit-exact.
    %   Y = pooling.max_pool(X, POOL_SIZE) pools X, laid out as [spatial..., C, N]
    %   (for example H-by-W-by-C-by-N), with a window of POOL_SIZE elements per
    %   spatial dimension. The stride defaults to POOL_SIZE, so the windows tile
    %   X without overlap. Each (c, n) plane is pooled on its own.
    %
    %   [Y, IDX] = pooling.max_pool(X, POOL_SIZE) also returns IDX, a double
    %   array the size of Y holding the 1-based linear indices into X of the
    %   selected elements, so X(IDX) is Y bit for bit (NaN where Y is NaN).
    %
    %   [...] = pooling.max_pool(X, POOL_SIZE, Name, Value, ...) sets the
    %   options 'Stride', 'Padding', 'Dilation', 'CeilMode', 'SpatialDims' and
    %   'Method', described with their defaults in pooling.options.
    %
    %   X is a real, full array of class double, single, int8, uint8, int16,
    %   uint16, int32, uint32, int64 or uint64; Y has its class (the selection
    %   only compares, so it is exact at every type's extremes; SPEC.md section
    %   11). POOL_SIZE is a positive integer scalar (used for every spatial
    %   dimension) or a vector with one per spatial dimension, of any numeric
    %   class but integer valued. The number of spatial dimensions R is
    %   'SpatialDims' when given, else NUMEL(POOL_SIZE) when that is 2 or 3,
    %   else 2: with R = 1, an L-by-C matrix is C signals of length L.
    %
    %   Y is OUT_1-by-...-by-OUT_R-by-C-by-N, OUT = floor((IN + BEFORE + AFTER
    %   - E) / STRIDE) + 1 per spatial dimension with E = DILATION*(POOL_SIZE-1)
    %   + 1 ('CeilMode' rounds up; pooling.options has the whole rule). Padding
    %   is absent, never a value: it is skipped, never selected.
    %
    %   Each window is scanned in row-major order and a later element wins only
    %   if it is larger or NaN: ties go to the first element in row-major order,
    %   the first NaN wins and -0 before +0 stays -0 (the selection rule in
    %   pooling.options; SPEC.md section 5). Errors are raised in the order
    %   that pooling.options lists.
    %
    %   Example (SPEC.md, section 5):
    %     x = [1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4];
    %     [y, idx] = pooling.max_pool(x, 2)
    %     % y = [6 8; 3 4], idx = [6 14; 3 16]
    %
    %   See also pooling.options, pooling.max_pool_backward, pooling.avg_pool,
    %   pooling.global_max_pool, pooling.max_unpool.

    call = pooling.internal.prepare('max', varargin);
    [y, idx] = pooling.internal.pool_forward('max', call.x, call.geom, call.opts, nargout > 1);
end
