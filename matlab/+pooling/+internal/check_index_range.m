function check_index_range(fname, idx, r, z_size, z_name)
    %CHECK_INDEX_RANGE  Every unpooling index must lie in its own (c, n) plane (SPEC.md section 10).
    %   pooling.internal.check_index_range(FNAME, IDX, R, Z_SIZE, Z_NAME) raises
    %   pooling:badIndices unless each IDX(p) is a 1-based linear index into an
    %   array of size Z_SIZE ([spatial..., C, N], R spatial dimensions; Z_NAME
    %   names it in the message) that falls in the plane of position p: the
    %   (c, n) of p in IDX ([spatial..., C, N], its C and N those of Z_SIZE).
    %   IDX has passed check_indices.
    %
    %   See also pooling.internal.check_indices.

    isz = [size(idx), ones(1, r + 2 - ndims(idx))];
    plane_in = prod(isz(1:r));
    plane_out = prod(z_size(1:r));
    if isempty(idx)
        return
    end
    % Doubles hold every index of an array that fits in memory exactly; a
    % larger int64 or uint64 value rounds, but stays out of range.
    value = double(idx(:));
    plane = floor((0:numel(idx) - 1).' / plane_in);
    first = plane * plane_out + 1;
    bad = find(value < first | value > first + plane_out - 1, 1);
    if ~isempty(bad)
        c = mod(plane(bad), z_size(r + 1)) + 1;
        n = floor(plane(bad) / z_size(r + 1)) + 1;
        error('pooling:badIndices', ...
              ['%s: IDX(%d) = %s is outside its own (c, n) plane of %s: IDX(%d) is in ' ...
               'plane (c = %d, n = %d), whose linear indices into %s (size %s) run from ' ...
               '%d to %d.'], ...
              fname, bad, pooling.internal.describe_value(idx(bad)), z_name, bad, c, n, ...
              z_name, pooling.internal.size_text(z_size), first(bad), first(bad) + plane_out - 1);
    end
end
