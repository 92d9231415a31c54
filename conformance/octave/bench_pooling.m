function bench_pooling(plan_file, out_file)
    %BENCH_POOLING  The Octave side of tox -e bench (conformance/bench).
    %   BENCH_POOLING(PLAN_FILE, OUT_FILE) reads the JSON plan the Python side
    %   wrote, loads each case's arrays (already in [spatial..., C, N] layout)
    %   from the .mat file it names, times the +pooling fast path, its naive
    %   loops and X + 0 (the copy yardstick), and writes the times, in
    %   seconds, to OUT_FILE as JSON. Each case names the operations to time
    %   (its field OPS): max, average and unpooling forward and backward, or
    %   the forward and backward pass of adaptive average or Lp pooling.
    %
    %   The fast path and the copy are timed in interleaved rounds after a
    %   warm-up, so a noisy spell of the machine hits both alike; the time
    %   reported is the minimum CPU time (CPUTIME) over the rounds, with the
    %   wall-time medians beside it. The naive
    %   loops run on the leading planes the plan names, and their time is
    %   scaled by the element count. A call that fails (an operator not
    %   written yet, say) is recorded with its message, and the run goes on.

    plan = jsondecode(fileread(plan_file));
    rounds = plan.rounds;
    result = struct();
    result.octave_version = version();
    result.cases = cell(1, numel(plan.cases));
    for i = 1:numel(plan.cases)
        c = item(plan.cases, i);
        data = load(plan.mat, c.x, c.dy);
        result.cases{i} = bench_case(c, data.(c.x), data.(c.dy), rounds);
        clear data;
    end
    if isfield(plan, 'scaling')
        result.scaling = bench_scaling(plan.mat, plan.scaling, rounds);
    end
    fid = fopen(out_file, 'w');
    fprintf(fid, '%s', jsonencode(result));
    fclose(fid);
end

function c = item(list, i)
    % jsondecode gives a struct array when every element has the same
    % fields, a cell array otherwise.
    if iscell(list)
        c = list{i};
    else
        c = list(i);
    end
end

function rec = bench_case(c, x, dy, rounds)
    colons = repmat({':'}, 1, c.r);
    planes = c.naive_planes;
    xs = x(colons{:}, 1:planes(1), 1:planes(2));
    dys = dy(colons{:}, 1:planes(1), 1:planes(2));
    full = arrays(c, x, dy);
    sub = arrays(c, xs, dys);
    scale = numel(x) / numel(xs);
    copy = @(a) a.x + 0;
    names = cellstr(c.ops);
    ops = struct();
    for j = 1:numel(names)
        fast = op_handle(c, names{j}, 'fast');
        naive = op_handle(c, names{j}, 'naive');
        op = struct('fast', NaN, 'copy', NaN, 'naive', NaN, 'naive_measured', NaN, ...
                    'naive_elements', numel(xs), 'identical', false, 'rounds', 0, ...
                    'samples_copy', [], 'samples_fast', [], 'wall_copy', NaN, ...
                    'wall_fast', NaN, 'error', '');
        try
            if ~isempty(full.error)
                error('bench:setup', '%s', full.error);
            end
            [medians, op.rounds, samples, walls] = interleaved({copy, fast}, full, rounds);
            op.wall_copy = walls(1);
            op.wall_fast = walls(2);
            op.samples_copy = samples(:, 1).';
            op.samples_fast = samples(:, 2).';
            op.copy = medians(1);
            op.fast = medians(2);
            [op.naive_measured, naive_out] = repeated(naive, sub, rounds.naive_rounds);
            op.naive = op.naive_measured * scale;
            op.identical = same_bits(fast(sub), naive_out);
            fprintf('octave: %-11s %-16s fast %8.2f ms\n', c.name, names{j}, op.fast * 1e3);
        catch err
            op.error = error_text(err);
            fprintf('octave: %-11s %-16s n/a: %s\n', c.name, names{j}, op.error);
        end
        ops.(names{j}) = op;
    end
    rec = struct('name', c.name, 'ops', ops);
end

