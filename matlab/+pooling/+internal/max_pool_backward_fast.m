function dx = max_pool_backward_fast(dy, x, geom)
    %MAX_POOL_BACKWARD_FAST  Max pooling backward, vectorised, looping over window offsets.
    %   DX = pooling.internal.max_pool_backward_fast(DY, X, GEOM) gives the same
    %   bits as max_pool_backward_naive. X is GEOM.in-by-GEOM.planes and DY
    %   GEOM.out-by-GEOM.planes, of one class.
    %
    %   One input element is read by several outputs only at different window
    %   offsets, and along every dimension a larger offset belongs to an earlier
    %   output. Walking the offsets in reverse row-major order therefore adds
    %   the gradients of any one element in ascending row-major output order,
    %   the order SPEC.md section 7 fixes. Outputs that did not select the
    %   element at this offset add +0, which leaves DX unchanged: only -0 + +0
    %   changes bits, and DX never holds -0, since it starts at +0 and a
    %   round-to-nearest sum that starts at +0 never becomes -0.
    %
    %   See also pooling.internal.max_pool_backward_naive, pooling.internal.max_pool_fast.

    [~, sel] = pooling.internal.max_pool_fast(x, geom);
    dx = zeros(size(x), class(x));
    for t = prod(geom.k):-1:1
        [o1, i1, o2, i2, o3, i3] = pooling.internal.offset_boxes(geom, t);
        if isempty(o1) || isempty(o2) || isempty(o3)
            continue
        end
        g = dy(o1, o2, o3, :);
        g(sel(o1, o2, o3, :) ~= t) = 0;
        dx(i1, i2, i3, :) = dx(i1, i2, i3, :) + g;
    end
end
