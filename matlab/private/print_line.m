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
