% Octave tests of adaptive max and average pooling (SPEC.md section 16): the
% worked examples, the MATLAB layout and indices, classes, errors, and 'fast'
% against 'naive' on random calls. From the matlab folder:
%   addpath(pwd, fullfile(pwd, 'tests')); test tests/test_adaptive_pool.m

%!test  % SPEC.md's worked example: uneven, overlapping windows of [1 5 2 5 -0 0]
%! x = [1 5 2 5 -0 0].';
%! for method = {'fast', 'naive'}
%!   m = {'SpatialDims', 1, 'Method', method{1}};
%!   [y, idx] = pooling.adaptive_max_pool(x, 4, m{:});
%!   assert(y, [5; 5; 5; 0]);
%!   assert(idx, [2; 2; 4; 5]);
%!   assert(1 ./ y(4), -Inf);  % -0 before +0 stays -0
%!   dx = pooling.adaptive_max_pool_backward([1; 2; 4; 8], x, 4, m{:});
%!   assert(dx, [0; 3; 0; 4; 8; 0]);
%!   y = pooling.adaptive_avg_pool(x, 4, m{:});
%!   assert(y, [3; 3.5; 2.5; 0]);
%!   assert(1 ./ y(4), Inf);  % the sum starts at +0
%!   dx = pooling.adaptive_avg_pool_backward([1; 2; 4; 8], x, 4, m{:});
%!   assert(dx, [0.5; 1.5; 1; 2; 6; 4]);
%! end

