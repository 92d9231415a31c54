function dx = max_pool_backward(varargin)
    %MAX_POOL_BACKWARD  Gradient of pooling.max_pool with respect to X, bit-exact.
    %   DX = pooling.max_pool_backward(DY, X, POOL_SIZE) routes each upstream
    %   gradient DY(p) to the element of X that pooling.max_pool(X, POOL_SIZE)
    %   selects for output p.
    %
    %   DX = pooling.max_pool_backward(DY, X, POOL_SIZE, Name, Value, ...) takes
    %   the options of the forward call, which must be the same as there:
    %   'Stride', 'Padding', 'Dilation', 'CeilMode', 'SpatialDims' and 'Method'
    %   (pooling.options).
    %
    %   DX = pooling.max_pool_backward(DY, X, POOL_SIZE, ..., 'Indices', IDX)
    %   takes the selection from IDX, the second output of the forward call
    %   [Y, IDX] = pooling.max_pool(X, POOL_SIZE, ...), instead of recomputing
    %   it, as training frameworks do with the indices they save: the same
    %   bits, without a second selection. IDX is a double or integer-class
    %   array of 1-based linear indices into X, of the size of DY; each must
    %   lie in its own (c, n) plane and in the window of its own output
    %   (padding and overhang are not elements), else pooling:badIndices,
    %   checked after DY. Whether IDX(p) is the window's maximum is not
    %   checked: the gradient goes where the indices say.
    %
    %   X is laid out as [spatial..., C, N], a real, full double or single
    %   array (a gradient of a function of integers is not a useful number, so
    %   integer classes are refused; SPEC.md section 11). DY has the class of
    %   X and the size of the forward output Y, OUT_1-by-...-by-OUT_R-by-C-by-N
    %   (trailing singleton dimensions may be dropped, as MATLAB does). DX has
    %   the size and class of X.
    %
    %   The selection is the forward one, and the whole of DY(p) goes to the
    %   one selected element, never split among ties. DX starts at +0; the
    %   outputs add their DY in ascending row-major order over (n, c,
    %   spatial...), which fixes the rounding where windows overlap (SPEC.md
    %   section 7). An element never selected gets +0. Errors come in the
    %   order of pooling.options, then pooling:badGradient (DY), then
    %   pooling:badIndices ('Indices', when given).
    %
    %   Example:
    %     x = [1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4];
    %     dx = pooling.max_pool_backward([1 2; 3 4], x, 2)
    %     % dx = [0 0 0 0; 0 1 0 2; 3 0 0 0; 0 0 0 4]
    %     [y, idx] = pooling.max_pool(x, 2);
    %     dx = pooling.max_pool_backward([1 2; 3 4], x, 2, 'Indices', idx)
    %     % the same dx
    %
    %   See also pooling.options, pooling.max_pool, pooling.avg_pool_backward,
    %   pooling.global_max_pool_backward.

    call = pooling.internal.prepare('max_backward', varargin);
    dx = pooling.internal.pool_backward('max', call.fname, call.dy, call.x, call.geom, call.opts);
end
