function ok = run_conformance(mat_file, groups)
    %RUN_CONFORMANCE  Run every golden fixture through pooling.* in MATLAB or Octave alone.
    %   OK = run_conformance() loads the golden fixtures from the MAT file
    %   fixtures/fixtures.mat (beside this folder: ../fixtures), runs every
    %   case with 'Method','fast' and with 'Method','naive', prints one row per
    %   fixture group (cases passed, cases failed) and then the first
    %   failures, and returns true when every case passed. No Python is
    %   involved: the MAT file holds each case as the calls to make, already
    %   in MATLAB's layout ([spatial..., C, N]) and index convention, and the
    %   outputs they must return (fixtures/README.md, "The MAT file"). The
    %   Python harness sends Octave the same calls.
    %
    %   OK = run_conformance(MAT_FILE) reads MAT_FILE instead ([] or '' for
    %   the default). OK = run_conformance(MAT_FILE, GROUPS) runs only the
    %   groups GROUPS names (a char vector or a cell array of them): an
    %   operator ('max_pool') or one group ('max_pool/ties').
    %
    %   A case passes when, for both methods, each of its calls returns each
    %   expected output with the same class, the same size (trailing
    %   singleton dimensions aside: MATLAB drops them), NaN in the same
    %   places and the same bits everywhere
    %   else (so -0 differs from +0), and no call issues a warning; an error
    %   case passes when its call raises the expected identifier. A missing or
    %   broken function is a failed case, never a crash of the runner.
    %
    %   From a shell, with exit status 1 on any failure:
    %     octave-cli --no-gui --eval "cd matlab; exit(~run_conformance())"
    %     matlab -batch "cd matlab; assert(run_conformance())"
    %
    %   See also pooling.max_pool, pooling.avg_pool, pooling.max_unpool.

    here = fileparts(mfilename('fullpath'));
    if nargin < 1 || isempty(mat_file)
        mat_file = fullfile(fileparts(here), 'fixtures', 'fixtures.mat');
    end
    if nargin < 2
        groups = {};
    elseif ischar(groups)
        groups = {groups};
    end
    max_shown = 20;
    method_names = {'fast', 'naive'};

    started = tic();
    data = load(mat_file);
    cases = data.cases;
    keep = true(1, numel(cases));
    for i = 1:numel(cases)
        keep(i) = wanted(cases{i}, groups);
    end
    cases = cases(keep);
    if isempty(cases)
        error('run_conformance:noCases', 'No fixture case selected from %s.', mat_file);
    end

    names = cell(1, numel(cases));
    for i = 1:numel(cases)
        names{i} = cases{i}.group;
    end
    [group_names, ~, group_of] = unique(names);
    passed = zeros(1, numel(group_names));
    failed = zeros(1, numel(group_names));
    failures = {};
    for i = 1:numel(cases)
        problems = {};
        for m = 1:numel(method_names)
            problems = [problems, run_case(cases{i}, method_names{m})]; %#ok<AGROW>
        end
        if isempty(problems)
            passed(group_of(i)) = passed(group_of(i)) + 1;
        else
            failed(group_of(i)) = failed(group_of(i)) + 1;
            failures = [failures, problems]; %#ok<AGROW>
        end
    end

    print_table(group_names, passed, failed, mat_file, toc(started));
    if ~isempty(failures)
        shown = min(numel(failures), max_shown);
        fprintf('\nfirst %d of %d failures:\n', shown, numel(failures));
        for k = 1:shown
            fprintf('  %s\n', failures{k});
        end
    end
    ok = sum(failed) == 0;
end

function yes = wanted(c, groups)
    % True when case C belongs to one of GROUPS (an op or op/group); all when empty.
    yes = isempty(groups);
    for g = 1:numel(groups)
        yes = yes || strcmp(c.group, groups{g}) || strcmp(c.op, groups{g});
    end
end

function print_table(group_names, passed, failed, mat_file, seconds)
    % The group table, as the Python harness prints it, and a total.
    if exist('OCTAVE_VERSION', 'builtin')
        system_name = ['GNU Octave ', OCTAVE_VERSION()];
    else
        system_name = ['MATLAB ', version()];
    end
    width = max(cellfun(@numel, group_names)) + 2;
    fprintf('\nconformance: fixture group x %s (%s, %.1f s)\n', system_name, mat_file, seconds);
    fprintf('%-*s%8s%8s\n', width, 'group', 'passed', 'failed');
    for g = 1:numel(group_names)
        fprintf('%-*s%8d%8d\n', width, group_names{g}, passed(g), failed(g));
    end
    fprintf('%-*s%8d%8d\n', width, 'total', sum(passed), sum(failed));
end

