function q = check_max_indices(fname, idx, dy, geom)
    %CHECK_MAX_INDICES  Saved max pooling indices for a backward call (SPEC.md sections 7, 12).
    %   Q = pooling.internal.check_max_indices(FNAME, IDX, DY, GEOM) raises
    %   pooling:badIndices unless IDX is a real, full double or integer-class
    %   array of integer values (max_pool's IDX: 1-based linear indices into
    %   X), of the size of DY, each inside its own (c, n) plane of X and each
    %   a position that the window of its own output covers (an element of X,
    %   not padding or ceil-mode overhang). Whether IDX(p) is that window's
    %   maximum is not checked: the gradient goes where the indices say. The
    %   message names the first offending output position in ascending
    %   row-major order over (n, c, spatial...). Q is IDX as a GEOM.out-by-
    %   GEOM.planes double array.
    %
    %   See also pooling.internal.max_backward_from_indices.

    if ~(isa(idx, 'double') || isinteger(idx)) || ~pooling.internal.is_integer_valued(idx) || ...
            issparse(idx)
        error('pooling:badIndices', ...
              ['%s: ''Indices'' must be a real, full double or integer-class array of ' ...
               'integer values (the 1-based linear indices into X that pooling.max_pool ' ...
               'returns); got %s.'], fname, pooling.internal.describe_value(idx, true));
    end
    pooling.internal.check_size(fname, 'pooling:badIndices', idx, '''Indices''', ...
                                pooling.internal.pooled_size(geom), 'DY');
    per_plane = prod(geom.out);
    plane_size = prod(geom.in);
    q = reshape(double(idx), [per_plane, geom.planes]);
    % 0-based position within the plane; outside [0, plane_size) is out of range.
    first = (0:geom.planes - 1) * plane_size + 1;
    within = q - first;
    outside = within < 0 | within >= plane_size;
    bad = first_bad(outside, geom);
    if ~isempty(bad)
        error('pooling:badIndices', ...
              ['%s: ''Indices''(%d) = %s is outside its own (c, n) plane of X: the ' ...
               'linear indices of that plane run from %d to %d.'], ...
              fname, bad, pooling.internal.describe_value(idx(bad)), ...
              first(ceil(bad / per_plane)), first(ceil(bad / per_plane)) + plane_size - 1);
    end
    % Each axis: the position must be o*s - pb + j*d for some j in 0 .. k-1.
    foreign = false(size(q));
    [o1, o2, o3] = ndgrid(0:geom.out(1) - 1, 0:geom.out(2) - 1, 0:geom.out(3) - 1);
    o = {o1(:), o2(:), o3(:)};
    rest = within;
    for a = 1:3
        position = mod(rest, geom.in(a));
        rest = floor(rest / geom.in(a));
        step = position - (o{a} * geom.s(a) - geom.pb(a));
        foreign = foreign | step < 0 | mod(step, geom.d(a)) ~= 0 | ...
                  step / geom.d(a) >= geom.k(a);
    end
    bad = first_bad(foreign, geom);
    if ~isempty(bad)
        error('pooling:badIndices', ...
              ['%s: ''Indices''(%d) = %s is not in the window of its own output ' ...
               'position: an index must name an element of X that the window covers ' ...
               '((o-1)*stride - pad_before + j*dilation + 1, j = 0 .. k-1, per ' ...
               'dimension).'], fname, bad, pooling.internal.describe_value(idx(bad)));
    end
end

function bad = first_bad(mask, geom)
    % The linear index into IDX of the first true element of MASK (GEOM.out-by-
    % GEOM.planes) in ascending row-major order over (n, c, spatial...).
    order = pooling.internal.row_major_order(geom.out);
    [row, plane] = find(mask(order, :), 1);
    bad = [];
    if ~isempty(row)
        bad = order(row) + (plane - 1) * prod(geom.out);
    end
end
