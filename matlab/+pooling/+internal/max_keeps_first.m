function ok = max_keeps_first()
    %MAX_KEEPS_FIRST  Whether MAX(A, B) keeps A on a -0/+0 tie here, probed once.
    %   OK = pooling.internal.max_keeps_first() is true when the element-wise
    %   MAX(A, B) of two single or double arrays of the same size (two or more
    %   elements) returns A's zero wherever A and B are zeros of opposite sign.
    %   With that, MAX(BEST, V) is the selection rule of SPEC.md section 5 for
    %   a window without NaN: a later V replaces BEST only if V > BEST, and an
    %   equal V (only -0 against +0 has other bits) leaves BEST as it was.
    %
    %   Neither MATLAB nor Octave documents which argument a tie returns, and
    %   Octave 7 answers differently for scalars (the second) than for arrays
    %   (the first), so the fast path never relies on it for one element, and
    %   this probe checks arrays of sizes that reach vectorised and
    %   multithreaded loops. When it fails, the fast path applies the rule
    %   with masks instead: slower, with the same bits.
    %
    %   See also pooling.internal.max_pool_fast.

    persistent cached
    if isempty(cached)
        cached = probe();
    end
    ok = cached;
end

function ok = probe()
    ok = true;
    % Zeros of both signs in both orders, and a larger value now and then so
    % that a MAX that always returned one argument could not pass.
    first = [0, -0, 1, -0, 0, -2, -0];
    later = [-0, 0, 1, 0, -0, 3, -0];
    for n = [2 3 7 8 9 16 17 31 32 33 64 127 128 1031 65537 262147]
        reps = ceil(n / numel(first));
        a = repmat(first, 1, reps);
        b = repmat(later, 1, reps);
        a = a(1:n);
        b = b(1:n);
        for cls = {'single', 'double'}
            got = max(cast(a, cls{1}), cast(b, cls{1}));
            want = cast(a, cls{1});
            want(b > a) = b(b > a);
            % 1 ./ v tells -0 (-Inf) from +0 (+Inf); MATLAB has no signbit.
            if ~isequal(got, want) || ~isequal(1 ./ got < 0, 1 ./ want < 0)
                ok = false;
                return
            end
        end
    end
end
