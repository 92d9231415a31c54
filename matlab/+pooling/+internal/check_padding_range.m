function check_padding_range(fname, opts)
    %CHECK_PADDING_RANGE  Refuse a pad of E or more, E = DILATION*(POOL_SIZE-1)+1.
    %   pooling.internal.check_padding_range(FNAME, OPTS) raises
    %   pooling:badPadding if OPTS.pb or OPTS.pa exceeds E-1 along some spatial
    %   dimension: such a pad would only add windows made entirely of padding.
    %   It runs once the kernel size, the padding and the dilation are known.

    e = opts.d .* (opts.k - 1) + 1;
    bad = find(opts.pb > e - 1 | opts.pa > e - 1, 1);
    if ~isempty(bad)
        error('pooling:badPadding', ...
              ['%s: ''Padding'' along spatial dimension %d must be at most E-1 = %d, ' ...
               'where E = DILATION*(POOL_SIZE-1)+1 = %d*(%d-1)+1 = %d is the effective ' ...
               'window; got %d before and %d after.'], ...
              fname, bad, e(bad) - 1, opts.d(bad), opts.k(bad), e(bad), ...
              opts.pb(bad), opts.pa(bad));
    end
end
