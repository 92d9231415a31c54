function order = row_major_order(in)
    %ROW_MAJOR_ORDER  Linear indices of an IN(1)-by-IN(2)-by-IN(3) array, in row-major order.
    %   ORDER = pooling.internal.row_major_order(IN) is a column of PROD(IN)
    %   1-based linear indices (MATLAB's column-major order): ORDER(P) is the
    %   position visited P-th in row-major order, the first dimension outermost
    %   and the last innermost (SPEC.md sections 1 and 5).
    %
    %   See also pooling.internal.global_max_fast, pooling.internal.global_avg_fast.

    order = reshape(permute(reshape(1:prod(in), in), [3 2 1]), [], 1);
end
