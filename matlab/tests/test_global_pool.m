% Octave tests of the four global pooling functions: what the golden fixtures
% cannot check (SpatialDims, trailing singletons, classes, NaN payloads,
% name-value parsing, 1-based indices, the MATLAB-side errors), and 'fast'
% against 'naive' on random calls. From the matlab folder:
%   addpath(pwd, fullfile(pwd, 'tests')); test tests/test_global_pool.m

% ---- pooling.global_max_pool

%!test  % ties go to the first element in row-major order, per plane
%! x = cat(3, [3 7; 7 1], [0 2; 9 9]);
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.global_max_pool(x, 'Method', method{1});
%!   assert(size(y), [1 1 2]);
%!   assert(y(:), [7; 9]);
%!   assert(idx(:), [3; 6]);
%!   assert(class(idx), 'double');
%! end

%!test  % the same as max_pool with the spatial size as the kernel, r = 1, 2, 3
%! x = reshape(mod((1:(3 * 4 * 5 * 2 * 2)) * 37, 101), [3 4 5 2 2]);
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.global_max_pool(x, 'SpatialDims', 3, 'Method', method{1});
%!   [y2, idx2] = pooling.max_pool(x, [3 4 5], 'SpatialDims', 3);
%!   assert(size(y), [1 1 1 2 2]);
%!   assert(y, y2);
%!   assert(idx, idx2);
%!   x2 = reshape(x, [12 5 4]);
%!   [y, idx] = pooling.global_max_pool(x2, 'SpatialDims', 1, 'Method', method{1});
%!   [y2, idx2] = pooling.max_pool(x2, 12, 'SpatialDims', 1);
%!   assert(size(y), [1 5 4]);
%!   assert(y, y2);
%!   assert(idx, idx2);
%!   [y, idx] = pooling.global_max_pool(x2, 'Method', method{1});
%!   assert(size(y), [1 1 4]);
%!   assert(y, x2(idx));
%! end

%!test  % integer classes, exact at their extremes
%! types = {'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'};
%! for i = 1:numel(types)
%!   lo = intmin(types{i});
%!   hi = intmax(types{i});
%!   % Integer-only arithmetic: no double literal in the 64-bit types.
%!   below = hi - cast(1, types{i});
%!   x = cat(3, [lo below; hi lo], [lo lo; lo lo], [below below; lo below]);
%!   for method = {'fast', 'naive'}
%!     [y, idx] = pooling.global_max_pool(x, 'Method', method{1});
%!     assert(class(y), types{i});
%!     assert(y(:), [hi; lo; below]);
%!     assert(idx(:), [2; 5; 9]);
%!   end
%! end
%! y = pooling.global_max_pool(intmax('uint64') - uint64([1 0 2]));
%! assert(y == intmax('uint64'));
%! y = pooling.global_max_pool(intmin('int64') + int64([1 0 2]));
%! assert(y == intmin('int64') + 2);

%!function args = draw_global_max_pool(g, cls)
%!  pools = {[-0 0 1 -1 2 NaN Inf -Inf], [-0 0], [-0 0 -1 -Inf], [-0 0 NaN]};
%!  pool = pools{randi(numel(pools))};
%!  x = reshape(pool(randi(numel(pool), [g.n 1])), [g.n 1]);
%!  if rand() < 0.3
%!    x = randn([g.n 1]) .* 2 .^ randi([-40 40], [g.n 1]);
%!    x(rand(size(x)) < 0.2) = -0;
%!  end
%!  if any(strcmp(cls, {'double', 'single'}))
%!    args = {cast(x, cls), 'SpatialDims', g.r};
%!  else
%!    xc = cast(round(x(isfinite(x))), cls);
%!    if isempty(xc)
%!      args = {};
%!    else
%!      args = {reshape(xc, [numel(xc) 1]), 'SpatialDims', 1};
%!    end
%!  end
%!endfunction

%!test  % 'fast' and 'naive' agree bit for bit: NaN, signed zero, ties, wide magnitudes
%! classes = {'double', 'single', 'int8', 'uint64'};
%! n = fast_matches_naive(@pooling.global_max_pool, 2, 23, classes, 'draw_global_max_pool');
%! assert(n > 100);

%!error <X is required> pooling.global_max_pool()
%!error id=pooling:badInput pooling.global_max_pool(true(4))
%!error id=pooling:badInput pooling.global_max_pool('abcd')
%!error id=pooling:badInput pooling.global_max_pool(complex(ones(4)))
%!error id=pooling:badInput pooling.global_max_pool(ones(2, 2, 2, 2, 2))
%!error id=pooling:badInput pooling.global_max_pool(ones(2, 2, 2, 2), 'SpatialDims', 1)
%!error id=pooling:badInput pooling.global_max_pool(true(4), 'Bogus', 1)
%!error id=pooling:badOption pooling.global_max_pool(ones(4), 'Bogus', 1)
%!error id=pooling:badOption pooling.global_max_pool(ones(4), 'Stride', 1)
%!error id=pooling:badOption pooling.global_max_pool(ones(4), 'SpatialDims', 0)
%!error id=pooling:badOption pooling.global_max_pool(ones(4), 'Method', 'slow')
%!error id=pooling:badOption pooling.global_max_pool(ones(4), 'SpatialDims')
%!error id=pooling:badInput pooling.global_max_pool(zeros(0, 4))
%!error <must not be empty along spatial dimension 2> pooling.global_max_pool(zeros(3, 0, 2))
%!error id=pooling:badInput pooling.global_max_pool(zeros(3, 3, 0, 2))

