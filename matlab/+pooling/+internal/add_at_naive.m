function dx = add_at_naive(dx, g, q, out, planes)
    %ADD_AT_NAIVE  Add each output's gradient to the one element it selected, one output at a time.
    %   DX = pooling.internal.add_at_naive(DX, G, Q, OUT, PLANES) visits the
    %   outputs of the OUT-by-PLANES arrays G (gradients, class(DX)) and Q
    %   (1-based linear indices into DX) in ascending row-major order, plane
    %   outermost (SPEC.md section 7), and adds G(o) to DX(Q(o)).
    %
    %   See also pooling.internal.output_walk, pooling.internal.spread_naive.

    at = pooling.internal.output_walk(out, planes);
    for n = 1:numel(at)
        % Overlapping windows can select one element several times:
        % accumulate, in this order, since addition does not associate.
        t = q(at(n));
        dx(t) = dx(t) + g(at(n));
    end
end
