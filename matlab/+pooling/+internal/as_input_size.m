function as_input_size(fname, spec, x, r)
    %AS_INPUT_SIZE  Check that the data argument is [spatial..., C, N] for R spatial dimensions.
    %   pooling.internal.as_input_size(FNAME, SPEC, X, R) refuses, with
    %   pooling:badInput, an X of more than R+2 dimensions and an X with no
    %   channels or an empty spatial dimension, and refuses an X of more than
    %   2^31-1 elements with pooling:tooLarge (check_count). Missing trailing
    %   dimensions are 1, since MATLAB drops trailing singletons.
    %
    %   See also pooling.internal.as_input, pooling.internal.parse_options.

    % Never true for max_unpool's Y: unpool_size has refused it already.
    if ndims(x) > r + 2
        error('pooling:badInput', ...
              ['%s: %s must have at most R+2 = %d dimensions ([spatial..., C, N] ' ...
               'with R = %d spatial dimensions); got %s.'], ...
              fname, spec.label, r + 2, r, pooling.internal.describe_value(x, true));
    end
    % An empty batch is data (the last batch of an epoch can be empty); no
    % channels or an empty spatial extent is a construction error, and no
    % window fits in the latter (SPEC.md section 12).
    sz = [size(x), ones(1, r + 2 - ndims(x))];
    pooling.internal.check_count(fname, sz, spec.label, true);
    bad = find(sz(1:r + 1) == 0, 1);
    if ~isempty(bad)
        if bad > r
            what = 'C (dimension R+1)';
        else
            what = sprintf('spatial dimension %d', bad);
        end
        error('pooling:badInput', ...
              ['%s: %s must not be empty along %s, with R = %d spatial dimensions ' ...
               '([spatial..., C, N]; only the batch N may be 0); got %s.'], ...
              fname, spec.label, what, r, pooling.internal.describe_value(x, true));
    end
end
