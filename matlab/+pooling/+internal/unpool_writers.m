function [targets, sources] = unpool_writers(method, idx, r, z_numel)
    %UNPOOL_WRITERS  The last position of IDX to write each element of Z, by METHOD.
    %   [TARGETS, SOURCES] = pooling.internal.unpool_writers(METHOD, IDX, R, Z_NUMEL)
    %   is unpool_writers_naive(IDX, R, Z_NUMEL) for METHOD 'naive' and
    %   unpool_writers_fast(IDX, R) for 'fast': the same bits either way.
    %   Z(TARGETS) = Y(SOURCES) is max unpooling, DY(SOURCES) = DZ(TARGETS)
    %   its derivative (SPEC.md section 10).
    %
    %   See also pooling.internal.unpool_writers_naive, pooling.internal.unpool_writers_fast.

    if strcmp(method, 'naive')
        [targets, sources] = pooling.internal.unpool_writers_naive(idx, r, z_numel);
    else
        [targets, sources] = pooling.internal.unpool_writers_fast(idx, r);
    end
end
