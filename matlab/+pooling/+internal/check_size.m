function check_size(fname, id, v, name, expected, what)
    %CHECK_SIZE  Raise ID unless V has the size EXPECTED, trailing singleton dimensions ignored.
    %   pooling.internal.check_size(FNAME, ID, V, NAME, EXPECTED, WHAT) raises
    %   the error ID with the message
    %     '<FNAME>: <NAME> must have the size of <WHAT>, <EXPECTED>; got <V>.'
    %   (EXPECTED as size_text writes it, V as describe_value does) unless
    %   SIZE(V) is EXPECTED, both padded with ones to one length: MATLAB
    %   drops trailing singleton dimensions, so SIZE of a [4 4 1 1] array is [4 4].
    %
    %   See also pooling.internal.check_gradient, pooling.internal.check_indices.

    got = size(v);
    n = max(numel(expected), numel(got));
    if ~isequal([expected, ones(1, n - numel(expected))], [got, ones(1, n - numel(got))])
        error(id, '%s: %s must have the size of %s, %s; got %s.', ...
              fname, name, what, pooling.internal.size_text(expected), ...
              pooling.internal.describe_value(v, true));
    end
end
