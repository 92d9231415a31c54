function rounds = offset_rounds(geom, offsets)
    %OFFSET_ROUNDS  Rounds of window offsets whose input elements never coincide.
    %   ROUNDS = pooling.internal.offset_rounds(GEOM, OFFSETS) gives, for each
    %   row [J1, J2, J3] of OFFSETS (0-based window offsets in row-major
    %   order, from offset_list), the round in which the backward passes add
    %   its gradients. Two offsets can read the same input element only if
    %   their positions J*D agree modulo the stride S along every dimension
    %   (output o reads o*S - PB + J*D). The offsets are grouped by those
    %   residues, and within a group numbered from the last in row-major
    %   order: round 1 holds the last offset of every group, round 2 the one
    %   before, and so on. So the offsets of one round touch disjoint sets of
    %   elements, an element meets its offsets in reverse row-major order
    %   (which is ascending output order, SPEC.md sections 7 and 8), and round
    %   1 is the first gradient of every element it touches (an offset left
    %   out of OFFSETS touches no element). Windows that never overlap give
    %   every offset round 1.
    %
    %   See also pooling.internal.max_pool_backward_fast,
    %   pooling.internal.avg_pool_backward_fast.

    count = size(offsets, 1);
    residues = [mod(offsets(:, 1) * geom.d(1), geom.s(1)), ...
                mod(offsets(:, 2) * geom.d(2), geom.s(2)), ...
                mod(offsets(:, 3) * geom.d(3), geom.s(3))];
    [~, ~, group] = unique(residues, 'rows');
    taken = zeros(max([group; 0]), 1);
    rounds = zeros(count, 1);
    for t = count:-1:1
        taken(group(t)) = taken(group(t)) + 1;
        rounds(t) = taken(group(t));
    end
end
