function tf = has_nan(x)
    %HAS_NAN  Whether the floating-point array X may hold a NaN, in about one pass.
    %   TF = pooling.internal.has_nan(X) is true when X holds a NaN, and may be
    %   true without one. It adds X along its longest dimension and looks for
    %   NaN in the (much smaller) sums: a NaN term makes a sum NaN whatever the
    %   order of the additions, so no NaN is missed; Inf - Inf or an overflow
    %   can give a NaN without one, which only sends the caller down its slower
    %   NaN path, exact either way. The sum reads X once and writes little,
    %   where ISNAN would write a logical array as large as X.
    %
    %   See also pooling.internal.max_pool_fast.

    if isempty(x)
        tf = false;
        return
    end
    [~, longest] = max(size(x));
    s = sum(x, longest);
    tf = any(isnan(s(:)));
end
