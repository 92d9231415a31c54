% POOLING  Bit-exact max, average, global, adaptive and Lp pooling, max unpooling, gradients.
%
% Forward
%   max_pool                 - Max pooling over the leading spatial dimensions, with indices.
%   avg_pool                 - Average pooling over the leading spatial dimensions.
%   global_max_pool          - Max pooling with one window covering all spatial dimensions.
%   global_avg_pool          - Average pooling with one window covering all spatial dimensions.
%   max_unpool               - Put max-pooled values back where they came from.
%   adaptive_max_pool        - Max pooling to a given output size (uneven windows), with indices.
%   adaptive_avg_pool        - Average pooling to a given output size (uneven windows).
%   lp_pool                  - Lp pooling: the p-norm of each window.
%
% Backward (gradients)
%   max_pool_backward        - Gradient of max_pool with respect to X.
%   avg_pool_backward        - Gradient of avg_pool with respect to X.
%   global_max_pool_backward - Gradient of global_max_pool with respect to X.
%   global_avg_pool_backward - Gradient of global_avg_pool with respect to X.
%   max_unpool_backward      - Gradient of max_unpool with respect to Y.
%   adaptive_max_pool_backward - Gradient of adaptive_max_pool with respect to X.
%   adaptive_avg_pool_backward - Gradient of adaptive_avg_pool with respect to X.
%   lp_pool_backward         - Gradient of lp_pool with respect to X.
%
% Shared conventions
%   options                  - Options, output size, selection rule and error order.
%
%   Arrays are laid out [spatial..., C, N] (H-by-W-by-C-by-N for images) with
%   1, 2 or 3 spatial dimensions; every (c, n) plane is pooled on its own.
%   Call the functions with the package prefix, pooling.max_pool(X, 2). The
%   window functions share the options 'Stride', 'Padding', 'Dilation',
%   'CeilMode', 'SpatialDims' and 'Method'; every function takes 'Method'
%   ('fast' or 'naive', the same bits). Results are held bit for bit to the
%   golden fixtures shared with the Python package: the same class, size,
%   NaN positions, sign of zero and bits. The rules are in SPEC.md; errors
%   carry the identifiers of its section 12 (pooling:badInput, ...).
%   pooling.internal holds private helpers.
%
%   Example:
%     x = [1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4];
%     [y, idx] = pooling.max_pool(x, 2)     % y = [6 8; 3 4], idx = [6 14; 3 16]
%
%   See also pooling.options, pooling.max_pool.
