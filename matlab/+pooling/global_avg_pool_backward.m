function dx = global_avg_pool_backward(dy, x, varargin)
    %GLOBAL_AVG_POOL_BACKWARD  Gradient of pooling.global_avg_pool with respect to X, bit-exact.
    %   DX = pooling.global_avg_pool_backward(DY, X) spreads each upstream
    %   gradient DY(1, ..., 1, c, n), divided by the number of spatial
    %   elements, over every element of plane (c, n) of X. X is laid out as
    %   [spatial..., C, N], a real, full double or single array (integer
    %   classes raise pooling:badInput; SPEC.md section 11). DY is
    %   1-by-...-by-1-by-C-by-N (R ones; trailing singleton dimensions may be
    %   dropped), of class(X). DX has the size and class of X.
    %
    %   DX = pooling.global_avg_pool_backward(DY, X, Name, Value, ...) takes the
    %   options of the forward call (names are case-insensitive):
    %     'SpatialDims'  1, 2 or 3: the number R of spatial dimensions.
    %                    Default 2.
    %     'Method'       'fast' (default) or 'naive'. Both return identical bits.
    %
    %   This is pooling.avg_pool_backward with POOL_SIZE the spatial size of X
    %   and no padding (SPEC.md sections 8 and 9): one window, so every element
    %   of plane (c, n) gets +0 + DY(c, n) / (IN_1 * ... * IN_R), one true
    %   division in class(X) (a -0 gradient gives +0).
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput
    %   (X's class), pooling:badOption, pooling:badInput (more than R+2
    %   dimensions, or a spatial dimension of size 0), pooling:badGradient (DY
    %   not of class(X), not real, or not 1-by-...-by-1-by-C-by-N).
    %
    %   Example:
    %     dx = pooling.global_avg_pool_backward(8, ones(2, 2))
    %     % dx = [2 2; 2 2]
    %
    %   See also pooling.global_avg_pool, pooling.avg_pool_backward.

    fname = 'pooling.global_avg_pool_backward';
    if nargin < 2
        error('pooling:badInput', '%s: X is required (the call is DX = %s(DY, X)).', ...
              fname, fname);
    end
    opts = pooling.internal.parse_options(fname, 'global_avg_backward', x, [], varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    dx = pooling.internal.pool_backward('avg', fname, dy, x, geom, opts);
end

% Tests for GNU Octave: from the matlab folder, run: test +pooling/global_avg_pool_backward.m

%!test  % one division per plane, spread over the plane; -0 gives +0
%! for method = {'fast', 'naive'}
%!   dx = pooling.global_avg_pool_backward(reshape([8 -0], [1 1 2]), ones(2, 2, 2), ...
%!                                         'Method', method{1});
%!   assert(dx, cat(3, 2 * ones(2), zeros(2)));
%!   assert(1 ./ dx(:, :, 2), Inf(2, 2));
%!   dx = pooling.global_avg_pool_backward(single([1 3]), single(ones(3, 2)), ...
%!                                         'SpatialDims', 1, 'Method', method{1});
%!   assert(dx, single([1 3; 1 3; 1 3] / 3));
%!   assert(typecast(dx(:, 1), 'uint32'), typecast(single(1) / single(3) * [1; 1; 1], 'uint32'));
%! end

%!test  % the same as avg_pool_backward with the spatial size as the kernel
%! x = zeros(3, 4, 5, 2);
%! dy = reshape([0.1 -7], [1 1 1 2]);
%! for method = {'fast', 'naive'}
%!   dx = pooling.global_avg_pool_backward(dy, x, 'SpatialDims', 3, 'Method', method{1});
%!   dx2 = pooling.avg_pool_backward(dy, x, [3 4 5], 'SpatialDims', 3, 'Method', 'naive');
%!   assert(typecast(dx(:), 'uint64'), typecast(dx2(:), 'uint64'));
%!   assert(dx(:, :, :, 1), repmat(0.1 / 60, [3 4 5]));
%! end

%!test  % 'fast' and 'naive' agree bit for bit: wide magnitudes and signed zero
%! state = rand('twister');
%! rand('twister', 37);
%! for trial = 1:40
%!   r = randi(3);
%!   n = [randi(6, 1, r), randi(4), randi(3)];
%!   sz = [ones(1, r), n(r + 1:end)];
%!   dy = randn(sz) .* 2 .^ randi([-40 40], sz);
%!   dy(rand(size(dy)) < 0.2) = -0;
%!   for cls = {'double', 'single'}
%!     x = zeros([n 1], cls{1});
%!     dx1 = pooling.global_avg_pool_backward(cast(dy, cls{1}), x, 'SpatialDims', r, ...
%!                                            'Method', 'fast');
%!     dx2 = pooling.global_avg_pool_backward(cast(dy, cls{1}), x, 'SpatialDims', r, ...
%!                                            'Method', 'naive');
%!     u = 'uint64';
%!     if strcmp(cls{1}, 'single')
%!       u = 'uint32';
%!     end
%!     assert(size(dx1), size(dx2));
%!     assert(typecast(dx1(:), u), typecast(dx2(:), u));
%!   end
%! end
%! rand('twister', state);

%!error id=pooling:badInput pooling.global_avg_pool_backward(1)
%!error <gradient of a function of integers> pooling.global_avg_pool_backward(1, uint16(ones(4)))
%!error id=pooling:badInput pooling.global_avg_pool_backward(1, {1})
%!error id=pooling:badOption pooling.global_avg_pool_backward(1, ones(4), 'DivisorOverride', 2)
%!error id=pooling:badInput pooling.global_avg_pool_backward(1, zeros(0, 3))
%!error id=pooling:badGradient pooling.global_avg_pool_backward(single(1), ones(4))
%!error id=pooling:badGradient pooling.global_avg_pool_backward(ones(2, 2), ones(4))
%!error id=pooling:badGradient pooling.global_avg_pool_backward(complex(1, 1), ones(4))
