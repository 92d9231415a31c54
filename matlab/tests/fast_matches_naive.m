function compared = fast_matches_naive(fn, nout, seed, classes, draw)
    %FAST_MATCHES_NAIVE  Check that 'fast' and 'naive' return the same bits on random calls.
    %   N = fast_matches_naive(FN, NOUT, SEED, CLASSES, DRAW) seeds the twister
    %   generator with SEED (restoring its state afterwards) and runs 40
    %   trials. Each trial draws a random case G and, for each class name in
    %   the cell CLASSES, calls ARGS = FEVAL(DRAW, G, CLASS) and then
    %   FN(ARGS{:}, 'Method', M) with NOUT outputs for M = 'fast' and 'naive'.
    %   The outputs must agree: same class and size, NaN in the same places and
    %   the same bits elsewhere (NaN payloads are pinned by their own tests),
    %   and with NOUT > 1 the one-output 'fast' call must return the same Y.
    %   A case whose geometry is refused (pooling:outputTooSmall or
    %   pooling:emptyWindow, also when DRAW calls a forward function to size a
    %   gradient) must be refused by both methods alike, and is skipped. DRAW
    %   returns {} to skip a class. N is the number of calls compared.
    %
    %   G has fields
    %     r       the number of spatial dimensions, 1 to 3
    %     k       a kernel size, 1-by-r, each 1 to 3
    %     n       [spatial..., C, N], the spatial sizes near the window's extent
    %     window  {'Stride', ..., 'Padding', ..., 'Dilation', ..., 'CeilMode', ...,
    %              'SpatialDims', r}: strides 1 to 3, pads below the window's
    %             extent or (in one case out of five) 'same'
    %     average {'CountIncludePad', ..., 'DivisorOverride', ...}
    %   and DRAW uses rand, randi and randn for the values. DRAW is a function
    %   name, called with FEVAL, such as a %!function block of the test file
    %   (defined when Octave's test reaches it, so it comes before its test),
    %   or a cell {NAME, EXTRA...}: then ARGS = FEVAL(NAME, G, CLASS, EXTRA...).

    state = rand('twister');
    state_n = randn('state');
    rand('twister', seed);
    randn('state', seed);
    cleanup = onCleanup(@() restore(state, state_n));
    geometry = {'pooling:outputTooSmall', 'pooling:emptyWindow'};
    if ~iscell(draw)
        draw = {draw};
    end
    compared = 0;
    for trial = 1:40
        g = random_case();
        for c = 1:numel(classes)
            try
                args = feval(draw{1}, g, classes{c}, draw{2:end});
            catch err
                assert(any(strcmp(err.identifier, geometry)), '%s', err.message);
                continue
            end
            if isempty(args)
                continue
            end
            fast = cell(1, nout);
            naive = cell(1, nout);
            try
                [fast{:}] = fn(args{:}, 'Method', 'fast');
            catch err
                assert(any(strcmp(err.identifier, geometry)), '%s', err.message);
                assert_refused(fn, args, err.identifier);
                continue
            end
            [naive{:}] = fn(args{:}, 'Method', 'naive');
            for j = 1:nout
                assert_same_bits(fast{j}, naive{j});
            end
            if nout > 1
                assert_same_bits(fn(args{:}, 'Method', 'fast'), naive{1});
            end
            compared = compared + 1;
        end
    end
end

function g = random_case()
    r = randi(3);
    k = randi(3, 1, r);
    d = randi(2, 1, r);
    e = d .* (k - 1) + 1;
    pad = floor(rand(2, r) .* e);
    if rand() < 0.2
        pad = 'same';
    end
    override = [];
    if rand() < 0.25
        override = randi(20);
    end
    g.r = r;
    g.k = k;
    g.n = [max(e + randi(5, 1, r) - 2, 1), randi(3), randi(2)];
    g.window = {'Stride', randi(3, 1, r), 'Padding', pad, 'Dilation', d, ...
                'CeilMode', rand() < 0.5, 'SpatialDims', r};
    g.average = {'CountIncludePad', rand() < 0.5, 'DivisorOverride', override};
end

function assert_refused(fn, args, identifier)
    try
        fn(args{:}, 'Method', 'naive');
    catch err
        assert(strcmp(err.identifier, identifier), '''naive'' raised %s, ''fast'' %s.', ...
               err.identifier, identifier);
        return
    end
    error('fast_matches_naive:accepted', '''naive'' accepted a call ''fast'' refused.');
end

function assert_same_bits(a, b)
    assert(strcmp(class(a), class(b)), 'class %s against %s', class(a), class(b));
    assert(isequal(size(a), size(b)), 'size [%s] against [%s]', num2str(size(a)), ...
           num2str(size(b)));
    if isfloat(a)
        assert(isequal(isnan(a), isnan(b)), 'NaN in different places');
        a(isnan(a)) = 0;
        b(isnan(b)) = 0;
        bits = 'uint64';
        if isa(a, 'single')
            bits = 'uint32';
        end
        assert(isequal(typecast(a(:), bits), typecast(b(:), bits)), 'different bits');
    else
        assert(isequal(a, b), 'different values');
    end
end

function restore(state, state_n)
    rand('twister', state);
    randn('state', state_n);
end
