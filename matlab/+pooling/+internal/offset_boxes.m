function [o1, i1, o2, i2, o3, i3] = offset_boxes(geom, j)
    %OFFSET_BOXES  Outputs and input elements that meet at window offset J.
    %   [O1, I1, O2, I2, O3, I3] = pooling.internal.offset_boxes(GEOM, J) gives,
    %   per spatial dimension, the 1-based output positions whose window reads
    %   an input element at the 0-based window offset J = [J1, J2, J3] and the
    %   input positions read there: Y(O1, O2, O3, :) meets X(I1, I2, I3, :).
    %   Any of them is empty when those outputs all read padding at this
    %   offset (offset_list leaves such offsets out).
    %
    %   See also pooling.internal.offset_list, pooling.internal.offset_slice.

    [o1, i1] = slice(geom, 1, j(1));
    [o2, i2] = slice(geom, 2, j(2));
    [o3, i3] = slice(geom, 3, j(3));
end

function [o_idx, x_idx] = slice(geom, i, j)
    [o_idx, x_idx] = pooling.internal.offset_slice(geom.in(i), geom.out(i), geom.s(i), ...
                                                   geom.pb(i), geom.d(i), j);
end
