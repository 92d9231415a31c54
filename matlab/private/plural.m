function text = plural(n, noun)
    % '1 case', '2 cases'.
    text = sprintf('%d %s', n, noun);
    if n ~= 1
        text = [text, 's'];
    end
end
