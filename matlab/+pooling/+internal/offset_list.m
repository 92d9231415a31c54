function [offsets, numbers] = offset_list(geom)
    %OFFSET_LIST  The window offsets at which some output reads an input element, row-major.
    %   [OFFSETS, NUMBERS] = pooling.internal.offset_list(GEOM) gives the
    %   0-based window offsets [J1, J2, J3], one per row of OFFSETS, in
    %   row-major order (J3 fastest), that offset_axis keeps along every
    %   dimension, and NUMBERS, a column of their row-major numbers (1-based)
    %   among all PROD(GEOM.k) offsets. Every other offset reads only padding
    %   for every output, so the fast kernels skip it; the list is bounded by
    %   the input and output sizes, whatever the kernel.
    %
    %   See also pooling.internal.offset_axis, pooling.internal.offset_rounds.

    j1 = axis(geom, 1);
    j2 = axis(geom, 2);
    j3 = axis(geom, 3);
    [g3, g2, g1] = ndgrid(j3, j2, j1);
    offsets = [g1(:), g2(:), g3(:)];
    numbers = (offsets(:, 1) * geom.k(2) + offsets(:, 2)) * geom.k(3) + offsets(:, 3) + 1;
end

function j = axis(geom, a)
    j = pooling.internal.offset_axis(geom.in(a), geom.out(a), geom.k(a), geom.s(a), ...
                                     geom.pb(a), geom.d(a));
end
