function desc = describe_value(v, summary)
    %DESCRIBE_VALUE  Short text for the value an error message reports after 'got'.
    %   DESC = pooling.internal.describe_value(V) spells out small real numeric,
    %   logical and char values ('[0 2]', 'int8(3)', '''Fast''') and summarises
    %   anything else by size and class ('a 4x4x2 int8 array').
    %   DESC = pooling.internal.describe_value(V, true) always summarises, for
    %   data arrays whose contents do not matter to the message.

    if nargin < 2
        summary = false;
    end
    if summary
        desc = summary_text(v);
    elseif ischar(v) && size(v, 1) <= 1 && ismatrix(v)
        desc = ['''' v ''''];
    elseif islogical(v) && ~issparse(v) && ismatrix(v) && numel(v) <= 16
        desc = mat2str(v);
    elseif pooling.internal.is_plain_array(v) && ismatrix(v) && numel(v) <= 16
        desc = numeric_text(v);
        if ~isa(v, 'double')
            desc = [class(v) '(' desc ')'];
        end
    else
        desc = summary_text(v);
    end
end

function desc = summary_text(v)
    kind = class(v);
    if ~any(strcmp(kind, {'double', 'single', 'int8', 'uint8', 'int16', 'uint16', 'int32', ...
                          'uint32', 'int64', 'uint64', 'logical', 'char', 'cell', 'struct'}))
        % Any other class (gpuArray, dlarray, table, ...): its size and name.
        desc = ['a ' pooling.internal.size_text(size(v)) ' ' kind ' object'];
        return
    end
    if isnumeric(v) && ~isreal(v)
        kind = ['complex ' kind];
    end
    if issparse(v)
        kind = ['sparse ' kind];
    end
    desc = ['a ' pooling.internal.size_text(size(v)) ' ' kind ' array'];
end

function desc = numeric_text(v)
    % The short form when it identifies the value, every digit otherwise: a
    % message that says 'must be integers; got 2' for 2 + 2*eps would be useless.
    [n_rows, n_cols] = size(v);
    row_descs = cell(1, n_rows);
    for i = 1:n_rows
        parts = cell(1, n_cols);
        for j = 1:n_cols
            parts{j} = number_text(v(i, j));
        end
        row_descs{i} = strjoin(parts, ' ');
    end
    desc = strjoin(row_descs, '; ');
    if numel(v) ~= 1
        desc = ['[' desc ']'];
    end
end

function desc = number_text(value)
    if isinteger(value)
        desc = sprintf('%d', value);
        return
    end
    precision = [15 17];
    if isa(value, 'single')
        precision = [7 9];
    end
    desc = sprintf('%.*g', precision(1), value);
    if isfinite(value) && cast(str2double(desc), class(value)) ~= value
        desc = sprintf('%.*g', precision(2), value);
    end
end
