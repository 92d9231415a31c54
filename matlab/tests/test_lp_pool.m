% Octave tests of Lp pooling (SPEC.md section 17): the worked examples, the
% arithmetic, the MATLAB layout, errors, and 'fast' against 'naive' on random
% calls. From the matlab folder:
%   addpath(pwd, fullfile(pwd, 'tests')); test tests/test_lp_pool.m

%!test  % SPEC.md's worked example: x = [3 -4 0 -0 1e200 1], POOL_SIZE 2
%! x = [3 -4 0 -0 1e200 1].';
%! for method = {'fast', 'naive'}
%!   m = {'SpatialDims', 1, 'Method', method{1}};
%!   y = pooling.lp_pool(x, 2, 2, m{:});
%!   assert(y, [5; 0; Inf]);
%!   assert(1 ./ y(2), Inf);
%!   assert(pooling.lp_pool(x, 1, 2, m{:}), [7; 0; 1e200 + 1]);
%!   dx = pooling.lp_pool_backward([10; 20; 40], x, 2, 2, m{:});
%!   assert(dx, [6; -8; 0; 0; 0; 0]);
%!   assert(all(1 ./ dx(dx == 0) == Inf));
%!   dx = pooling.lp_pool_backward([10; 20; 40], x, 1, 2, m{:});
%!   assert(dx, [10; -10; 0; 0; 40; 40]);
%! end

%!test  % padding is absent; overlapping windows accumulate
%! x = [-2 1 2].';
%! for method = {'fast', 'naive'}
%!   m = {'SpatialDims', 1, 'Stride', 1, 'Padding', 1, 'Method', method{1}};
%!   assert(pooling.lp_pool(x, 2, 2, m{:}), [2; sqrt(5); sqrt(5); 2]);
%!   assert(pooling.lp_pool_backward(ones(4, 1), x, 1, 2, m{:}), [-2; 2; 2]);
%! end

%!test  % row-major sum: [1 2^53; -1 0] with p = 1 sums 1, 2^53, 1 (not 1, 1, 2^53)
%! x = [1 2^53 7; -1 0 NaN];
%! for method = {'fast', 'naive'}
%!   y = pooling.lp_pool(x, 1, [2 2], 'Stride', 1, 'Method', method{1});
%!   assert(y(1), 2^53);
%!   assert(isnan(y(2)));
%!   dx = pooling.lp_pool_backward([1 1], x, 1, [2 2], 'Stride', 1, 'Method', method{1});
%!   assert(dx(:, 1:2), [1 2; -1 0]);
%!   assert(isnan(dx(2, 3)));
%! end

%!test  % integer powers by repeated squaring, 0.5 by sqrt, 1/P in class(X)
%! a = [1.1 3 1e-5];
%! assert(pooling.internal.lp_power(a, 3), a .* (a .* a));
%! assert(pooling.internal.lp_power(a, 4), (a .* a) .* (a .* a));
%! assert(pooling.internal.lp_power(a, 0), [1 1 1]);
%! assert(pooling.internal.lp_power(a, 0.5), sqrt(a));
%! x = single([3 4 1]);
%! y = pooling.lp_pool(x, 3, [1 3]);
%! assert(class(y), 'single');
%! assert(y, (single(27) + single(64) + single(1)) .^ (single(1) / single(3)));