%!test  % output larger than the input; the windows of L = 5, O = 7
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.adaptive_max_pool((1:5).', 7, 'SpatialDims', 1, 'Method', method{1});
%!   assert(y, [1; 2; 3; 3; 4; 5; 5]);
%!   assert(idx, y);
%!   y = pooling.adaptive_avg_pool([2 4].', 4, 'SpatialDims', 1, 'Method', method{1});
%!   assert(y, [2; 2; 4; 4]);
%! end

%!test  % 2-D: NaN propagates, the first NaN wins; 1-based linear indices into X
%! x = [1 NaN 3; NaN 7 7; 2 9 0];
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.adaptive_max_pool(x, [2 2], 'Method', method{1});
%!   assert(idx, [4 4; 2 6]);
%!   assert(isnan(y), logical([1 1; 1 0]));
%!   assert(y(2, 2), 9);
%! end

%!test  % one division by the window's count, row-major sum from +0
%! assert(pooling.adaptive_avg_pool([1 2^53 -2^53], 1, 'SpatialDims', 2), 0);
%! x = single([1 2; 3 5; 7 11]);
%! y = pooling.adaptive_avg_pool(x, [1 1]);
%! assert(class(y), 'single');
%! assert(y, single(29) / single(6));

%!test  % MATLAB layout: [spatial..., C, N], every (c, n) plane on its own
%! x = reshape(1:(6 * 5 * 2 * 3), [6 5 2 3]);
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.adaptive_max_pool(x, [4 3], 'Method', method{1});
%!   assert(size(y), [4 3 2 3]);
%!   assert(x(idx), y);
%!   y1 = pooling.adaptive_avg_pool(reshape(x, [6 5 6]), 2, 'SpatialDims', 1, ...
%!                                  'Method', method{1});
%!   assert(size(y1), [2 5 6]);
%!   assert(y1(:, 1, 1), [2; 5]);
%! end
%! assert(size(pooling.adaptive_avg_pool(zeros(4, 4, 2, 0), [2 3])), [2 3 2 0]);

%!test  % integer classes (forward max only)
%! x = int8([-128 127 5]);
%! y = pooling.adaptive_max_pool(x, [1 2]);
%! assert(class(y), 'int8');
%! assert(y, int8([127 127]));
%! y = pooling.adaptive_max_pool(intmax('uint64') - uint64([1 0 2]), 1, 'SpatialDims', 2);
%! assert(y == intmax('uint64'));

%!function args = draw_adaptive(g, cls, op)
%!  pool = [-0 0 1 -1 2 NaN Inf -Inf];
%!  x = reshape(pool(randi(numel(pool), [prod(g.n) 1])), [g.n 1]);
%!  if rand() < 0.4
%!    x = randn([g.n 1]) .* 2 .^ randi([-40 40], [g.n 1]);
%!  end
%!  x = cast(x, cls);
%!  out = randi(7, 1, g.r);
%!  args = {x, out, 'SpatialDims', g.r};
%!  if strcmp(op, 'backward')
%!    sz = [out, g.n(g.r + 1:end)];
%!    dy = cast(2 .^ randi([-8 8], [sz 1]) .* sign(randn([sz 1])), cls);
%!    args = [{dy}, args];
%!  end
%!endfunction

%!function args = draw_integer(g, cls)
%!  args = draw_adaptive(g, 'double', 'forward');
%!  args{1} = cast(round(args{1}(:)), cls);
%!  args{1} = reshape(args{1}, [g.n 1]);
%!endfunction

%!test  % 'fast' and 'naive' agree bit for bit: NaN, signed zero, ties, wide magnitudes
%! n = fast_matches_naive(@pooling.adaptive_max_pool, 2, 31, {'double', 'single'}, ...
%!                        {'draw_adaptive', 'forward'});
%! n = n + fast_matches_naive(@pooling.adaptive_max_pool, 2, 32, {'int8', 'uint64'}, ...
%!                            'draw_integer');
%! n = n + fast_matches_naive(@pooling.adaptive_avg_pool, 1, 33, {'double', 'single'}, ...
%!                            {'draw_adaptive', 'forward'});
%! n = n + fast_matches_naive(@pooling.adaptive_max_pool_backward, 1, 34, ...
%!                            {'double', 'single'}, {'draw_adaptive', 'backward'});
%! n = n + fast_matches_naive(@pooling.adaptive_avg_pool_backward, 1, 35, ...
%!                            {'double', 'single'}, {'draw_adaptive', 'backward'});
%! assert(n, 400);

% ---- errors, in SPEC.md's order: X, options, OUTPUT_SIZE, DY
%!error id=pooling:badOutputSize pooling.adaptive_max_pool(ones(5, 1), 0, 'SpatialDims', 1)
%!error id=pooling:badOutputSize pooling.adaptive_avg_pool(ones(5, 1), -1, 'SpatialDims', 1)
%!error id=pooling:badOutputSize pooling.adaptive_avg_pool(ones(5, 1), 1.5, 'SpatialDims', 1)
%!error id=pooling:badOutputSize pooling.adaptive_avg_pool(ones(5, 1), [2 2], 'SpatialDims', 1)
%!error id=pooling:badOutputSize pooling.adaptive_avg_pool(ones(5, 1), true, 'SpatialDims', 1)
%!error id=pooling:badOutputSize pooling.adaptive_avg_pool(ones(5, 1), 2^31, 'SpatialDims', 1)
%!error id=pooling:badOutputSize pooling.adaptive_avg_pool(ones(5, 1))
%!error id=pooling:badOutputSize pooling.adaptive_avg_pool_backward(1, ones(5), 0)
%!error id=pooling:badOption pooling.adaptive_avg_pool(ones(5, 1), 2, 'Stride', 1)
%!error id=pooling:badOption pooling.adaptive_avg_pool(ones(5, 1), 0, 'Method', 'slow')
%!error id=pooling:badInput pooling.adaptive_avg_pool(int8(ones(5, 1)), 2, 'SpatialDims', 1)
%!error id=pooling:badInput pooling.adaptive_max_pool_backward(1, int8(ones(5, 1)), 2)
%!error id=pooling:badInput pooling.adaptive_max_pool({1}, 0)
%!error id=pooling:badGradient pooling.adaptive_avg_pool_backward(ones(3), ones(5), 2)
%!error id=pooling:badGradient pooling.adaptive_max_pool_backward(single(ones(2)), ones(5), 2)

%!test  % issue 15 regression: a huge OUTPUT_SIZE is pooling:tooLarge, before allocating
%! big = 2^31 - 1;
%! for method = {'fast', 'naive'}
%!   m = {'Method', method{1}};
%!   calls = {@() pooling.adaptive_avg_pool(ones(4, 4), [big big], m{:}), ...
%!            @() pooling.adaptive_max_pool(ones(4, 4), [big big], m{:}), ...
%!            @() pooling.adaptive_max_pool(ones(4, 4, 'int8'), [big 2], m{:}), ...
%!            @() pooling.adaptive_avg_pool_backward(1, ones(4, 4), [big big], m{:}), ...
%!            @() pooling.adaptive_max_pool_backward(1, ones(4, 4), [big big], m{:}), ...
%!            @() pooling.adaptive_avg_pool(ones(4, 2, 0), big, 'SpatialDims', 1, m{:}), ...
%!            @() pooling.adaptive_max_pool(1, [2 2^30 2], 'SpatialDims', 3, m{:})};
%!   for c = 1:numel(calls)
%!     try
%!       calls{c}();
%!       error('test:noError', 'call %d returned', c);
%!     catch err
%!       assert(err.identifier, 'pooling:tooLarge');
%!     end
%!   end
%! end
