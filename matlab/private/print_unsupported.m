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
