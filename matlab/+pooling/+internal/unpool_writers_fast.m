function [targets, sources] = unpool_writers_fast(idx, r)
    %UNPOOL_WRITERS_FAST  The last position of IDX to write each element of Z, vectorised.
    %   [TARGETS, SOURCES] = pooling.internal.unpool_writers_fast(IDX, R) gives
    %   the same result as pooling.internal.unpool_writers_naive(IDX, R, Z_NUMEL).
    %
    %   Permuting the spatial dimensions of IDX's position numbers into reverse
    %   order makes their memory order row-major within each plane (first
    %   spatial dimension outermost), the order of SPEC.md section 10; UNIQUE
    %   with 'last' then picks, for each element written, the last position in
    %   that order. The planes are disjoint, so their order does not matter.
    %   Assigning Z(IDX) = Y directly would leave the winner of a duplicate to
    %   the language.
    %
    %   See also pooling.internal.unpool_writers_naive.

    sz = [size(idx), ones(1, r + 2 - ndims(idx))];
    order = permute(reshape(1:numel(idx), sz), [r:-1:1, r + 1, r + 2]);
    order = order(:);
    [targets, last] = unique(double(idx(order)), 'last');
    targets = targets(:);
    sources = order(last(:));
end
