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
