function [y, idx] = max_pool_naive(x, geom)
    %MAX_POOL_NAIVE  Max pooling one window at a time: the reference loops of SPEC.md section 5.
    %   [Y, IDX] = pooling.internal.max_pool_naive(X, GEOM) pools X, reshaped to
    %   GEOM.in-by-GEOM.planes, and returns Y and the 1-based linear indices IDX
    %   into X of the selected elements, both GEOM.out-by-GEOM.planes.
    %
    %   Each window is scanned in row-major order over its offsets (first
    %   spatial dimension outermost), skipping positions outside the input.
    %   The first element met starts the running best B; a later element V
    %   replaces it only if B is not NaN and (V is NaN or V > B). Integer
    %   classes need only the comparison, which is exact for them.
    %
    %   See also pooling.internal.max_pool_fast, pooling.internal.max_windows_naive.

    % pool_geometry guarantees every window an input element.
    elements = @(p, o) pooling.internal.window_elements(geom, p, o);
    [y, idx] = pooling.internal.max_windows_naive(x, geom.out, geom.planes, elements);
end
