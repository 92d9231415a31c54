function win = adaptive_windows(x_size, opts)
    %ADAPTIVE_WINDOWS  The windows of adaptive pooling (SPEC.md section 16).
    %   WIN = pooling.internal.adaptive_windows(X_SIZE, OPTS) takes SIZE(X) and
    %   parse_options' OPTS (OPTS.r, OPTS.output_size) and returns the window
    %   ranges: window I (0-based) of a dimension of input length L and output
    %   length O covers the 0-based positions [floor(I*L/O), ceil((I+1)*L/O)).
    %   I*L is an exact double below 2^53, so the rounded quotient rounds the
    %   right way: exact for every array that fits in memory.
    %
    %   WIN has fields r, in and out (1-by-3, missing dimensions 1), lo and hi
    %   (1-by-3 cells of 0-based column vectors, the range of each window),
    %   channels, batch and planes, as pooling.internal.range_windows makes.
    %
    %   See also pooling.internal.geometry_windows, pooling.internal.range_forward.

    r = opts.r;
    sz = [x_size, ones(1, r + 2 - numel(x_size))];
    in = [sz(1:r), ones(1, 3 - r)];
    out = [opts.output_size, ones(1, 3 - r)];
    lo = cell(1, 3);
    hi = cell(1, 3);
    for a = 1:3
        i = (0:out(a) - 1).';
        lo{a} = floor(i * in(a) / out(a));
        hi{a} = ceil((i + 1) * in(a) / out(a));
    end
    win = pooling.internal.range_windows(r, in, out, lo, hi, sz(r + 1), sz(r + 2));
end
