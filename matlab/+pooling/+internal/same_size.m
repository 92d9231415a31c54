function tf = same_size(expected, got)
    %SAME_SIZE  Whether two size vectors name one size, trailing singleton dimensions ignored.
    %   TF = pooling.internal.same_size(EXPECTED, GOT) pads the shorter vector
    %   with ones before comparing: MATLAB drops trailing singleton
    %   dimensions, so SIZE of a [4 4 1 1] array is [4 4].
    %
    %   See also pooling.internal.check_gradient.

    n = max(numel(expected), numel(got));
    tf = isequal([expected, ones(1, n - numel(expected))], [got, ones(1, n - numel(got))]);
end
