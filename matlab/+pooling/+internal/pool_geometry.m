function geom = pool_geometry(fname, x_size, opts)
    %POOL_GEOMETRY  Output size and window placement of a pooling call (SPEC.md sections 2-4.1).
    %   GEOM = pooling.internal.pool_geometry(FNAME, X_SIZE, OPTS) takes SIZE(X)
    %   and the validated options from parse_options, works out the 'same'
    %   padding when OPTS.same_padding is set (SPEC.md section 4.1),
    %     OUT0  = ceil(IN / S),  TOTAL = max((OUT0-1)*S + E - IN, 0),
    %     PB    = floor(TOTAL / 2),  PA = TOTAL - PB,
    %   computes the output size per spatial dimension,
    %     E   = D*(K-1)+1
    %     OUT = floor((IN + PB + PA - E) / S) + 1            (ceil_mode false)
    %     OUT = ceil ((IN + PB + PA - E) / S) + 1            (ceil_mode true),
    %           then OUT = OUT - 1 if (OUT-1)*S >= IN + PB,
    %   and raises pooling:outputTooSmall if some OUT < 1, pooling:tooLarge if
    %   the output would have more than 2^31-1 elements (check_count) and
    %   pooling:emptyWindow if some window covers no input element.
    %
    %   Every computation downstream is written for three spatial dimensions;
    %   a missing one has IN = OUT = K = S = D = 1 and no padding. GEOM has fields
    %     r                  number of spatial dimensions of the call
    %     in, out            1-by-3 input and output sizes
    %     k, s, d, pb, pa    1-by-3 kernel size, stride, dilation, padding
    %                        before and after
    %     channels, batch    C and N
    %     planes             C*N, the number of independent (c, n) planes
    %
    %   See also pooling.internal.parse_options.

    r = opts.r;
    sz = [x_size, ones(1, r + 2 - numel(x_size))];
    in = sz(1:r);
    e = opts.d .* (opts.k - 1) + 1;
    pb = opts.pb;
    pa = opts.pa;
    if opts.same_padding
        % The extra pad goes at the end, as in TensorFlow and ONNX SAME_UPPER.
        total = max((ceil(in ./ opts.s) - 1) .* opts.s + e - in, 0);
        pb = floor(total / 2);
        pa = total - pb;
    end

    span = in + pb + pa - e;
    if opts.ceil_mode
        out = ceil(span ./ opts.s) + 1;
        % A last window may not start in the right padding or past it.
        drop = (out - 1) .* opts.s >= in + pb;
        out(drop) = out(drop) - 1;
    else
        out = floor(span ./ opts.s) + 1;
    end

    bad = find(out < 1, 1);
    if ~isempty(bad)
        hint = '';
        if r == 1 && numel(x_size) == 2 && x_size(1) == 1 && x_size(2) > 1
            % A 1-D signal written as a row is 1 sample of X_SIZE(2) channels.
            hint = sprintf([' X is a 1-by-%d row, which with R = 1 spatial dimension is ' ...
                            'a signal of length 1 with C = %d channels: pass the signal ' ...
                            'as a column, X(:) or X.''.'], x_size(2), x_size(2));
        end
        error('pooling:outputTooSmall', ...
              ['%s: the output would be empty along spatial dimension %d: input size ' ...
               '%d plus padding %d+%d is less than the effective window ' ...
               'E = DILATION*(POOL_SIZE-1)+1 = %d.%s'], ...
              fname, bad, in(bad), pb(bad), pa(bad), e(bad), hint);
    end

    % Before the empty-window check, whose work grows with the output size.
    pooling.internal.check_count(fname, [out, sz(r + 1), sz(r + 2)], 'the output', false);

    % A window is empty exactly when its range along some dimension is empty;
    % the pad limit leaves that possible only with dilation (SPEC.md section 4).
    % The offsets j of window o inside [0, IN) run from ceil(-BASE/D) to
    % floor((IN-1-BASE)/D), BASE = o*S - PB, clipped to [0, K-1]: O(1) per
    % output whatever K, which may be 2^31-1.
    for i = 1:r
        base = (0:out(i) - 1).' * opts.s(i) - pb(i);
        first = max(0, ceil(-base / opts.d(i)));
        last = min(opts.k(i) - 1, floor((in(i) - 1 - base) / opts.d(i)));
        first_empty = find(first > last, 1);
        if ~isempty(first_empty)
            error('pooling:emptyWindow', ...
                  ['%s: output position %d along spatial dimension %d has a window ' ...
                   'with no input element: it reads positions %s (0-based), but the ' ...
                   'input holds positions 0 to %d and the rest is padding; reduce the ' ...
                   'padding or the dilation.'], ...
                  fname, first_empty, i, ...
                  positions_text(base(first_empty), opts.k(i), opts.d(i)), in(i) - 1);
        end
    end

    pad3 = zeros(1, 3 - r);
    one3 = ones(1, 3 - r);
    geom.r = r;
    geom.in = [in, one3];
    geom.out = [out, one3];
    geom.k = [opts.k, one3];
    geom.s = [opts.s, one3];
    geom.d = [opts.d, one3];
    geom.pb = [pb, pad3];
    geom.pa = [pa, pad3];
    geom.channels = sz(r + 1);
    geom.batch = sz(r + 2);
    geom.planes = geom.channels * geom.batch;
end

function text = positions_text(base, k, d)
    % The positions of one window, elided in the middle when there are many.
    if k <= 64
        text = mat2str(base + (0:k - 1) * d);
    else
        text = sprintf('[%d %d %d ... %d] (%d of them)', base, base + d, base + 2 * d, ...
                       base + (k - 1) * d, k);
    end
end
