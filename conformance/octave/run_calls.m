function results = run_calls(calls)
    %RUN_CALLS  Evaluate a batch of calls for the Python conformance harness.
    %   RESULTS = RUN_CALLS(CALLS) takes a cell array whose elements are cells
    %   {FNAME, ARGS, NOUT} and returns a cell array of the same length whose
    %   elements are cells {OUTPUTS, IDENTIFIER, MESSAGE, WARNING}: OUTPUTS holds
    %   the NOUT outputs of feval(FNAME, ARGS{:}) when the call succeeded, and
    %   IDENTIFIER and MESSAGE are empty; when it raised, OUTPUTS is empty and
    %   IDENTIFIER and MESSAGE are the error's.  WARNING is the identifier and
    %   text of the last warning the call issued ('' if none), so a warning
    %   cannot pass unseen.  oct2py drops error identifiers, so the harness
    %   needs them caught here; one call per fixture file keeps the per-call
    %   cost of oct2py (about 5 ms) out of the run time.
    results = cell(1, numel(calls));
    for i = 1:numel(calls)
        call = calls{i};
        outputs = cell(1, call{3});
        identifier = '';
        message = '';
        lastwarn('', '');
        try
            [outputs{:}] = feval(call{1}, call{2}{:});
        catch err
            outputs = {};
            identifier = err.identifier;
            message = err.message;
        end
        [warning_text, warning_id] = lastwarn();
        warned = '';
        if ~isempty(warning_text)
            warned = [warning_id, ': ', warning_text];
        end
        results{i} = {outputs, identifier, message, warned};
    end
end