% ---- pooling.global_max_pool_backward

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

%!function args = draw_global_max_pool_backward(g, cls)
%!  pool = [-0 0 1 -1 2 NaN Inf -Inf];
%!  x = reshape(pool(randi(numel(pool), [g.n 1])), [g.n 1]);
%!  if rand() < 0.5
%!    x(isnan(x)) = 1;
%!  end
%!  sz = [ones(1, g.r), g.n(g.r + 1:end)];
%!  dy = randn(sz) .* 2 .^ randi([-30 30], sz);
%!  dy(rand(size(dy)) < 0.2) = -0;
%!  args = {cast(dy, cls), cast(x, cls), 'SpatialDims', g.r};
%!endfunction

%!test  % 'fast' and 'naive' agree bit for bit on random tie-heavy input with specials
%! n = fast_matches_naive(@pooling.global_max_pool_backward, 1, 29, {'double', 'single'}, ...
%!                        'draw_global_max_pool_backward');
%! assert(n > 40);

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

% ---- pooling.global_avg_pool

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

%!function args = draw_global_avg_pool(g, cls)
%!  % Values of both signs over 80 binades: the rounding depends on the order.
%!  x = randn([g.n 1]) .* 2 .^ randi([-40 40], [g.n 1]);
%!  x(rand(size(x)) < 0.2) = -0;
%!  if rand() < 0.3
%!    x(rand(size(x)) < 0.1) = Inf;
%!    x(rand(size(x)) < 0.05) = NaN;
%!  end
%!  if rand() < 0.2
%!    x = -zeros(size(x));
%!  end
%!  args = {cast(x, cls), 'SpatialDims', g.r};
%!endfunction

%!test  % 'fast' and 'naive' agree bit for bit: wide magnitudes, signed zero, Inf and NaN
%! n = fast_matches_naive(@pooling.global_avg_pool, 1, 31, {'double', 'single'}, ...
%!                        'draw_global_avg_pool');
%! assert(n > 40);

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

% ---- pooling.global_avg_pool_backward

%!test  % the same as avg_pool_backward with the spatial size as the kernel
%! x = zeros(3, 4, 5, 2);
%! dy = reshape([0.1 -7], [1 1 1 2]);
%! for method = {'fast', 'naive'}
%!   dx = pooling.global_avg_pool_backward(dy, x, 'SpatialDims', 3, 'Method', method{1});
%!   dx2 = pooling.avg_pool_backward(dy, x, [3 4 5], 'SpatialDims', 3, 'Method', 'naive');
%!   assert(typecast(dx(:), 'uint64'), typecast(dx2(:), 'uint64'));
%!   assert(dx(:, :, :, 1), repmat(0.1 / 60, [3 4 5]));
%! end

%!function args = draw_global_avg_pool_backward(g, cls)
%!  sz = [ones(1, g.r), g.n(g.r + 1:end)];
%!  dy = randn(sz) .* 2 .^ randi([-40 40], sz);
%!  dy(rand(size(dy)) < 0.2) = -0;
%!  args = {cast(dy, cls), zeros([g.n 1], cls), 'SpatialDims', g.r};
%!endfunction

%!test  % 'fast' and 'naive' agree bit for bit: wide magnitudes and signed zero
%! n = fast_matches_naive(@pooling.global_avg_pool_backward, 1, 37, {'double', 'single'}, ...
%!                        'draw_global_avg_pool_backward');
%! assert(n > 40);

%!error id=pooling:badInput pooling.global_avg_pool_backward(1)
%!error <gradient of a function of integers> pooling.global_avg_pool_backward(1, uint16(ones(4)))
%!error id=pooling:badInput pooling.global_avg_pool_backward(1, {1})
%!error id=pooling:badOption pooling.global_avg_pool_backward(1, ones(4), 'DivisorOverride', 2)
%!error id=pooling:badInput pooling.global_avg_pool_backward(1, zeros(0, 3))
%!error id=pooling:badGradient pooling.global_avg_pool_backward(single(1), ones(4))
%!error id=pooling:badGradient pooling.global_avg_pool_backward(ones(2, 2), ones(4))
%!error id=pooling:badGradient pooling.global_avg_pool_backward(complex(1, 1), ones(4))
