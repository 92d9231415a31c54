function [j1, j2, j3] = window_offset(t, k)
    %WINDOW_OFFSET  Offsets within a window of the T-th position in row-major order.
    %   [J1, J2, J3] = pooling.internal.window_offset(T, K) turns T (1-based, any
    %   array) into 0-based offsets along the three spatial dimensions of a
    %   K(1)-by-K(2)-by-K(3) window scanned in row-major order, first dimension
    %   outermost (SPEC.md section 5): T = 1 + J3 + K(3)*(J2 + K(2)*J1).

    rest = t - 1;
    j3 = mod(rest, k(3));
    rest = (rest - j3) / k(3);
    j2 = mod(rest, k(2));
    j1 = (rest - j2) / k(2);
end
