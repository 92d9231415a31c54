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
