function text = size_text(sz)
    %SIZE_TEXT  A size vector as error messages write it: [4 4 2] gives '4x4x2'.
    %   TEXT = pooling.internal.size_text(SZ).

    text = strjoin(arrayfun(@num2str, sz, 'UniformOutput', false), 'x');
end
