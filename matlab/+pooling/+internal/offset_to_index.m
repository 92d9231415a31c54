function idx = offset_to_index(sel, geom)
    %OFFSET_TO_INDEX  Linear indices into X of the elements selected at window offsets SEL.
    %   IDX = pooling.internal.offset_to_index(SEL, GEOM) turns SEL, the
    %   GEOM.out-by-GEOM.planes array of row-major offset numbers from
    %   max_pool_fast, into 1-based linear indices into X (GEOM.in-by-GEOM.planes,
    %   the same linear order as the caller's X): output o reads position
    %   o*S - PB + J*D along each dimension (0-based; SPEC.md section 2).
    %
    %   See also pooling.internal.max_pool_fast, pooling.internal.window_offset.

    [j1, j2, j3] = pooling.internal.window_offset(sel, geom.k);
    q1 = (0:geom.out(1) - 1).' * geom.s(1) - geom.pb(1) + j1 * geom.d(1);
    q2 = (0:geom.out(2) - 1) * geom.s(2) - geom.pb(2) + j2 * geom.d(2);
    q3 = reshape(0:geom.out(3) - 1, 1, 1, []) * geom.s(3) - geom.pb(3) + j3 * geom.d(3);
    plane = reshape(0:geom.planes - 1, 1, 1, 1, []);
    idx = 1 + q1 + geom.in(1) * (q2 + geom.in(2) * (q3 + geom.in(3) * plane));
end
