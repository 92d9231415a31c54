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
