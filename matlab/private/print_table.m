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
