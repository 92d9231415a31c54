function tf = is_global_window(geom)
    %IS_GLOBAL_WINDOW  Whether GEOM has one window, covering every spatial position once.
    %   TF = pooling.internal.is_global_window(GEOM) is true for the geometry of
    %   global pooling (SPEC.md section 9), and for any window call that comes
    %   to the same: a kernel the size of the input, no dilation, no padding
    %   before, one output. The fast path then pools each plane whole instead
    %   of looping over PROD(GEOM.k) window offsets, one per spatial position.
    %
    %   See also pooling.internal.global_max_fast, pooling.internal.global_avg_fast.

    tf = all(geom.k == geom.in & geom.d == 1 & geom.pb == 0 & geom.out == 1);
end
