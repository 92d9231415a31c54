function cls = offset_class(count)
    %OFFSET_CLASS  The smallest unsigned integer class that holds the numbers 0 to COUNT.
    %   CLS = pooling.internal.offset_class(COUNT) names the class the fast path
    %   keeps window offset numbers (1 to COUNT) or position weights in. A small
    %   class keeps a running maximum over offsets cheap; integer arithmetic
    %   within its range is exact.
    %
    %   See also pooling.internal.max_pool_fast, pooling.internal.offset_to_index.

    if count <= intmax('uint8')
        cls = 'uint8';
    elseif count <= intmax('uint16')
        cls = 'uint16';
    elseif count <= intmax('uint32')
        cls = 'uint32';
    else
        cls = 'double';
    end
end