function problems = run_case(c, method)
    % The failures of case C with METHOD, each one line; {} when it passes.
    % C.calls holds the prepared calls (fixtures/README.md, "The MAT file"):
    % each is made as it is, with 'Method', METHOD appended.
    where = sprintf('%s [method=%s] (%s)', c.id, method, c.group);
    problems = {};
    try
        for k = 1:numel(c.calls)
            call = c.calls{k};
            [got, err, warned] = make_call(call, method);
            if isfield(c, 'error')
                % A warning before the expected error does not count (as in the harness).
                if isempty(err)
                    problems{end + 1} = sprintf('%s %s: expected %s, but the call returned', ...
                                                where, call.function, c.error); %#ok<AGROW>
                elseif ~strcmp(err.identifier, c.error)
                    problems{end + 1} = sprintf('%s %s: expected %s, got %s: %s', where, ...
                                                call.function, c.error, ...
                                                identifier_text(err), err.message); %#ok<AGROW>
                end
                continue
            end
            if ~isempty(err)
                problems{end + 1} = sprintf('%s %s: raised %s: %s', where, call.function, ...
                                            identifier_text(err), err.message); %#ok<AGROW>
                continue
            end
            if ~isempty(warned)
                problems{end + 1} = sprintf('%s %s: warned %s', where, call.function, ...
                                            warned); %#ok<AGROW>
            end
            for o = 1:numel(call.outputs)
                name = call.outputs{o};
                difference = first_difference(c.expected.(name), got{o}, c.shapes.(name));
                if ~isempty(difference)
                    problems{end + 1} = sprintf('%s %s: %s', where, name, ...
                                                difference); %#ok<AGROW>
                end
            end
        end
    catch err
        problems{end + 1} = sprintf('%s: the runner failed: %s: %s', where, ...
                                    identifier_text(err), err.message);
    end
end

function text = identifier_text(err)
    text = err.identifier;
    if isempty(text)
        text = 'no identifier';
    end
end

function [outputs, err, warned] = make_call(call, method)
    % Make one prepared CALL with 'Method', METHOD appended. OUTPUTS holds
    % its numel(call.outputs) outputs, ERR the error raised ([] if none),
    % WARNED the identifier and text of the last warning issued ('' if none).
    outputs = cell(1, numel(call.outputs));
    err = [];
    lastwarn('', '');
    try
        [outputs{:}] = feval(call.function, call.args{:}, 'Method', method);
    catch caught
        err = caught;
        outputs = {};
    end
    [message, identifier] = lastwarn();
    warned = '';
    if ~isempty(message)
        warned = sprintf('%s: %s', identifier, message);
    end
end

function text = first_difference(expected, actual, fixture_shape)
    % '' when ACTUAL is EXPECTED bit for bit, else where and how it differs.
    % FIXTURE_SHAPE is the fixture's (N, C, spatial...) shape, which gives
    % the full MATLAB size [spatial..., C, N] with its trailing singletons.
    want = [fixture_shape(3:end), fixture_shape(2), fixture_shape(1)];
    text = '';
    if ~strcmp(class(actual), class(expected))
        text = sprintf('class differs: expected %s, got %s', class(expected), class(actual));
        return
    end
    if issparse(actual) || ~isreal(actual)
        text = 'expected a real, full array';
        return
    end
    got = size(actual);
    n = max(numel(want), numel(got));
    if ~isequal([want, ones(1, n - numel(want))], [got, ones(1, n - numel(got))])
        text = sprintf('size differs: expected %s, got %s', mat2str(want), mat2str(got));
        return
    end
    e = expected(:);
    a = actual(:);
    if isfloat(e)
        e_nan = isnan(e);
        a_nan = isnan(a);
        if isa(e, 'single')
            bits = 'uint32';
        else
            bits = 'uint64';
        end
        differ = (e_nan ~= a_nan) | (~e_nan & ~a_nan & (typecast(e, bits) ~= typecast(a, bits)));
    else
        differ = e ~= a;
    end
    k = find(differ, 1);
    if isempty(k)
        return
    end
    subs = cell(1, numel(want));
    [subs{:}] = ind2sub(want, k);
    where = sprintf('%d,', subs{:});
    text = sprintf(['first difference at (%s) [spatial..., C, N]: expected %s, got %s; ', ...
                    '%d of %d elements differ'], where(1:end - 1), value_text(e(k)), ...
                   value_text(a(k)), sum(differ), numel(e));
end

function text = value_text(v)
    % V in full precision: 9 (single) or 17 (double) significant digits and
    % the hex bits (num2hex) for floats, exact decimal digits for integers.
    if isa(v, 'single')
        text = sprintf('%.9g (%s)', double(v), num2hex(v));
    elseif isfloat(v)
        text = sprintf('%.17g (%s)', v, num2hex(v));
    else
        text = integer_text(v);
    end
end

function text = integer_text(v)
    % An integer of any class in decimal, exact beyond 2^53 (int64, uint64).
    if abs(double(v)) < 2^53
        text = sprintf('%d', double(v));
        return
    end
    ten = cast(10, class(v));
    text = '';
    rest = v;
    while rest ~= 0
        quotient = idivide(rest, ten, 'fix');
        text = [char('0' + abs(double(rest - quotient * ten))), text]; %#ok<AGROW>
        rest = quotient;
    end
    if v < 0
        text = ['-', text];
    end
end
