function y = lp_pool(varargin)
    %LP_POOL  Lp pooling: the p-norm of each window, (sum of abs(X).^P).^(1/P), bit-exact.
    %   Y = pooling.lp_pool(X, P, POOL_SIZE) pools X, laid out as
    %   [spatial..., C, N], with a POOL_SIZE window; the stride defaults to
    %   POOL_SIZE. Padding is absent, never a value (SPEC.md section 4).
    %
    %   [...] = pooling.lp_pool(X, P, POOL_SIZE, Name, Value, ...) sets the
    %   options 'Stride', 'Padding', 'CeilMode', 'SpatialDims' and 'Method'
    %   of pooling.options (there is no 'Dilation'); the output size is
    %   max pooling's.
    %
    %   P is a real number in [1, 2^31-1] (Inf is refused: pooling:badOption),
    %   cast to class(X). Everything is computed in class(X) (SPEC.md section
    %   17): T = abs(X) raised to P (repeated squaring for an integer P, sqrt
    %   for 0.5, pow otherwise), summed from +0 in row-major order, then raised
    %   to 1/P (P = 1: the sum, P = 2: sqrt). P = 1 and P = 2 are exact and
    %   identical everywhere; other P rely on the C library's pow.
    %
    %   Example:
    %     y = pooling.lp_pool([3 -4 0 -0].', 2, 2, 'SpatialDims', 1)
    %     % y = [5; 0]
    %
    %   See also pooling.lp_pool_backward, pooling.avg_pool, pooling.options.

    call = pooling.internal.prepare('lp', varargin);
    y = pooling.internal.range_forward('lp', call.x, call.win, call.opts.method, call.p, false);
end
