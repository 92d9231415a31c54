function j = offset_axis(in, out, k, s, pb, d)
    %OFFSET_AXIS  The window offsets, along one dimension, at which some output reads an element.
    %   J = pooling.internal.offset_axis(IN, OUT, K, S, PB, D) lists, as a row
    %   in ascending order, the 0-based offsets J (0 to K-1) for which at least
    %   one output position reads an input element rather than padding or the
    %   ceil-mode overhang. Output o (0-based) reads position o*S - PB + J*D
    %   (SPEC.md section 2), inside [0, IN-1] for one interval of J per output;
    %   the intervals move down as o grows, and J is their union.
    %
    %   The fast kernels loop over J instead of 0:K-1: a huge kernel (legal up
    %   to 2^31-1) then costs at most OUT*CEIL(IN/D) offsets, bounded by the
    %   sizes, not by K. The offsets left out touch no input element, so
    %   skipping them changes no result.
    %
    %   See also pooling.internal.offset_slice, pooling.internal.offset_list.

    shift = pb - (out - 1:-1:0) * s;
    lo = max(0, ceil(shift / d));
    hi = min(k - 1, floor((in - 1 + shift) / d));
    keep = lo <= hi;
    lo = lo(keep);
    hi = hi(keep);
    j = zeros(1, 0);
    if isempty(lo)
        return
    end
    % Both ends ascend: merge the intervals that overlap or touch.
    reach = cummax(hi);
    starts = [true, lo(2:end) > reach(1:end - 1) + 1];
    ends = [starts(2:end), true];
    firsts = lo(starts);
    lasts = reach(ends);
    j = zeros(1, sum(lasts - firsts + 1));
    at = 0;
    for r = 1:numel(firsts)
        run = firsts(r):lasts(r);
        j(at + (1:numel(run))) = run;
        at = at + numel(run);
    end
end