function a = arrays(c, x, dy)
    % The inputs of every operation: X, DY, and the fast path's own Y and
    % IDX for unpooling (IDX indexes Z itself, so it is made from this X).
    a = struct('x', x, 'dy', dy, 'y', [], 'idx', [], 'error', '');
    if ~strcmp(c.operator, 'pool')
        return
    end
    try
        if c.is_global
            [a.y, a.idx] = pooling.global_max_pool(x, 'SpatialDims', c.r);
        else
            opts = window_options(c);
            [a.y, a.idx] = pooling.max_pool(x, c.kernel(:).', opts{:});
        end
    catch err
        a.error = error_text(err);
    end
end

function text = error_text(err)
    % The message alone ('x' undefined near line 40) does not say where.
    text = err.message;
    if ~isempty(err.stack)
        text = sprintf('%s (in %s)', text, err.stack(1).name);
    end
end

function opts = window_options(c)
    opts = {'Stride', c.stride(:).', 'Padding', c.padding(:).', ...
            'Dilation', c.dilation(:).', 'SpatialDims', c.r};
end

function f = op_handle(c, op, method)
    m = {'Method', method};
    r = c.r;
    if ~strcmp(c.operator, 'pool')
        f = operator_handle(c, op, m);
        return
    end
    spatial = c.spatial(:).';
    if strcmp(op, 'unpool_fwd')
        f = @(a) pooling.max_unpool(a.y, a.idx, spatial, m{:});
        return
    end
    if strcmp(op, 'unpool_bwd')
        % DZ has Z's size, which is X's: X serves as DZ.
        f = @(a) pooling.max_unpool_backward(a.x, a.idx, 'SpatialDims', r, m{:});
        return
    end
    if c.is_global
        g = {'SpatialDims', r, m{:}};
        switch op
            case 'max_fwd'
                f = @(a) pooling.global_max_pool(a.x, g{:});
            case 'max_bwd'
                f = @(a) pooling.global_max_pool_backward(a.dy, a.x, g{:});
            case 'avg_fwd'
                f = @(a) pooling.global_avg_pool(a.x, g{:});
            otherwise
                f = @(a) pooling.global_avg_pool_backward(a.dy, a.x, g{:});
        end
        return
    end
    k = c.kernel(:).';
    g = [window_options(c), m];
    switch op
        case 'max_fwd'
            f = @(a) pooling.max_pool(a.x, k, g{:});
        case 'max_bwd'
            f = @(a) pooling.max_pool_backward(a.dy, a.x, k, g{:});
        case 'avg_fwd'
            f = @(a) pooling.avg_pool(a.x, k, g{:});
        otherwise
            f = @(a) pooling.avg_pool_backward(a.dy, a.x, k, g{:});
    end
end

function f = operator_handle(c, op, m)
    % Issue 15's operators: adaptive average and Lp pooling, forward and
    % backward.
    r = c.r;
    out = c.output_size(:).';
    lp = {'Stride', c.stride(:).', 'Padding', c.padding(:).', 'SpatialDims', r, m{:}};
    k = c.kernel(:).';
    switch op
        case 'adaptive_avg_fwd'
            f = @(a) pooling.adaptive_avg_pool(a.x, out, 'SpatialDims', r, m{:});
        case 'adaptive_avg_bwd'
            f = @(a) pooling.adaptive_avg_pool_backward(a.dy, a.x, out, 'SpatialDims', r, m{:});
        case 'lp_fwd'
            f = @(a) pooling.lp_pool(a.x, c.p, k, lp{:});
        case 'lp_bwd'
            f = @(a) pooling.lp_pool_backward(a.dy, a.x, c.p, k, lp{:});
        otherwise
            error('bench:unknownOp', 'no operation %s for operator %s', op, c.operator);
    end
end

function [medians, done, times, wall_medians] = interleaved(calls, a, rounds)
    % One warm-up call each (it also parses the files), then rounds that
    % call each once in turn. The result is cleared outside the timed
    % region, so freeing the previous one is not counted.
    for j = 1:numel(calls)
        out = calls{j}(a); %#ok<NASGU> kept until the next call, as in the timed rounds
    end
    out = []; %#ok<NASGU>
    times = zeros(rounds.max_rounds, numel(calls));
    walls = zeros(rounds.max_rounds, numel(calls));
    done = 0;
    start = tic();
    while done < rounds.min_rounds || ...
            (toc(start) < rounds.min_seconds && done < rounds.max_rounds)
        done = done + 1;
        for j = 1:numel(calls)
            t0 = tic();
            c0 = cputime();
            out = calls{j}(a); %#ok<NASGU>
            times(done, j) = cputime() - c0;
            walls(done, j) = toc(t0);
            out = []; %#ok<NASGU>
        end
    end
    % CPU time of the process (Octave computes on one thread here), the
    % minimum over the rounds: the least disturbed run; wall medians beside.
    times = times(1:done, :);
    medians = min(times, [], 1);
    wall_medians = median(walls(1:done, :), 1);
end

function [seconds, out] = repeated(f, a, n)
    times = zeros(1, n);
    for i = 1:n
        out = [];
        c0 = cputime();
        out = f(a);
        times(i) = cputime() - c0;
    end
    seconds = min(times);
end

function tf = same_bits(a, b)
    tf = isequal(size(a), size(b)) && strcmp(class(a), class(b));
    if ~tf
        return
    end
    if isfloat(a)
        % NaN compared as a class, as the conformance suite does.
        keep = ~(isnan(a(:)) & isnan(b(:)));
        cls = 'uint64';
        if isa(a, 'single')
            cls = 'uint32';
        end
        tf = isequal(typecast(a(keep), cls), typecast(b(keep), cls));
    else
        tf = isequal(a, b);
    end
end

function rec = bench_scaling(mat, s, rounds)
    % Time per element of the k=2 s=2 operators on the first P planes of
    % one 56 x 56 x 4096 array, against X + 0 on the same planes.
    data = load(mat, s.x, s.dy);
    c = struct('r', 2, 'operator', 'pool', 'is_global', false, 'kernel', [2 2], ...
               'stride', [2 2], 'padding', [0 0], 'dilation', [1 1], 'spatial', [56 56]);
    ops = cellstr(s.ops);
    planes = s.planes(:).';
    rec = struct('elements', zeros(1, numel(planes)), 'ops', struct());
    for j = 1:numel(ops)
        rec.ops.(ops{j}) = struct('fast', NaN(1, numel(planes)), ...
                                  'copy', NaN(1, numel(planes)), 'error', '');
    end
    for p = 1:numel(planes)
        x = data.(s.x)(:, :, 1:planes(p));
        a = struct('x', x, 'dy', data.(s.dy)(:, :, 1:planes(p)));
        rec.elements(p) = numel(x);
        for j = 1:numel(ops)
            try
                medians = interleaved({@(b) b.x + 0, op_handle(c, ops{j}, 'fast')}, a, rounds);
                rec.ops.(ops{j}).copy(p) = medians(1);
                rec.ops.(ops{j}).fast(p) = medians(2);
            catch err
                rec.ops.(ops{j}).error = error_text(err);
            end
        end
        fprintf('octave: scaling %9d elements done\n', numel(x));
    end
end
