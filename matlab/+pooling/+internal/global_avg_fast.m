function y = global_avg_fast(x, geom, opts)
    %GLOBAL_AVG_FAST  Average pooling of each plane whole: row-major sums, then one division.
    %   Y = pooling.internal.global_avg_fast(X, GEOM, OPTS) pools X, reshaped to
    %   GEOM.in-by-GEOM.planes (single or double), with one window covering
    %   every spatial position (is_global_window(GEOM) is true), and returns Y,
    %   1-by-1-by-1-by-GEOM.planes, with the same bits as avg_pool_naive.
    %
    %   SPEC.md section 8 adds a plane's elements one at a time in row-major
    %   order, from +0. Only the planes can be added side by side, so the loop
    %   runs over the spatial positions in that order and adds one position of
    %   every plane per step. The transpose puts each position's elements next
    %   to each other in memory. SUM is not used: its order is memory order in
    %   Octave and unspecified (blocked, multithreaded) in MATLAB.
    %
    %   See also pooling.internal.avg_pool_naive, pooling.internal.global_avg_backward_fast.

    planes_first = reshape(x, prod(geom.in), geom.planes).';
    order = pooling.internal.row_major_order(geom.in);
    acc = zeros(geom.planes, 1, class(x));
    for p = 1:numel(order)
        acc = acc + planes_first(:, order(p));
    end
    % One true division in class(X), never a multiplication by a reciprocal.
    y = acc ./ cast(pooling.internal.avg_divisor(geom, opts), class(x));
    y = reshape(y, [1 1 1 geom.planes]);
end
