function [targets, sources] = unpool_writers_naive(idx, r, z_numel)
    %UNPOOL_WRITERS_NAIVE  The last position of IDX to write each element of Z, one at a time.
    %   [TARGETS, SOURCES] = pooling.internal.unpool_writers_naive(IDX, R, Z_NUMEL)
    %   visits the positions p of IDX ([spatial..., C, N], R spatial dimensions)
    %   plane by plane and, within a plane, in ascending row-major order (first
    %   spatial dimension outermost), and lets each write its number p to
    %   element IDX(p) of a Z_NUMEL-element array, the later overwriting the
    %   earlier (SPEC.md section 10). TARGETS lists the elements written, in
    %   ascending order, and SOURCES the position that wrote each last, both
    %   column vectors of doubles: Z(TARGETS) = Y(SOURCES) is max unpooling,
    %   DY(SOURCES) = DZ(TARGETS) its derivative.
    %
    %   See also pooling.internal.unpool_writers_fast.

    sz = [size(idx), ones(1, r + 2 - ndims(idx))];
    a = [sz(1:r), ones(1, 3 - r)];
    planes = sz(r + 1) * sz(r + 2);
    writer = zeros(z_numel, 1);
    for p = 1:planes
        for o1 = 1:a(1)
            for o2 = 1:a(2)
                for o3 = 1:a(3)
                    q = o1 + a(1) * ((o2 - 1) + a(2) * ((o3 - 1) + a(3) * (p - 1)));
                    writer(double(idx(q))) = q;
                end
            end
        end
    end
    targets = find(writer);
    sources = writer(targets);
end
