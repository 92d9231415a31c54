function [ok, results] = run_conformance(varargin)
    %RUN_CONFORMANCE  Run the golden fixtures through pooling.* (or another implementation).
    %   OK = run_conformance() loads the golden fixtures from the MAT file
    %   fixtures/fixtures.mat (beside this folder: ../fixtures), runs every
    %   case with 'Method','fast' and with 'Method','naive', prints one row per
    %   fixture group (cases passed, cases failed; failing rows end in FAILED),
    %   then the first failures, and ends with a verdict line ('322 passed' or
    %   'FAILED: 34 cases in 12 groups'); OK is true when no case failed. No
    %   Python is involved: the MAT file holds each case as the calls to make,
    %   already in MATLAB's layout ([spatial..., C, N]) and index convention,
    %   and the outputs they must return (fixtures/README.md, "The MAT file").
    %   The Python harness sends Octave the same calls.
    %
    %   OK = run_conformance(GROUPS) runs only the groups GROUPS names (a char
    %   vector or a cell array of them): an operator ('max_pool') or one group
    %   ('max_pool/ties'). OK = run_conformance(MAT_FILE) reads MAT_FILE
    %   instead ([] or '' for the default); a first argument that is no
    %   existing file and reads like a group name is taken as GROUPS.
    %   OK = run_conformance(MAT_FILE, GROUPS) does both.
    %
    %   [OK, RESULTS] = run_conformance(...) also returns one struct per case
    %   run, with fields id, group, op, verdict ('passed', 'failed' or
    %   'unsupported') and problems (a cell array of lines: what failed, or why
    %   the case is unsupported).
    %
    %   Options (name-value pairs, after the arguments above):
    %     'Implementation'  the implementation to check, default 'pooling':
    %                       the name of a package with the functions of
    %                       +pooling ('mypkg' calls mypkg.max_pool, ...), or
    %                       a struct whose fields max_pool, max_pool_backward,
    %                       avg_pool, ... are function handles taking and
    %                       returning what pooling.max_pool, ... take and
    %                       return.
    %     'Methods'         the 'Method' values to run every case with, a cell
    %                       array of char; default {'fast', 'naive'} for
    %                       'pooling', {} (no 'Method' argument, one run) for
    %                       any other implementation.
    %     'MaxShown'        how many failures to print, default 20.
    %
    %   A case passes when, for every method, each of its calls returns each
    %   expected output with the same class, the same size (trailing
    %   singleton dimensions aside: MATLAB drops them), NaN in the same
    %   places and the same bits everywhere else (so -0 differs from +0), and
    %   no call issues a warning; an error case passes when its call raises
    %   the expected identifier. A case is unsupported, neither passed nor
    %   failed, when the implementation lacks a function it calls (no such
    %   package function or struct field), or a call raises 'pooling:notSupported'
    %   or an undefined-function error (MATLAB:UndefinedFunction); the reasons
    %   are listed with their counts. For the package pooling itself such a
    %   case fails. The failures are listed one per failing group first, then
    %   the second of each, and so on. A broken function is a failed case,
    %   never a crash of the runner. Every line printed is under 120
    %   characters.
    %
    %   From a shell, with exit status 1 on any failure:
    %     octave-cli --no-gui --eval "cd matlab; exit(~run_conformance())"
    %     matlab -batch "cd matlab; assert(run_conformance('max_pool/ties'))"
    %
    %   See also pooling.max_pool, pooling.avg_pool, pooling.max_unpool.

    here = fileparts(mfilename('fullpath'));
    [mat_file, mat_label, groups, options] = parse_arguments(varargin, here);

    started = tic();
    data = load(mat_file);
    cases = select(data.cases, groups, mat_file);
    impl = implementation(options.implementation, cases);
    methods = options.methods;
    if isempty(methods)
        if strcmp(impl.name, 'pooling')
            methods = {'fast', 'naive'};
        else
            methods = {''};
        end
    end

    names = cell(1, numel(cases));
    for i = 1:numel(cases)
        names{i} = cases{i}.group;
    end
    [group_names, ~, group_of] = unique(names);
    counts = zeros(3, numel(group_names));  % passed; failed; unsupported
    failures = cell(1, numel(group_names));
    reasons = {};
    results = struct('id', {}, 'group', {}, 'op', {}, 'verdict', {}, 'problems', {});
    for i = 1:numel(cases)
        g = group_of(i);
        [verdict, problems] = run_case(cases{i}, impl, methods);
        counts(verdict, g) = counts(verdict, g) + 1;
        if verdict == 2
            failures{g} = [failures{g}, problems];
        elseif verdict == 3
            reasons = [reasons, problems]; %#ok<AGROW>
        end
        verdicts = {'passed', 'failed', 'unsupported'};
        results(end + 1) = struct('id', cases{i}.id, 'group', cases{i}.group, ...
                                  'op', cases{i}.op, 'verdict', verdicts{verdict}, ...
                                  'problems', {problems}); %#ok<AGROW>
    end

    method_text = 'no ''Method'' argument';
    if ~isempty(methods{1})
        method_text = ['''Method'' ', strjoin(methods, ' and ')];
    end
    print_line(sprintf('run_conformance: %s, %d cases', mat_label, numel(cases)), '    ');
    print_line(sprintf('implementation: %s, %s', impl.label, method_text), '    ');
    print_line(sprintf('%s, %.1f s', system_name(), toc(started)), '    ');
    print_table(group_names, counts);
    print_failures(group_names, failures, options.max_shown);
    print_unsupported(reasons);

    failed_groups = sum(counts(2, :) > 0);
    if failed_groups == 0
        verdict = sprintf('%d passed', sum(counts(1, :)));
    else
        verdict = sprintf('FAILED: %s in %s', plural(sum(counts(2, :)), 'case'), ...
                          plural(failed_groups, 'group'));
    end
    if any(counts(3, :)) && failed_groups == 0
        verdict = sprintf('%s, %d unsupported', verdict, sum(counts(3, :)));
    elseif any(counts(3, :))
        verdict = sprintf('%s (%d passed, %d unsupported)', verdict, sum(counts(1, :)), ...
                          sum(counts(3, :)));
    end
    fprintf('\n%s\n', verdict);
    ok = failed_groups == 0;
end

function text = plural(n, noun)
    % '1 case', '2 cases'.
    text = sprintf('%d %s', n, noun);
    if n ~= 1
        text = [text, 's'];
    end
end

function [mat_file, mat_label, groups, options] = parse_arguments(args, here)
    % MAT_FILE (and how to print it) and GROUPS from the leading arguments, then the options.
    option_names = {'Implementation', 'Methods', 'MaxShown'};
    positional = numel(args);
    for k = 1:numel(args)
        if ischar(args{k}) && any(strcmpi(args{k}, option_names))
            positional = k - 1;
            break
        end
    end
    if positional > 2
        error('run_conformance:badArgument', ...
              'Expected at most MAT_FILE and GROUPS before the options; got %d arguments.', ...
              positional);
    end
    mat_file = [];
    groups = {};
    if positional == 1 && looks_like_groups(args{1})
        groups = args{1};
    elseif positional >= 1
        mat_file = args{1};
        if positional == 2
            groups = args{2};
        end
    end
    mat_label = mat_file;
    if isempty(mat_file)
        mat_file = fullfile(fileparts(here), 'fixtures', 'fixtures.mat');
        mat_label = 'fixtures/fixtures.mat';
    end
    if ischar(groups)
        groups = {groups};
    end
    if ~iscellstr(groups)
        error('run_conformance:badArgument', ...
              'GROUPS must be a char vector or a cell array of them.');
    end
    groups = reshape(groups, 1, []);

    options = struct('implementation', 'pooling', 'methods', {{}}, 'max_shown', 20);
    rest = args(positional + 1:end);
    if mod(numel(rest), 2) ~= 0
        error('run_conformance:badArgument', 'Options come in name-value pairs.');
    end
    for k = 1:2:numel(rest)
        name = rest{k};
        value = rest{k + 1};
        if ~ischar(name) || ~any(strcmpi(name, option_names))
            error('run_conformance:badArgument', 'Unknown option; expected one of %s.', ...
                  strjoin(option_names, ', '));
        end
        switch lower(name)
            case 'implementation'
                options.implementation = value;
            case 'methods'
                if ischar(value)
                    value = {value};
                end
                if ~iscellstr(value)
                    error('run_conformance:badArgument', ...
                          '''Methods'' must be a cell array of char vectors.');
                end
                options.methods = value;
            case 'maxshown'
                options.max_shown = value;
        end
    end
end

function yes = looks_like_groups(arg)
    % True when ARG, the only leading argument, names groups rather than a MAT file:
    % a cell array, or a char vector that is no existing file and reads like
    % an operator ('max_pool') or a group ('max_pool/ties').
    if iscell(arg)
        yes = true;
        return
    end
    yes = ischar(arg) && ~isempty(arg) && ~is_file(arg) && ...
          ~isempty(regexp(arg, '^[A-Za-z]\w*(/[\w-]+)?$', 'once'));
end

function yes = is_file(name)
    info = dir(name);
    yes = numel(info) == 1 && ~info(1).isdir;
end

function cases = select(cases, groups, mat_file)
    % The cases of GROUPS (each an op or op/group; all when empty), in file order.
    if isempty(groups)
        return
    end
    keep = false(1, numel(cases));
    used = false(1, numel(groups));
    for i = 1:numel(cases)
        hits = strcmp(cases{i}.group, groups) | strcmp(cases{i}.op, groups);
        keep(i) = any(hits);
        used = used | hits;
    end
    if ~all(used)
        error('run_conformance:noCases', ...
              'No fixture group or operator %s in %s.', strjoin(groups(~used), ', '), mat_file);
    end
    cases = cases(keep);
end

function impl = implementation(value, cases)
    % The implementation as a struct: its package name ('' for a struct), a
    % label, and for each function CASES call (by short name: max_pool, ...)
    % a function handle in HANDLES or, when it has none, the reason in MISSING.
    if ischar(value) && ~isempty(regexp(value, '^[A-Za-z]\w*(\.[A-Za-z]\w*)*$', 'once'))
        impl = struct('name', value, 'label', [value, '.*']);
    elseif isstruct(value) && isscalar(value)
        fields = fieldnames(value);
        for k = 1:numel(fields)
            if ~isa(value.(fields{k}), 'function_handle')
                error('run_conformance:badImplementation', ...
                      'Field %s of the implementation struct is not a function handle.', ...
                      fields{k});
            end
        end
        label = sprintf('a struct of function handles (%s)', strjoin(fields', ', '));
        impl = struct('name', '', 'label', label);
    else
        error('run_conformance:badImplementation', ...
              ['''Implementation'' must be a package name (a char vector such as ', ...
               '''mypkg'') or a scalar struct of function handles.']);
    end
    impl.handles = struct();
    impl.missing = struct();
    for i = 1:numel(cases)
        for k = 1:numel(cases{i}.calls)
            called = cases{i}.calls{k}.function;
            short = called(find(called == '.', 1, 'last') + 1:end);
            if isfield(impl.handles, short) || isfield(impl.missing, short)
                continue
            end
            if isempty(impl.name) && isfield(value, short)
                impl.handles.(short) = value.(short);
            elseif isempty(impl.name)
                impl.missing.(short) = sprintf('the implementation struct has no field %s', short);
            elseif isempty(which([impl.name, '.', short]))
                impl.missing.(short) = sprintf('no function %s.%s', impl.name, short);
            else
                impl.handles.(short) = str2func([impl.name, '.', short]);
            end
        end
    end
end

function [handle, reason] = find_function(impl, called)
    % The function handle IMPL has for CALLED ('pooling.max_pool'), or [] and why not.
    short = called(find(called == '.', 1, 'last') + 1:end);
    handle = [];
    reason = '';
    if isfield(impl.handles, short)
        handle = impl.handles.(short);
    else
        reason = impl.missing.(short);
    end
end

function name = system_name()
    if exist('OCTAVE_VERSION', 'builtin')
        name = ['GNU Octave ', OCTAVE_VERSION()];
    else
        name = ['MATLAB ', version()];
    end
end

function print_table(group_names, counts)
    % One row per group: passed, failed (and unsupported when any); failing rows marked.
    width = max([cellfun(@numel, group_names), 5]) + 2;
    columns = {'passed', 'failed', 'unsupported'};
    shown = 1:2;
    if any(counts(3, :))
        shown = 1:3;
    end
    fprintf('\n%-*s', width, 'group');
    fprintf('%8s', columns{shown(1:2)});
    fprintf('%13s', columns{shown(3:end)});
    fprintf('\n');
    for g = 1:numel(group_names)
        fprintf('%-*s%8d%8d', width, group_names{g}, counts(1:2, g));
        fprintf('%13d', counts(shown(3:end), g));
        if counts(2, g) > 0
            fprintf('  FAILED');
        end
        fprintf('\n');
    end
    fprintf('%-*s%8d%8d', width, 'total', sum(counts(1:2, :), 2));
    fprintf('%13d', sum(counts(shown(3:end), :), 2));
    fprintf('\n');
end

function print_failures(group_names, failures, max_shown)
    % The first failure of every failing group, then the second of each, ...
    total = sum(cellfun(@numel, failures));
    if total == 0
        return
    end
    failing = find(~cellfun(@isempty, failures));
    shown = min(total, max_shown);
    if shown == total
        fprintf('\nfailures (%d), the first of each group first:\n', total);
    else
        fprintf('\nfirst %d of %d failures, the first of each group first:\n', shown, total);
    end
    count = 0;
    rank = 1;
    while count < shown
        for g = failing
            if numel(failures{g}) >= rank && count < shown
                count = count + 1;
                print_line(sprintf('%d. %s', count, failures{g}{rank}), '     ', '  ');
            end
        end
        rank = rank + 1;
    end
    if shown < total
        print_line(sprintf(['(%d more; run_conformance(GROUP) shows one group''s, ', ...
                            '''MaxShown'' more of them)'], total - shown), '   ', '  ');
    end
end

function print_unsupported(reasons)
    % Each distinct reason a case was unsupported, with how many cases gave it.
    if isempty(reasons)
        return
    end
    [distinct, ~, which_one] = unique(reasons);
    counts = accumarray(which_one(:), 1);
    [counts, order] = sort(counts, 'descend');
    distinct = distinct(order);
    fprintf('\nunsupported, by reason:\n');
    for k = 1:numel(distinct)
        print_line(sprintf('%5d  %s', counts(k), distinct{k}), '         ', '  ');
    end
end

function print_line(text, continuation, indent)
    % TEXT on lines of at most 119 characters, broken at spaces; later lines
    % start with CONTINUATION, every line with INDENT.
    if nargin < 3
        indent = '';
    end
    limit = 119 - numel(indent);
    text = regexprep(text, '[\r\n\t]+', ' ');
    while numel(text) > limit
        cut = find(text(1:limit + 1) == ' ', 1, 'last');
        if isempty(cut) || cut <= numel(continuation) + 1
            cut = limit + 1;
            fprintf('%s%s\n', indent, text(1:limit));
            text = [continuation, text(cut:end)];
        else
            fprintf('%s%s\n', indent, text(1:cut - 1));
            text = [continuation, text(cut + 1:end)];
        end
    end
    fprintf('%s%s\n', indent, text);
end

function [verdict, problems] = run_case(c, impl, methods)
    % VERDICT 1 (passed), 2 (failed) or 3 (unsupported) of case C, and PROBLEMS:
    % the failures (verdict 2) or the reasons it is unsupported (verdict 3), one line each.
    % C.calls holds the prepared calls (fixtures/README.md, "The MAT file"):
    % each is made as it is, with 'Method', METHOD appended unless METHOD is ''.
    failed = {};
    unsupported = {};
    for m = 1:numel(methods)
        where = sprintf('%s (%s)', c.id, c.group);
        if ~isempty(methods{m})
            where = sprintf('%s [method=%s] (%s)', c.id, methods{m}, c.group);
        end
        try
            for k = 1:numel(c.calls)
                call = c.calls{k};
                [handle, reason] = find_function(impl, call.function);
                if isempty(handle)
                    unsupported{end + 1} = reason; %#ok<AGROW>
                    continue
                end
                [got, err, warned] = make_call(handle, call, methods{m});
                if ~isempty(err) && is_unsupported(err)
                    short = call.function(find(call.function == '.', 1, 'last') + 1:end);
                    unsupported{end + 1} = sprintf('%s: %s: %s', short, err.identifier, ...
                                                   err.message); %#ok<AGROW>
                    continue
                end
                if isfield(c, 'error')
                    % A warning before the expected error does not count (as in the harness).
                    if isempty(err)
                        failed{end + 1} = sprintf('%s %s: expected %s, but the call returned', ...
                                                  where, call.function, c.error); %#ok<AGROW>
                    elseif ~strcmp(err.identifier, c.error)
                        failed{end + 1} = sprintf('%s %s: expected %s, got %s: %s', where, ...
                                                  call.function, c.error, ...
                                                  identifier_text(err), err.message); %#ok<AGROW>
                    end
                    continue
                end
                if ~isempty(err)
                    failed{end + 1} = sprintf('%s %s: raised %s: %s', where, call.function, ...
                                              identifier_text(err), err.message); %#ok<AGROW>
                    continue
                end
                if ~isempty(warned)
                    failed{end + 1} = sprintf('%s %s: warned %s', where, call.function, ...
                                              warned); %#ok<AGROW>
                end
                for o = 1:numel(call.outputs)
                    name = call.outputs{o};
                    difference = first_difference(c.expected.(name), got{o}, c.shapes.(name));
                    if ~isempty(difference)
                        failed{end + 1} = sprintf('%s %s: %s', where, name, ...
                                                  difference); %#ok<AGROW>
                    end
                end
            end
        catch err
            failed{end + 1} = sprintf('%s: the runner failed: %s: %s', where, ...
                                      identifier_text(err), err.message); %#ok<AGROW>
        end
    end
    unsupported = unique(unsupported);
    if strcmp(impl.name, 'pooling')
        % The package itself implements everything: nothing is unsupported.
        for k = 1:numel(unsupported)
            failed{end + 1} = sprintf('%s (%s): %s', c.id, c.group, unsupported{k}); %#ok<AGROW>
        end
        unsupported = {};
    end
    if ~isempty(failed)
        verdict = 2;
        problems = failed;
    elseif ~isempty(unsupported)
        verdict = 3;
        problems = unsupported;
    else
        verdict = 1;
        problems = {};
    end
end

function yes = is_unsupported(err)
    % An error that says the implementation does not support the call.
    yes = any(strcmp(err.identifier, {'pooling:notSupported', 'MATLAB:UndefinedFunction', ...
                                      'Octave:undefined-function'}));
end

function text = identifier_text(err)
    text = err.identifier;
    if isempty(text)
        text = 'no identifier';
    end
end

function [outputs, err, warned] = make_call(handle, call, method)
    % Make one prepared CALL through HANDLE with 'Method', METHOD appended
    % (nothing when METHOD is ''). OUTPUTS holds its numel(call.outputs)
    % outputs, ERR the error raised ([] if none), WARNED the identifier and
    % text of the last warning issued ('' if none).
    outputs = cell(1, numel(call.outputs));
    err = [];
    args = call.args;
    if ~isempty(method)
        args = [args, {'Method', method}];
    end
    lastwarn('', '');
    try
        [outputs{:}] = handle(args{:});
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
