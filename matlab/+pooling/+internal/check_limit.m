function check_limit(fname, value, label, identifier)
    %CHECK_LIMIT  Refuse integer parameters above 2^31-1 (SPEC.md section 12).
    %   pooling.internal.check_limit(FNAME, VALUE, LABEL, IDENTIFIER) raises
    %   IDENTIFIER if any element of VALUE exceeds 2^31-1. Larger values cannot
    %   be indexed by the 32-bit offsets other systems use, and the bound keeps
    %   doubles far from 2^53, where they stop being exact.

    limit = 2^31 - 1;
    if any(value(:) > limit)
        error(identifier, '%s: %s must be at most 2^31-1 = %d; got %s.', ...
              fname, label, limit, pooling.internal.describe_value(value));
    end
end
