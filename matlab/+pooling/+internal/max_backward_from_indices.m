function dx = max_backward_from_indices(dy, q, x_size, geom, method)
    %MAX_BACKWARD_FROM_INDICES  Max pooling backward from saved indices (SPEC.md section 7).
    %   DX = pooling.internal.max_backward_from_indices(DY, Q, X_SIZE, GEOM,
    %   METHOD) starts DX at +0 (size X_SIZE, the class of DY) and adds each
    %   DY(p) to DX(Q(p)) with the outputs in ascending row-major order over
    %   (n, c, spatial...): the order of recomputing, so the same bits. DY has
    %   the forward output's size and Q (from check_max_indices, double) is
    %   PROD(GEOM.out)-by-GEOM.planes; both are indexed linearly, as
    %   GEOM.out-by-GEOM.planes arrays.
    %
    %   'naive' is the plain loop. 'fast' sorts the contributions by target,
    %   stably, and adds them in rounds: round m adds the m-th contribution of
    %   every target at once, so each target still sums its gradients from +0
    %   in output order (accumarray is avoided: its order is not documented,
    %   and a sum of one -0 would give -0 where +0 + -0 is +0).
    %
    %   See also pooling.internal.check_max_indices.

    dx = zeros(x_size, class(dy));
    if strcmp(method, 'naive')
        dx = pooling.internal.add_at_naive(dx, dy, q, geom.out, geom.planes);
        return
    end
    order = pooling.internal.row_major_order(geom.out);
    dy = reshape(dy, [prod(geom.out), geom.planes]);
    t = q(order, :);
    v = dy(order, :);
    [t, by_target] = sort(t(:));
    v = v(:);
    v = v(by_target);
    n = numel(t);
    starts = [true; diff(t) ~= 0];
    at = (1:n).';
    round_of = at - cummax(at .* starts) + 1;
    dx = dx(:);
    for m = 1:max([round_of; 0])
        in_round = round_of == m;
        dx(t(in_round)) = dx(t(in_round)) + v(in_round);
    end
    dx = reshape(dx, x_size);
end
