function s = expand_offsets(s, sz)
    %EXPAND_OFFSETS  Offset numbers of the fast max path as an array of size SZ.
    %   S = pooling.internal.expand_offsets(S, SZ) returns S unchanged unless it
    %   is a scalar: one offset number shared by every element, which becomes
    %   REPMAT(S, SZ).
    %
    %   See also pooling.internal.max_pool_fast, pooling.internal.max_rule_step.

    if isscalar(s)
        s = repmat(s, sz);
    end
end
