function impl = implementation(value, cases)
    % The implementation as a struct: its package name ('' for a struct), a
    % label, and for each function CASES call (by short name: max_pool, ...)
    % a function handle in HANDLES or, when it has none, the reason in MISSING.
    if ischar(value) && ~isempty(regexp(value, '^[A-Za-z]\w*(\.[A-Za-z]\w*)*$', 'once'))
        impl = struct('name', value, 'label', [value, '.*']);
    elseif isstruct(value) && isscalar(value)
        fields = fieldnames(value);
        for k = 1:numel(fields)
            if ~isa(value.(fields{k}), 'function_handle')
                error('run_conformance:badImplementation', ...
                      'Field %s of the implementation struct is not a function handle.', ...
                      fields{k});
            end
        end
        label = sprintf('a struct of function handles (%s)', strjoin(fields', ', '));
        impl = struct('name', '', 'label', label);
    else
        error('run_conformance:badImplementation', ...
              ['''Implementation'' must be a package name (a char vector such as ', ...
               '''mypkg'') or a scalar struct of function handles.']);
    end
    impl.handles = struct();
    impl.missing = struct();
    for i = 1:numel(cases)
        for k = 1:numel(cases{i}.calls)
            called = cases{i}.calls{k}.function;
            short = called(find(called == '.', 1, 'last') + 1:end);
            if isfield(impl.handles, short) || isfield(impl.missing, short)
                continue
            end
            if isempty(impl.name) && isfield(value, short)
                impl.handles.(short) = value.(short);
            elseif isempty(impl.name)
                impl.missing.(short) = sprintf('the implementation struct has no field %s', short);
            elseif isempty(which([impl.name, '.', short]))
                impl.missing.(short) = sprintf('no function %s.%s', impl.name, short);
            else
                impl.handles.(short) = str2func([impl.name, '.', short]);
            end
        end
    end
end
