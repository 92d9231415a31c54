function [o_idx, x_idx] = offset_slice(in, out, s, pb, d, j)
    %OFFSET_SLICE  Outputs whose window has an input element at offset J, along one dimension.
    %   [O_IDX, X_IDX] = pooling.internal.offset_slice(IN, OUT, S, PB, D, J) lists
    %   the 1-based output positions O_IDX whose window, at 0-based offset J,
    %   reads an input element rather than padding, and the 1-based input
    %   positions X_IDX they read there. Output o (0-based) reads position
    %   o*S - PB + J*D (SPEC.md section 2); that lies in [0, IN-1] for one
    %   contiguous run of o, so both results are ranges and X_IDX steps by S.
    %   Both are empty when every output reads padding at this offset.

    shift = j * d - pb;
    first = max(0, ceil(-shift / s));
    last = min(out - 1, floor((in - 1 - shift) / s));
    o_idx = (first:last) + 1;
    x_idx = (first:last) * s + shift + 1;
end
