function [o1, i1, o2, i2, o3, i3] = offset_boxes(geom, t)
    %OFFSET_BOXES  Outputs and input elements that meet at the T-th window offset.
    %   [O1, I1, O2, I2, O3, I3] = pooling.internal.offset_boxes(GEOM, T) gives,
    %   per spatial dimension, the 1-based output positions whose window reads
    %   an input element at the T-th offset (row-major, 1-based) and the input
    %   positions read there: Y(O1, O2, O3, :) meets X(I1, I2, I3, :). Any of
    %   them is empty when those outputs all read padding at this offset.
    %
    %   See also pooling.internal.window_offset, pooling.internal.offset_slice.

    j = zeros(1, 3);
    [j(1), j(2), j(3)] = pooling.internal.window_offset(t, geom.k);
    [o1, i1] = slice(geom, 1, j(1));
    [o2, i2] = slice(geom, 2, j(2));
    [o3, i3] = slice(geom, 3, j(3));
end

function [o_idx, x_idx] = slice(geom, i, j)
    [o_idx, x_idx] = pooling.internal.offset_slice(geom.in(i), geom.out(i), geom.s(i), ...
                                                   geom.pb(i), geom.d(i), j);
end
