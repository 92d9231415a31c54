function idx = offset_to_index(sel, geom)
    %OFFSET_TO_INDEX  Linear indices into X of the elements selected at window offsets SEL.
    %   IDX = pooling.internal.offset_to_index(SEL, GEOM) turns SEL, the
    %   GEOM.out-by-GEOM.planes array of row-major offset numbers (1-based) that
    %   max_pool_fast returns, into 1-based linear indices into X
    %   (GEOM.in-by-GEOM.planes, the same linear order as the caller's X), as
    %   doubles. Output o reads position o*S - PB + J*D along each dimension
    %   (0-based; SPEC.md section 2), so an index is the window origin's index
    %   plus a term that depends on the offset alone: one lookup in a table
    %   with one entry per offset, and two additions. A huge kernel would make
    %   that table huge, so past one entry per output the term is computed
    %   from SEL itself instead.
    %
    %   See also pooling.internal.max_pool_fast, pooling.internal.window_offset.

    count = prod(geom.k);
    if count <= max(numel(sel), 256)
        [j1, j2, j3] = pooling.internal.window_offset((1:count).', geom.k);
        delta = j1 * geom.d(1) + geom.in(1) * (j2 * geom.d(2) + geom.in(2) * j3 * geom.d(3));
        delta = reshape(delta(sel), size(sel));
    else
        [j1, j2, j3] = pooling.internal.window_offset(double(sel), geom.k);
        delta = j1 * geom.d(1) + geom.in(1) * (j2 * geom.d(2) + geom.in(2) * j3 * geom.d(3));
    end
    q1 = (0:geom.out(1) - 1).' * geom.s(1) - geom.pb(1);
    q2 = (0:geom.out(2) - 1) * geom.s(2) - geom.pb(2);
    q3 = reshape(0:geom.out(3) - 1, 1, 1, []) * geom.s(3) - geom.pb(3);
    origin = 1 + q1 + geom.in(1) * (q2 + geom.in(2) * q3);
    plane = reshape(0:geom.planes - 1, 1, 1, 1, []) * prod(geom.in);
    % Every term is an integer below 2^53, so the sums are exact in any order.
    idx = delta + origin + plane;
end
