function [verdict, problems] = run_case(c, impl, methods)
    % VERDICT 1 (passed), 2 (failed) or 3 (unsupported) of case C, and PROBLEMS:
    % the failures (verdict 2) or the reasons it is unsupported (verdict 3), one line each.
    % C.calls holds the prepared calls (fixtures/README.md, "The MAT file"):
    % each is made as it is, with 'Method', METHOD appended unless METHOD is ''.
    failed = {};
    unsupported = {};
    for m = 1:numel(methods)
        where = sprintf('%s (%s)', c.id, c.group);
        if ~isempty(methods{m})
            where = sprintf('%s [method=%s] (%s)', c.id, methods{m}, c.group);
        end
        try
            for k = 1:numel(c.calls)
                call = c.calls{k};
                [handle, reason] = find_function(impl, call.function);
                if isempty(handle)
                    unsupported{end + 1} = reason; %#ok<AGROW>
                    continue
                end
                [got, err, warned] = make_call(handle, call, methods{m});
                if ~isempty(err) && is_unsupported(err)
                    short = call.function(find(call.function == '.', 1, 'last') + 1:end);
                    unsupported{end + 1} = sprintf('%s: %s: %s', short, err.identifier, ...
                                                   err.message); %#ok<AGROW>
                    continue
                end
                if isfield(c, 'error')
                    % A warning before the expected error does not count (as in the harness).
                    if isempty(err)
                        failed{end + 1} = sprintf('%s %s: expected %s, but the call returned', ...
                                                  where, call.function, c.error); %#ok<AGROW>
                    elseif ~strcmp(err.identifier, c.error)
                        failed{end + 1} = sprintf('%s %s: expected %s, got %s: %s', where, ...
                                                  call.function, c.error, ...
                                                  identifier_text(err), err.message); %#ok<AGROW>
                    end
                    continue
                end
                if ~isempty(err)
                    failed{end + 1} = sprintf('%s %s: raised %s: %s', where, call.function, ...
                                              identifier_text(err), err.message); %#ok<AGROW>
                    continue
                end
                if ~isempty(warned)
                    failed{end + 1} = sprintf('%s %s: warned %s', where, call.function, ...
                                              warned); %#ok<AGROW>
                end
                for o = 1:numel(call.outputs)
                    name = call.outputs{o};
                    difference = first_difference(c.expected.(name), got{o}, c.shapes.(name));
                    if ~isempty(difference)
                        failed{end + 1} = sprintf('%s %s: %s', where, name, ...
                                                  difference); %#ok<AGROW>
                    end
                end
            end
        catch err
            failed{end + 1} = sprintf('%s: the runner failed: %s: %s', where, ...
                                      identifier_text(err), err.message); %#ok<AGROW>
        end
    end
    unsupported = unique(unsupported);
    if strcmp(impl.name, 'pooling')
        % The package itself implements everything: nothing is unsupported.
        for k = 1:numel(unsupported)
            failed{end + 1} = sprintf('%s (%s): %s', c.id, c.group, unsupported{k}); %#ok<AGROW>
        end
        unsupported = {};
    end
    if ~isempty(failed)
        verdict = 2;
        problems = failed;
    elseif ~isempty(unsupported)
        verdict = 3;
        problems = unsupported;
    else
        verdict = 1;
        problems = {};
    end
end

function yes = is_unsupported(err)
    % An error that says the implementation does not support the call.
    yes = any(strcmp(err.identifier, {'pooling:notSupported', 'MATLAB:UndefinedFunction', ...
                                      'Octave:undefined-function'}));
end

function text = identifier_text(err)
    text = err.identifier;
    if isempty(text)
        text = 'no identifier';
    end
end

function [outputs, err, warned] = make_call(handle, call, method)
    % Make one prepared CALL through HANDLE with 'Method', METHOD appended
    % (nothing when METHOD is ''). OUTPUTS holds its numel(call.outputs)
    % outputs, ERR the error raised ([] if none), WARNED the identifier and
    % text of the last warning issued ('' if none).
    outputs = cell(1, numel(call.outputs));
    err = [];
    args = call.args;
    if ~isempty(method)
        args = [args, {'Method', method}];
    end
    lastwarn('', '');
    try
        [outputs{:}] = handle(args{:});
    catch caught
        err = caught;
        outputs = {};
    end
    [message, identifier] = lastwarn();
    warned = '';
    if ~isempty(message)
        warned = sprintf('%s: %s', identifier, message);
    end
end

function text = first_difference(expected, actual, fixture_shape)
    % '' when ACTUAL is EXPECTED bit for bit, else where and how it differs.
    % FIXTURE_SHAPE is the fixture's (N, C, spatial...) shape, which gives
    % the full MATLAB size [spatial..., C, N] with its trailing singletons.
    want = [fixture_shape(3:end), fixture_shape(2), fixture_shape(1)];
    text = '';
    if ~strcmp(class(actual), class(expected))
        text = sprintf('class differs: expected %s, got %s', class(expected), class(actual));
        return
    end
    if issparse(actual) || ~isreal(actual)
        text = 'expected a real, full array';
        return
    end
    got = size(actual);
    n = max(numel(want), numel(got));
    if ~isequal([want, ones(1, n - numel(want))], [got, ones(1, n - numel(got))])
        text = sprintf('size differs: expected %s, got %s', mat2str(want), mat2str(got));
        return
    end
    e = expected(:);
    a = actual(:);
    if isfloat(e)
        e_nan = isnan(e);
        a_nan = isnan(a);
        if isa(e, 'single')
            bits = 'uint32';
        else
            bits = 'uint64';
        end
        differ = (e_nan ~= a_nan) | (~e_nan & ~a_nan & (typecast(e, bits) ~= typecast(a, bits)));
    else
        differ = e ~= a;
    end
    k = find(differ, 1);
    if isempty(k)
        return
    end
    subs = cell(1, numel(want));
    [subs{:}] = ind2sub(want, k);
    where = sprintf('%d,', subs{:});
    text = sprintf(['first difference at (%s) [spatial..., C, N]: expected %s, got %s; ', ...
                    '%d of %d elements differ'], where(1:end - 1), value_text(e(k)), ...
                   value_text(a(k)), sum(differ), numel(e));
end

function text = value_text(v)
    % V in full precision: 9 (single) or 17 (double) significant digits and
    % the hex bits (num2hex) for floats, exact decimal digits for integers.
    if isa(v, 'single')
        text = sprintf('%.9g (%s)', double(v), num2hex(v));
    elseif isfloat(v)
        text = sprintf('%.17g (%s)', v, num2hex(v));
    else
        text = integer_text(v);
    end
end

function text = integer_text(v)
    % An integer of any class in decimal, exact beyond 2^53 (int64, uint64).
    if abs(double(v)) < 2^53
        text = sprintf('%d', double(v));
        return
    end
    ten = cast(10, class(v));
    text = '';
    rest = v;
    while rest ~= 0
        quotient = idivide(rest, ten, 'fix');
        text = [char('0' + abs(double(rest - quotient * ten))), text]; %#ok<AGROW>
        rest = quotient;
    end
    if v < 0
        text = ['-', text];
    end
end
