function check_count(fname, sz, label, taken)
    %CHECK_COUNT  Refuse an array of more than 2^31-1 elements (SPEC.md section 12).
    %   pooling.internal.check_count(FNAME, SZ, LABEL, TAKEN) raises
    %   pooling:tooLarge when an array of size SZ ([spatial..., C, N]; the last
    %   element is N) has more than 2^31-1 elements, an empty batch counted as
    %   N = 1: its work per (c, n) plane does not shrink with the batch. LABEL
    %   names the array; TAKEN says whether it is an argument (true) or an
    %   array the call would allocate (false), which is checked before
    %   anything is allocated. Python computes the same count (arrays.py).

    limit = 2^31 - 1;
    sz = double(sz);
    count = prod(sz(1:end - 1)) * max(sz(end), 1);
    if count > limit
        what = 'would have';
        if taken
            what = 'has';
        end
        error('pooling:tooLarge', ...
              ['%s: %s %s size %s, %.0f elements (an empty batch counted as N = 1), more ' ...
               'than 2^31-1 = %d, the most any array a call takes or returns may have: ' ...
               'split the batch or the input.'], ...
              fname, label, what, pooling.internal.size_text(sz), count, limit);
    end
end
