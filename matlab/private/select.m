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
