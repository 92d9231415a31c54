function r = lp_power(a, q)
    %LP_POWER  A.^Q for A >= 0 (or NaN) and a scalar Q >= 0, in the steps the Python side takes.
    %   R = pooling.internal.lp_power(A, Q) computes in class(A) (Q has that
    %   class too), as SPEC.md section 17 pins:
    %     Q an integer   repeated squaring: R = 1, B = A; for each bit of Q
    %                    from the lowest, R = R.*B if it is set, then B = B.*B
    %                    if bits remain (Q = 1 gives A, Q = 2 gives A.*A)
    %     Q = 0.5        sqrt(A)
    %     otherwise      A.^Q, the C library's pow (numpy on a CPU with
    %                    AVX-512 rounds its own pow differently: SPEC.md 17)
    %   Octave's own A.^Q multiplies repeatedly for an integer Q (in another
    %   order than numpy's pow) and calls pow for 0.5 where numpy calls sqrt,
    %   so neither case is left to it.
    %
    %   See also pooling.internal.lp_gradient.

    if q == 0.5
        r = sqrt(a);
    elseif q ~= floor(q)
        r = a.^q;
    else
        n = double(q);
        r = ones(size(a), class(a));
        b = a;
        while n > 0
            if mod(n, 2) == 1
                r = r .* b;
            end
            n = floor(n / 2);
            if n > 0
                b = b .* b;
            end
        end
    end
end
