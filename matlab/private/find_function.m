function [handle, reason] = find_function(impl, called)
    % The function handle IMPL has for CALLED ('pooling.max_pool'), or [] and why not.
    short = called(find(called == '.', 1, 'last') + 1:end);
    handle = [];
    reason = '';
    if isfield(impl.handles, short)
        handle = impl.handles.(short);
    else
        reason = impl.missing.(short);
    end
end
