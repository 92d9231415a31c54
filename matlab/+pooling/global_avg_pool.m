function y = global_avg_pool(x, varargin)
    %GLOBAL_AVG_POOL  Average pooling with one window covering all spatial dimensions, bit-exact.
    %   Y = pooling.global_avg_pool(X) averages each (c, n) plane of X, laid out
    %   as [spatial..., C, N] (for example H-by-W-by-C-by-N). Y is
    %   1-by-...-by-1-by-C-by-N (R ones), of class(X).
    %
    %   Y = pooling.global_avg_pool(X, Name, Value, ...) sets options (names
    %   are case-insensitive):
    %     'SpatialDims'  1, 2 or 3: the number R of leading dimensions of X
    %                    that are spatial. Default 2 (MATLAB drops trailing
    %                    singleton dimensions, so R cannot be read from X).
    %     'Method'       'fast' (default; whole-array operations) or 'naive'
    %                    (the textbook loops). Both return identical bits.
    %
    %   X must be a real, full double or single array (an integer average would
    %   need a rounding rule, so integer classes raise pooling:badInput; SPEC.md
    %   section 11), with at most R+2 dimensions, C and every spatial size at
    %   least 1; an empty batch (N = 0) gives an empty Y.
    %
    %   This is pooling.avg_pool with POOL_SIZE the spatial size of X and no
    %   padding (SPEC.md section 9): an accumulator of class(X) starts at +0
    %   and adds the plane's elements one at a time in row-major order (first
    %   spatial dimension outermost), then is divided once, a true division in
    %   class(X), by the number of spatial elements (SPEC.md section 8):
    %     Y = ACC / (IN_1 * ... * IN_R)
    %   MEAN is not used: it adds in memory order, which is column-major.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput
    %   (X's class), pooling:badOption, pooling:badInput (more than R+2
    %   dimensions, or a spatial dimension of size 0).
    %
    %   Example:
    %     y = pooling.global_avg_pool([1 2^53; -2^53 0])
    %     % y = 0: row-major, ((0 + 1) + 2^53) - 2^53 + 0 = 0, divided by 4
    %
    %   See also pooling.avg_pool, pooling.global_avg_pool_backward,
    %   pooling.global_max_pool.

    fname = 'pooling.global_avg_pool';
    if nargin < 1
        error('pooling:badInput', '%s: X is required.', fname);
    end
    opts = pooling.internal.parse_options(fname, 'global_avg', x, [], varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    y = pooling.internal.pool_forward('avg', x, geom, opts, false);
end

% Tests for GNU Octave: from the matlab folder, run: test +pooling/global_avg_pool.m

%!test  % the sum runs in row-major order and starts at +0
%! for method = {'fast', 'naive'}
%!   assert(pooling.global_avg_pool([1 2^53; -2^53 0], 'Method', method{1}), 0);
%!   assert(pooling.global_avg_pool([1 -2^53; 2^53 0], 'Method', method{1}), 1 / 4);
%!   y = pooling.global_avg_pool([1, 2^53, -2^53].', 'SpatialDims', 1, 'Method', method{1});
%!   assert(y, 0);
%!   y = pooling.global_avg_pool(-zeros(3, 3, 2), 'Method', method{1});
%!   assert(1 ./ y(:), [Inf; Inf]);
%!   y = pooling.global_avg_pool(single([1 2; 3 5]), 'Method', method{1});
%!   assert(y, single(11 / 4));
%! end

%!test  % the same as avg_pool with the spatial size as the kernel, r = 1, 2, 3
%! state = rand('twister');
%! rand('twister', 5);
%! x = randn(3, 4, 5, 2, 2) .* 2 .^ randi([-40 40], [3 4 5 2 2]);
%! rand('twister', state);
%! for method = {'fast', 'naive'}
%!   y = pooling.global_avg_pool(x, 'SpatialDims', 3, 'Method', method{1});
%!   y2 = pooling.avg_pool(x, [3 4 5], 'SpatialDims', 3, 'Method', 'naive');
%!   assert(size(y), [1 1 1 2 2]);
%!   assert(typecast(y(:), 'uint64'), typecast(y2(:), 'uint64'));
%!   x2 = single(reshape(x, [12 5 4]));
%!   y = pooling.global_avg_pool(x2, 'SpatialDims', 1, 'Method', method{1});
%!   y2 = pooling.avg_pool(x2, 12, 'SpatialDims', 1, 'Method', 'naive');
%!   assert(size(y), [1 5 4]);
%!   assert(typecast(y(:), 'uint32'), typecast(y2(:), 'uint32'));
%!   y = pooling.global_avg_pool(x2, 'Method', method{1});
%!   y2 = pooling.avg_pool(x2, [12 5], 'Method', 'naive');
%!   assert(size(y), [1 1 4]);
%!   assert(typecast(y(:), 'uint32'), typecast(y2(:), 'uint32'));
%! end

%!test  % 'fast' and 'naive' agree bit for bit: wide magnitudes, signed zero, Inf and NaN
%! state = rand('twister');
%! rand('twister', 31);
%! for trial = 1:40
%!   r = randi(3);
%!   n = [randi(6, 1, r), randi(4), randi(3)];
%!   % Values of both signs over 80 binades: the rounding depends on the order.
%!   x = randn([n 1]) .* 2 .^ randi([-40 40], [n 1]);
%!   x(rand(size(x)) < 0.2) = -0;
%!   if rand() < 0.3
%!     x(rand(size(x)) < 0.1) = Inf;
%!     x(rand(size(x)) < 0.05) = NaN;
%!   end
%!   if rand() < 0.2
%!     x = -zeros(size(x));
%!   end
%!   for cls = {'double', 'single'}
%!     y1 = pooling.global_avg_pool(cast(x, cls{1}), 'SpatialDims', r, 'Method', 'fast');
%!     y2 = pooling.global_avg_pool(cast(x, cls{1}), 'SpatialDims', r, 'Method', 'naive');
%!     assert(size(y1), size(y2));
%!     % NaN payloads and signs are not pinned (SPEC.md section 15).
%!     assert(isnan(y1), isnan(y2));
%!     y1(isnan(y1)) = 0;
%!     y2(isnan(y2)) = 0;
%!     u = 'uint64';
%!     if strcmp(cls{1}, 'single')
%!       u = 'uint32';
%!     end
%!     assert(typecast(y1(:), u), typecast(y2(:), u));
%!   end
%! end
%! rand('twister', state);

%!error <X is required> pooling.global_avg_pool()
%!error <an integer average would need a rounding rule> pooling.global_avg_pool(int8(ones(4)))
%!error id=pooling:badInput pooling.global_avg_pool(intmin('int64') * ones(2, 'int64'))
%!error id=pooling:badInput pooling.global_avg_pool(true(4))
%!error id=pooling:badInput pooling.global_avg_pool(ones(2, 2, 2, 2, 2))
%!error id=pooling:badInput pooling.global_avg_pool(uint8(ones(4)), 'Bogus', 1)
%!error id=pooling:badOption pooling.global_avg_pool(ones(4), 'Bogus', 1)
%!error id=pooling:badOption pooling.global_avg_pool(ones(4), 'CountIncludePad', false)
%!error id=pooling:badOption pooling.global_avg_pool(ones(4), 'SpatialDims', 1.5)
%!error id=pooling:badOption pooling.global_avg_pool(ones(4), 'Method', 'fastest')
%!error id=pooling:badInput pooling.global_avg_pool(zeros(0, 4))
