function dx = max_pool_backward_fast(dy, x, geom)
    %MAX_POOL_BACKWARD_FAST  Max pooling backward, scattered in rounds of distinct targets.
    %   DX = pooling.internal.max_pool_backward_fast(DY, X, GEOM) gives the same
    %   bits as max_pool_backward_naive. X is GEOM.in-by-GEOM.planes and DY
    %   GEOM.out-by-GEOM.planes, of one class.
    %
    %   SPEC.md section 7 adds, for each element of X, the gradients of the
    %   outputs that selected it, in ascending row-major output order, to +0.
    %   One element is read by several outputs only at different window
    %   offsets, and along every dimension a larger offset belongs to an
    %   earlier output; so for one element, reverse row-major offset order is
    %   ascending output order. offset_rounds splits the offsets into rounds
    %   that never share an element, in that order: the outputs that selected
    %   an offset of round R have distinct targets, so one indexed addition
    %   does the whole round. Windows that never overlap make one round:
    %   DX(IDX) = +0 + DY (the addition turns a -0 into +0, as the naive sum
    %   from +0 does).
    %
    %   See also pooling.internal.max_pool_backward_naive, pooling.internal.max_pool_fast.

    [~, sel] = pooling.internal.max_pool_fast(x, geom, true);
    idx = pooling.internal.offset_to_index(sel, geom);
    dx = zeros(size(x), class(x));
    [offsets, numbers] = pooling.internal.offset_list(geom);
    rounds = pooling.internal.offset_rounds(geom, offsets);
    if all(rounds == 1)
        dx(idx) = dy + 0;
        return
    end
    % The rounds in SEL's small class keep the lookup and the comparisons
    % cheap. Columns throughout: indexing a vector keeps its orientation.
    if prod(geom.k) <= max(numel(sel), 256)
        round_table = zeros(prod(geom.k), 1, class(sel));
        round_table(numbers) = rounds;
        round_of = reshape(round_table(sel), [], 1);
    else
        % A huge kernel: no table with one entry per offset.
        [~, at] = ismember(double(sel(:)), numbers);
        round_of = cast(rounds(at), class(sel));
    end
    idx = idx(:);
    dy = dy(:);
    for r = 1:max(rounds)
        outputs = find(round_of == cast(r, class(round_of)));
        targets = idx(outputs);
        if r == 1
            % The first gradient of each target: +0 + DY, without reading DX.
            dx(targets) = dy(outputs) + 0;
        else
            dx(targets) = reshape(dx(targets), [], 1) + dy(outputs);
        end
    end
end