%!test  % MATLAB layout and P of any numeric class
%! x = reshape(1:(4 * 4 * 2 * 3), [4 4 2 3]);
%! y = pooling.lp_pool(x, int8(2), 2);
%! assert(size(y), [2 2 2 3]);
%! assert(y(1, 1, 2, 3), sqrt(sum(reshape(x(1:2, 1:2, 2, 3).', 1, []) .^ 2)));

%!function args = draw_lp(g, cls, op)
%!  pool = [-0 0 1 -1 2 NaN Inf -Inf 1e200 -1e-200];
%!  x = reshape(pool(randi(numel(pool), [prod(g.n) 1])), [g.n 1]);
%!  if rand() < 0.4
%!    x = randn([g.n 1]) .* 2 .^ randi([-30 30], [g.n 1]);
%!  end
%!  x = cast(x, cls);
%!  ps = [1 2 3 4 1.5 2.5 7];
%!  p = ps(randi(numel(ps)));
%!  pad = floor(rand(2, g.r) .* g.k);
%!  opts = {'Stride', g.window{2}, 'Padding', pad, 'CeilMode', g.window{8}, 'SpatialDims', g.r};
%!  args = {x, p, g.k, opts{:}};
%!  if strcmp(op, 'backward')
%!    y = pooling.lp_pool(args{:});
%!    dy = cast(randn(size(y)) * 4, cls);
%!    dy(rand(size(dy)) < 0.2) = 0;
%!    args = [{dy}, args];
%!  end
%!endfunction

%!test  % 'fast' and 'naive' agree bit for bit
%! n = fast_matches_naive(@pooling.lp_pool, 1, 41, {'double', 'single'}, ...
%!                        {'draw_lp', 'forward'});
%! n = n + fast_matches_naive(@pooling.lp_pool_backward, 1, 42, {'double', 'single'}, ...
%!                            {'draw_lp', 'backward'});
%! assert(n > 100);

% ---- errors, in SPEC.md's order: X, options, POOL_SIZE, 'Stride', 'Padding', output size, P, DY
%!error id=pooling:badOption pooling.lp_pool(ones(5), Inf, 2)
%!error id=pooling:badOption pooling.lp_pool(ones(5), 0.5, 2)
%!error id=pooling:badOption pooling.lp_pool(ones(5), NaN, 2)
%!error id=pooling:badOption pooling.lp_pool(ones(5), true, 2)
%!error id=pooling:badOption pooling.lp_pool(ones(5), '2', 2)
%!error id=pooling:badOption pooling.lp_pool(ones(5), [2 2], 2)
%!error id=pooling:badOption pooling.lp_pool(ones(5), 2^31, 2)
%!error id=pooling:badOption pooling.lp_pool(ones(5), 2, 2, 'Dilation', 1)
%!error id=pooling:badKernel pooling.lp_pool(ones(5), 2, 0)
%!error id=pooling:badKernel pooling.lp_pool(ones(5), Inf, 0)
%!error id=pooling:badStride pooling.lp_pool(ones(5), 2, 2, 'Stride', 0)
%!error id=pooling:badPadding pooling.lp_pool(ones(5), 2, 2, 'Padding', 2)
%!error id=pooling:outputTooSmall pooling.lp_pool(ones(5), 2, 6)
%!error id=pooling:badInput pooling.lp_pool(int32(ones(5)), 2, 2)
%!error id=pooling:badOption pooling.lp_pool_backward([], ones(5), Inf, 2)
%!error id=pooling:badGradient pooling.lp_pool_backward(ones(3), ones(5), 2, 2)

%!test  % issue 15 regression: a huge padded output is pooling:tooLarge
%! big = 2^31 - 1;
%! for method = {'fast', 'naive'}
%!   try
%!     pooling.lp_pool(1, 2, big, 'Stride', 1, 'Padding', big - 1, 'SpatialDims', 3, ...
%!                     'Method', method{1});
%!     error('test:noError', 'returned');
%!   catch err
%!     assert(err.identifier, 'pooling:tooLarge');
%!   end
%! end

%!test  % issue 15 regression: a 2^31-1 kernel over one element costs what the input costs
%! big = 2^31 - 1;
%! for method = {'fast', 'naive'}
%!   for r = [1 3]
%!     m = {'Stride', big, 'Padding', big - 1, 'CeilMode', true, 'SpatialDims', r, ...
%!          'Method', method{1}};
%!     for p = [1 2]
%!       y = pooling.lp_pool(-3, p, big, m{:});
%!       assert(y, 3);
%!       dx = pooling.lp_pool_backward(8, -3, p, big, m{:});
%!       assert(dx, -8);
%!     end
%!   end
%!   y = pooling.lp_pool([1; -2], 1, 2^10, 'Stride', 1, 'Padding', 2^10 - 1, ...
%!                       'SpatialDims', 1, 'Method', method{1});
%!   assert(size(y), [2^10 + 1, 1]);
%!   assert(y, [1; 3 * ones(2^10 - 1, 1); 2]);
%! end
