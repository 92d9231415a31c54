function [y, sel] = max_pool_fast(x, geom, track, pairs)
    %MAX_POOL_FAST  Max pooling one spatial dimension at a time, whole arrays per window offset.
    %   [Y, SEL] = pooling.internal.max_pool_fast(X, GEOM, TRACK) pools X,
    %   reshaped to GEOM.in-by-GEOM.planes, and returns Y, GEOM.out-by-GEOM.planes,
    %   with the same bits as max_pool_naive. With TRACK true, SEL (sized like
    %   Y) holds the row-major number (1-based) of the window offset each
    %   output selected, in the integer class offset_class gives; otherwise SEL
    %   is []. pooling.internal.offset_to_index turns SEL into linear indices.
    %
    %   The selection rule of SPEC.md section 5 picks the first NaN of the
    %   row-major scan if there is one, else the first element equal to the
    %   maximum. 'First in row-major order' nests: the first maximum of a
    %   window is the first maximum among the first maxima of its rows (the
    %   window with its first spatial dimension held fixed), and so on down.
    %   So the window is reduced along the last spatial dimension first, then
    %   the one before, ..., then the first, each with the rule; the cost grows
    %   with the sum of the kernel sizes, not their product, and no
    %   intermediate array is larger than X.
    %
    %   Along one dimension, the loop runs over the kernel offsets in order,
    %   skipping those where every output reads padding (offset_axis). At
    %   one offset, the outputs whose window reads an input element form one
    %   range and the elements read a strided range, so one whole-array step
    %   applies the rule to all of them. An output meets its first real element
    %   (padding is absent, SPEC.md section 4) at the first offset whose range
    %   holds it; those outputs take the element, the others apply the rule.
    %
    %   The rule step is MAX(BEST, V), which keeps BEST on a tie where
    %   max_keeps_first's probe says so, and a running maximum of offset
    %   numbers for SEL: a later offset has a larger number, and V replaces
    %   BEST exactly where V > BEST. MAX ignores NaN, so when X holds one
    %   (has_nan), a second reduction of ISNAN(X) finds the first NaN of each
    %   window, and those windows take it. Without the probe's guarantee, or
    %   for a single element (Octave's scalar MAX keeps the second argument),
    %   the step assigns by the rule's masks instead. Integers have no NaN,
    %   and equal integers have equal bits.
    %
    %   Without TRACK, 2-by-2 windows (or 3-by-3 with padding 1) with stride 2
    %   over even sizes go to max_pool_pairs_fast, which reads X in
    %   memory-adjacent pairs; PAIRS (default true) false keeps this path.
    %
    %   See also pooling.internal.max_pool_naive, pooling.internal.offset_to_index,
    %   pooling.internal.max_pool_pairs_fast.

    if nargin < 4
        pairs = true;
    end
    if pairs && ~track && isfloat(x) && pairs_apply(geom)
        y = pooling.internal.max_pool_pairs_fast(x, geom);
        sel = [];
        return
    end
    floats = isfloat(x);
    masked = floats && ~pooling.internal.max_keeps_first();
    [y, sel] = reduce(x, geom, track, masked);
    if floats && ~masked && pooling.internal.has_nan(x)
        [hit, first_nan] = reduce(uint8(isnan(x)), geom, true, false);
        hit = hit ~= 0;
        if any(hit(:))
            % The selected NaN itself, so that its payload survives.
            lin = pooling.internal.offset_to_index(first_nan, geom);
            y(hit) = x(lin(hit));
            if track
                sel(hit) = first_nan(hit);
            end
        end
    end
end

function tf = pairs_apply(geom)
    % Stride 2 over the first two dimensions of size 2*OUT, no dilation, the
    % third untouched; 2-by-2 windows without padding or 3-by-3 with 1.
    a = 1:2;
    k2 = all(geom.k(a) == 2 & geom.pb(a) == 0);
    k3 = all(geom.k(a) == 3 & geom.pb(a) == 1);
    plain = all(geom.s(a) == 2 & geom.d(a) == 1 & geom.in(a) == 2 * geom.out(a));
    flat = geom.k(3) == 1 && geom.s(3) == 1 && geom.in(3) == 1 && geom.out(3) == 1;
    tf = (k2 || k3) && plain && flat;
end

function [z, sel] = reduce(z, geom, track, masked)
    % Offsets are numbered from 0 here, so that the first offset of the first
    % dimension reduced needs no addition, and one shared by every element
    % stays a scalar until it is not.
    sel = [];
    if track
        sel = zeros(1, 1, pooling.internal.offset_class(prod(geom.k)));
    end
    inner = 1;
    sz = [geom.in, geom.planes];
    for a = 3:-1:1
        if geom.k(a) == 1 && geom.s(a) == 1
            % One offset and every position: this dimension is kept as it is.
            continue
        end
        [z, sel] = reduce_dim(z, sel, sz, a, geom, inner, masked);
        sz(a) = geom.out(a);
        inner = inner * geom.k(a);
    end
    z = reshape(z, [geom.out, geom.planes]);
    if track
        sel = pooling.internal.expand_offsets(sel, size(z));
        sel = reshape(sel, [geom.out, geom.planes]) + ones(1, class(sel));
    end
end

function [best, best_sel] = reduce_dim(z, sel, sz, a, geom, inner, masked)
    % Offsets along dimension A of Z (of size SZ). Offset J of this dimension
    % adds J * INNER to the number an element carries from the dimensions
    % after A, so a later offset of the row-major scan has a larger number.
    track = ~isempty(sel);
    pre = prod(sz(1:a - 1));
    post = prod(sz(a + 1:end));
    n_out = geom.out(a);
    z = reshape(z, pre, sz(a), post);
    if ~shared(sel)
        sel = reshape(sel, pre, sz(a), post);
    end
    best = [];
    best_sel = [];
    seen = false(1, n_out);
    % Only offsets where some output reads an element: bounded by the sizes.
    for j = pooling.internal.offset_axis(geom.in(a), n_out, geom.k(a), geom.s(a), ...
                                         geom.pb(a), geom.d(a))
        [o, i] = pooling.internal.offset_slice(geom.in(a), n_out, geom.s(a), ...
                                               geom.pb(a), geom.d(a), j);
        if isempty(o)
            continue
        end
        v = middle(z, i, sz(a));
        v_sel = [];
        if track
            v_sel = middle(sel, i, sz(a));
            if j > 0
                v_sel = v_sel + cast(j * inner, class(sel));
            end
        end
        if isempty(best)
            if numel(o) == n_out
                % The common first offset: every output starts here.
                best = v;
                best_sel = v_sel;
                seen(:) = true;
                continue
            end
            best = zeros(pre, n_out, post, class(z));
            if track
                best_sel = zeros(pre, n_out, post, class(sel));
            end
        end
        new = ~seen(o);
        % With padding, part of the range may meet its first element here
        % while the rest continues: each run is a box of its own.
        edges = [1, find(diff(new)) + 1, numel(o) + 1];
        for e = 1:numel(edges) - 1
            r = edges(e):edges(e + 1) - 1;
            [best, best_sel] = run_step(best, best_sel, v, v_sel, o(r), r, new(r(1)), ...
                                        n_out, masked);
        end
        seen(o) = true;
    end
end

function [best, best_sel] = run_step(best, best_sel, v, v_sel, o, r, starts, n_out, masked)
    track = ~isempty(best_sel);
    n = size(v, 2);
    v = middle(v, r, n);
    v_sel = middle(v_sel, r, n);
    if numel(o) == n_out
        if starts
            best = v;
            best_sel = v_sel;
        else
            [best, best_sel] = pooling.internal.max_rule_step(best, best_sel, v, v_sel, track, ...
                                                              masked);
        end
        return
    end
    if track
        best_sel = pooling.internal.expand_offsets(best_sel, size(best));
    end
    if starts
        best(:, o, :) = v;
        if track
            best_sel(:, o, :) = v_sel;
        end
        return
    end
    b_sel = [];
    if track
        b_sel = best_sel(:, o, :);
    end
    [b, b_sel] = pooling.internal.max_rule_step(best(:, o, :), b_sel, v, v_sel, track, masked);
    best(:, o, :) = b;
    if track
        best_sel(:, o, :) = b_sel;
    end
end

function a = middle(a, i, n)
    % A(:, I, :) without the copy when I is every position, or A is shared.
    if numel(i) ~= n && ~shared(a)
        a = a(:, i, :);
    end
end

function tf = shared(a)
    % Whether A stands for every element: a number shared by all (a scalar)
    % or none (no offsets tracked: the 0-by-0 []). An empty batch makes a
    % genuine empty array (0 planes), which must be reshaped and sliced like
    % any other: a test of NUMEL(A) <= 1 would catch it too (issue 14).
    tf = isscalar(a) || isequal(size(a), [0 0]);
end
