function dx = max_pool_backward_naive(dy, x, geom)
    %MAX_POOL_BACKWARD_NAIVE  Max pooling backward one output at a time: SPEC.md section 7.
    %   DX = pooling.internal.max_pool_backward_naive(DY, X, GEOM) recomputes the
    %   selection with max_pool_naive and adds each upstream gradient DY(p) to
    %   the selected element, visiting outputs in ascending row-major order
    %   (plane outermost, then the first spatial dimension, last innermost).
    %   X is GEOM.in-by-GEOM.planes and DY GEOM.out-by-GEOM.planes, of one class.
    %
    %   See also pooling.internal.max_pool_backward_fast.

    [~, idx] = pooling.internal.max_pool_naive(x, geom);
    dx = pooling.internal.add_at_naive(zeros(size(x), class(x)), dy, idx, geom.out, geom.planes);
end
