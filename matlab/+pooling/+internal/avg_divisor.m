function divisor = avg_divisor(geom, opts)
    %AVG_DIVISOR  The divisor of every average-pooling window, from per-axis counts.
    %   DIVISOR = pooling.internal.avg_divisor(GEOM, OPTS) returns a
    %   GEOM.out-sized double array (the same for every plane): OPTS.divisor_override
    %   when given; else, per window, the product over the spatial dimensions
    %   of the number of its positions O*S - PB + J*D (J = 0 .. K-1) that lie
    %     in [-PB, IN + PA), the padded extent,   with OPTS.count_include_pad,
    %     in [0, IN), the input,                  without it.
    %   A window is a box, so its count is such a product (SPEC.md section 8).
    %
    %   See also pooling.internal.avg_pool_fast, pooling.internal.window_elements.

    if ~isempty(opts.divisor_override)
        divisor = opts.divisor_override * ones(geom.out);
        return
    end
    counts = cell(1, 3);
    for i = 1:3
        if opts.count_include_pad
            lo = -geom.pb(i);
            hi = geom.in(i) + geom.pa(i);
        else
            lo = 0;
            hi = geom.in(i);
        end
        positions = (0:geom.out(i) - 1).' * geom.s(i) - geom.pb(i) + ...
                    (0:geom.k(i) - 1) * geom.d(i);
        % A count of logicals: exact whatever the order, unlike a sum of data.
        counts{i} = sum(positions >= lo & positions < hi, 2);
    end
    divisor = counts{1} .* reshape(counts{2}, 1, []) .* reshape(counts{3}, 1, 1, []);
end
