function f = lp_factor(dy, norm, p)
    %LP_FACTOR  DY / NORM^(P-1) per Lp output: DY itself for P = 1, else one division.
    %   F = pooling.internal.lp_factor(DY, NORM, P), element-wise in class(DY)
    %   (SPEC.md section 17).
    %
    %   See also pooling.internal.lp_gradient.

    if p == 1
        f = dy;
    else
        f = dy ./ pooling.internal.lp_power(norm, p - ones(1, 1, class(dy)));
    end
end
