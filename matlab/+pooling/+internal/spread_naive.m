function dx = spread_naive(dx, g, out, planes, elements, share)
    %SPREAD_NAIVE  Add each output's gradient to every element of its window, one at a time.
    %   DX = pooling.internal.spread_naive(DX, G, OUT, PLANES, ELEMENTS) visits
    %   the outputs of the OUT-by-PLANES array G (class(DX)) in ascending
    %   row-major order, plane outermost, and adds G(o) to each element of
    %   DX that ELEMENTS(P, O) lists (O 1-by-3, 0-based; 1-based linear
    %   indices in the window's row-major scan order): average pooling's
    %   backward once G holds DY divided by the divisors (SPEC.md section 8).
    %
    %   DX = pooling.internal.spread_naive(..., ELEMENTS, SHARE) adds
    %   SHARE(K, E) instead, K the output's linear index into G and E the
    %   element's into DX: Lp pooling's backward, whose share depends on the
    %   element (SPEC.md section 17).
    %
    %   See also pooling.internal.output_walk, pooling.internal.add_at_naive.

    by_element = nargin > 5;
    [at, o, p] = pooling.internal.output_walk(out, planes);
    for n = 1:numel(at)
        lin = elements(p(n), o(n, :));
        % Overlapping windows share elements: accumulate, in this order,
        % since addition does not associate.
        for m = 1:numel(lin)
            e = lin(m);
            if by_element
                dx(e) = dx(e) + share(at(n), e);
            else
                dx(e) = dx(e) + g(at(n));
            end
        end
    end
end
