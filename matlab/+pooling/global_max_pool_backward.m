function dx = global_max_pool_backward(dy, x, varargin)
    %GLOBAL_MAX_POOL_BACKWARD  Gradient of pooling.global_max_pool with respect to X, bit-exact.
    %   DX = pooling.global_max_pool_backward(DY, X) routes each upstream
    %   gradient DY(1, ..., 1, c, n) to the element of plane (c, n) of X that
    %   pooling.global_max_pool(X) selects. X is laid out as [spatial..., C, N],
    %   a real, full double or single array (a gradient of a function of
    %   integers is not a useful number, so integer classes raise
    %   pooling:badInput; SPEC.md section 11). DY is 1-by-...-by-1-by-C-by-N
    %   (R ones; trailing singleton dimensions may be dropped), of class(X). DX
    %   has the size and class of X: +0 everywhere but at the selected elements.
    %
    %   DX = pooling.global_max_pool_backward(DY, X, Name, Value, ...) takes the
    %   options of the forward call (names are case-insensitive):
    %     'SpatialDims'  1, 2 or 3: the number R of spatial dimensions.
    %                    Default 2.
    %     'Method'       'fast' (default) or 'naive'. Both return identical bits.
    %
    %   This is pooling.max_pool_backward with POOL_SIZE the spatial size of X
    %   and no padding (SPEC.md sections 7 and 9): the selection is the
    %   forward one (row-major scan, ties to the first element, the first NaN
    %   wins), and the whole of DY goes to the one selected element.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput
    %   (X's class), pooling:badOption, pooling:badInput (more than R+2
    %   dimensions, or a spatial dimension of size 0), pooling:badGradient (DY
    %   not of class(X), not real, or not 1-by-...-by-1-by-C-by-N).
    %
    %   Example:
    %     dx = pooling.global_max_pool_backward(5, [3 7; 7 1])
    %     % dx = [0 5; 0 0]
    %
    %   See also pooling.global_max_pool, pooling.max_pool_backward.

    fname = 'pooling.global_max_pool_backward';
    if nargin < 2
        error('pooling:badInput', '%s: X is required (the call is DX = %s(DY, X)).', ...
              fname, fname);
    end
    opts = pooling.internal.parse_options(fname, 'global_max_backward', x, [], varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    dx = pooling.internal.pool_backward('max', fname, dy, x, geom, opts);
end

% Tests for GNU Octave: from the matlab folder, run: test +pooling/global_max_pool_backward.m

%!test  % the whole gradient goes to the first maximum in row-major order
%! x = cat(3, [3 7; 7 1], [0 2; 9 9]);
%! for method = {'fast', 'naive'}
%!   dx = pooling.global_max_pool_backward(reshape([5 -0], [1 1 2]), x, 'Method', method{1});
%!   assert(dx, cat(3, [0 5; 0 0], [0 0; 0 0]));
%!   assert(1 ./ dx(:, :, 2), Inf(2, 2));
%!   dx = pooling.global_max_pool_backward(single(2), single([1 NaN; NaN 1]), ...
%!                                         'Method', method{1});
%!   assert(dx, single([0 2; 0 0]));
%! end

%!test  % the same as max_pool_backward with the spatial size as the kernel
%! x = reshape(mod((1:(3 * 4 * 5 * 2)) * 37, 11), [3 4 5 2]);
%! dy = reshape([2^-3 5], [1 1 1 2]);
%! for method = {'fast', 'naive'}
%!   dx = pooling.global_max_pool_backward(dy, x, 'SpatialDims', 3, 'Method', method{1});
%!   assert(dx, pooling.max_pool_backward(dy, x, [3 4 5], 'SpatialDims', 3));
%!   dy2 = reshape(2 .^ (1:10), [1 5 2]);
%!   x2 = reshape(x, [12 5 2]);
%!   dx = pooling.global_max_pool_backward(dy2, x2, 'SpatialDims', 1, 'Method', method{1});
%!   assert(dx, pooling.max_pool_backward(dy2, x2, 12, 'SpatialDims', 1));
%! end

%!test  % 'fast' and 'naive' agree bit for bit on random tie-heavy input with specials
%! state = rand('twister');
%! rand('twister', 29);
%! pool = [-0 0 1 -1 2 NaN Inf -Inf];
%! for trial = 1:40
%!   r = randi(3);
%!   n = [randi(6, 1, r), randi(4), randi(3)];
%!   x = reshape(pool(randi(numel(pool), [n 1])), [n 1]);
%!   if rand() < 0.5
%!     x(isnan(x)) = 1;
%!   end
%!   dy = randn([ones(1, r), n(r + 1:end)]) .* 2 .^ randi([-30 30], [ones(1, r), n(r + 1:end)]);
%!   dy(rand(size(dy)) < 0.2) = -0;
%!   for cls = {'double', 'single'}
%!     dx1 = pooling.global_max_pool_backward(cast(dy, cls{1}), cast(x, cls{1}), ...
%!                                            'SpatialDims', r, 'Method', 'fast');
%!     dx2 = pooling.global_max_pool_backward(cast(dy, cls{1}), cast(x, cls{1}), ...
%!                                            'SpatialDims', r, 'Method', 'naive');
%!     u = 'uint64';
%!     if strcmp(cls{1}, 'single')
%!       u = 'uint32';
%!     end
%!     assert(size(dx1), size(dx2));
%!     assert(typecast(dx1(:), u), typecast(dx2(:), u));
%!   end
%! end
%! rand('twister', state);

%!error id=pooling:badInput pooling.global_max_pool_backward(1)
%!error <gradient of a function of integers> pooling.global_max_pool_backward(1, int8(ones(4)))
%!error id=pooling:badInput pooling.global_max_pool_backward(1, ones(2, 2, 2, 2, 2))
%!error id=pooling:badOption pooling.global_max_pool_backward(1, ones(4), 'Bogus', 1)
%!error id=pooling:badOption pooling.global_max_pool_backward(1, ones(4), 'Method', 2)
%!error id=pooling:badInput pooling.global_max_pool_backward(zeros(1, 0), zeros(4, 0))
%!error id=pooling:badGradient pooling.global_max_pool_backward(single(1), ones(4))
%!error id=pooling:badGradient pooling.global_max_pool_backward(int8(1), ones(4))
%!error id=pooling:badGradient pooling.global_max_pool_backward([1 2], ones(4))
%!error <size of the forward output, 1x1x3x1>
%! pooling.global_max_pool_backward(1, ones(4, 4, 3))
