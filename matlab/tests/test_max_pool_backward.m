% Octave tests of pooling.max_pool_backward: what the golden fixtures cannot check
% (trailing singletons, classes, the MATLAB-side errors, saved indices), and 'fast'
% against 'naive' on random calls. From the matlab folder:
%   addpath(pwd, fullfile(pwd, 'tests')); test tests/test_max_pool_backward.m

% ---- pooling.max_pool_backward

%!test  % padding, dilation and ceil mode, channels and batch
%! x = reshape(1:(5 * 5 * 2 * 2), [5 5 2 2]);
%! for method = {'fast', 'naive'}
%!   opts = {'Padding', 1, 'CeilMode', true, 'Dilation', [1 2], 'Stride', [2 1], ...
%!           'Method', method{1}};
%!   [y, idx] = pooling.max_pool(x, 2, opts{:});
%!   dy = reshape(2 .^ (1:numel(y)), size(y));
%!   dx = pooling.max_pool_backward(dy, x, 2, opts{:});
%!   expected = zeros(size(x));
%!   for p = 1:numel(idx)
%!     expected(idx(p)) = expected(idx(p)) + dy(p);
%!   end
%!   assert(dx, expected);
%! end

%!test  % a DY with its trailing singleton dimensions dropped is accepted
%! x = ones(4, 4, 1, 1);
%! dx = pooling.max_pool_backward(ones(2, 2), x, [2 2], 'SpatialDims', 2);
%! assert(size(dx), [4 4]);
%! dx = pooling.max_pool_backward(ones(2, 1), ones(4, 1), 2, 'SpatialDims', 1);
%! assert(dx, [1; 0; 1; 0]);

%!function args = draw_max_pool_backward(g, cls)
%!  pool = [-0 0 1 -1 2 NaN Inf -Inf];
%!  x = cast(pool(randi(numel(pool), [g.n 1])), cls);
%!  y = pooling.max_pool(x, g.k, g.window{:});
%!  % Wide-ranging values of both signs make the rounding depend on the order.
%!  dy = cast(randn(size(y)) .* 2 .^ randi([-30 30], size(y)), cls);
%!  dy(rand(size(dy)) < 0.1) = -0;
%!  args = [{dy, x, g.k}, g.window];
%!endfunction

%!test  % 'fast' and 'naive' agree bit for bit: overlapping windows, ties, wide magnitudes
%! n = fast_matches_naive(@pooling.max_pool_backward, 1, 7, {'double', 'single'}, ...
%!                        'draw_max_pool_backward');
%! assert(n > 20);

%!error id=pooling:badInput pooling.max_pool_backward(1)
%!error id=pooling:badInput pooling.max_pool_backward(ones(2), int8(ones(4)), 2)
%!error <not int8: a gradient needs floating point>
%! pooling.max_pool_backward(ones(2), int8(ones(4)), 2)
%!error id=pooling:badInput
%! pooling.max_pool_backward(ones(2), intmax('uint64') * ones(4, 'uint64'), 2)
%!error id=pooling:badInput pooling.max_pool_backward(ones(2), ones(4, 4, 2, 2, 2), 2)
%!error id=pooling:badInput pooling.max_pool_backward(ones(2, 2, 2), zeros(4, 4, 0, 1), 2)
%!error id=pooling:badOption pooling.max_pool_backward(ones(2), ones(4), 2, 'Bogus', 1)
%!error id=pooling:badOption pooling.max_pool_backward(ones(2), ones(4), 2, 'Method', 'slow')
%!error id=pooling:badKernel pooling.max_pool_backward(ones(2), ones(4))
%!error id=pooling:badKernel pooling.max_pool_backward(ones(2), ones(4), 0)
%!error id=pooling:badStride pooling.max_pool_backward(ones(2), ones(4), 2, 'Stride', 0)
%!error id=pooling:badStride pooling.max_pool_backward(ones(2), ones(4), 2, 'Stride', 2^31)
%!error id=pooling:badPadding pooling.max_pool_backward(ones(2), ones(4), 2, 'Padding', 2)
%!error id=pooling:badPadding pooling.max_pool_backward(ones(2), ones(4), 2, 'Padding', 'full')
%!error id=pooling:badDilation pooling.max_pool_backward(ones(2), ones(4), 2, 'Dilation', 0)
%!error id=pooling:outputTooSmall pooling.max_pool_backward(ones(2), ones(1, 4), 2)
%!error id=pooling:emptyWindow
%! pooling.max_pool_backward(1, 5, 2, 'Dilation', 3, 'Padding', 2, 'SpatialDims', 1)
%!error id=pooling:badGradient pooling.max_pool_backward(single(ones(2)), ones(4), 2)
%!error id=pooling:badGradient pooling.max_pool_backward(ones(2), single(ones(4)), 2)
%!error id=pooling:badGradient pooling.max_pool_backward(complex(ones(2)), ones(4), 2)
%!error id=pooling:badGradient pooling.max_pool_backward(ones(2, 3), ones(4), 2)
%!error id=pooling:badGradient pooling.max_pool_backward(ones(2, 2, 2), ones(4), 2)
%!error id=pooling:badGradient pooling.max_pool_backward(ones(1, 4), ones(4), 2)
%!error <size of the forward output, 2x2x1x1> pooling.max_pool_backward(ones(3), ones(4), 2)
%!error id=pooling:outputTooSmall pooling.max_pool_backward('dy', ones(1, 4), 2)

% ---- pooling.max_pool_backward(..., 'Indices', IDX): backward from saved indices

%!function args = draw_from_indices(g, cls)
%!  pool = [-0 0 1 -1 2 NaN Inf -Inf];
%!  x = cast(pool(randi(numel(pool), [g.n 1])), cls);
%!  [y, idx] = pooling.max_pool(x, g.k, g.window{:});
%!  dy = cast(randn(size(y)) .* 2 .^ randi([-30 30], size(y)), cls);
%!  dy(rand(size(dy)) < 0.1) = -0;
%!  % The recomputed gradient's bits, 'naive', must be the indices' bits.
%!  expected = pooling.max_pool_backward(dy, x, g.k, g.window{:}, 'Method', 'naive');
%!  got = pooling.max_pool_backward(dy, x, g.k, g.window{:}, 'Indices', int32(idx));
%!  assert(isequal(class(got), class(expected)) && isequal(size(got), size(expected)));
%!  assert(isequaln(got, expected));
%!  assert(isequal(typecast(got(~isnan(got)), 'uint8'), ...
%!                 typecast(expected(~isnan(expected)), 'uint8')));
%!  args = [{dy, x, g.k}, g.window, {'Indices', idx}];
%!endfunction

%!test  % from indices: 'fast' == 'naive' == recomputing, bit for bit (ties, NaN, +-0)
%! n = fast_matches_naive(@pooling.max_pool_backward, 1, 11, {'double', 'single'}, ...
%!                        'draw_from_indices');
%! assert(n > 20);

%!test  % overlapping windows accumulate in output order: 1 + 2^53 - 2^53 = 0 would differ
%! x = [0; 2; 1; 0];
%! [~, idx] = pooling.max_pool(x, 3, 'Stride', 1, 'SpatialDims', 1);
%! assert(idx, [2; 2]);
%! for method = {'fast', 'naive'}
%!   dx = pooling.max_pool_backward([1; 2^53], x, 3, 'Stride', 1, 'SpatialDims', 1, ...
%!                                  'Indices', idx, 'Method', method{1});
%!   assert(dx, [0; 1 + 2^53; 0; 0]);
%! end

%!test  % the gradient goes where the indices say; -0 alone still gives +0
%! x = [1; 3; 2; 0];
%! dx = pooling.max_pool_backward([-0; 1], x, 2, 'SpatialDims', 1, 'Indices', uint8([1; 3]));
%! assert(dx, [0; 0; 1; 0]);
%! assert(~any(signbit(dx)));

%!test  % an empty batch
%! dx = pooling.max_pool_backward(zeros(2, 2, 3, 0), zeros(4, 4, 3, 0), 2, ...
%!                                'Indices', zeros(2, 2, 3, 0));
%! assert(size(dx), [4 4 3 0]);

%!error id=pooling:badIndices
%! pooling.max_pool_backward(ones(2), reshape(1:16, 4, 4), 2, 'Indices', [6 14; 8 16.5])
%!error id=pooling:badIndices
%! pooling.max_pool_backward(ones(2), reshape(1:16, 4, 4), 2, 'Indices', single([6 14; 8 16]))
%!error id=pooling:badIndices
%! pooling.max_pool_backward(ones(2), reshape(1:16, 4, 4), 2, 'Indices', true(2))
%!error <size of DY, 2x2x1x1>
%! pooling.max_pool_backward(ones(2), reshape(1:16, 4, 4), 2, 'Indices', [6 14 8 16])
%!error <'Indices'\(4\) = 17 is outside its own \(c, n\) plane>
%! pooling.max_pool_backward(ones(2), reshape(1:16, 4, 4), 2, 'Indices', [6 14; 8 17])
%!error id=pooling:badIndices
%! pooling.max_pool_backward(ones(2, 2, 1, 2), ones(4, 4, 1, 2), 2, 'Indices', ...
%!                           cat(4, [6 14; 8 16], [6 14; 8 16]))
%!error <'Indices'\(3\) = 6 is not in the window of its own output position>
%! pooling.max_pool_backward(ones(2), reshape(1:16, 4, 4), 2, 'Indices', [6 6; 8 16])
%!error <'Indices'\(1\) = 2 is not in the window>
%! pooling.max_pool_backward(ones(3, 1), (1:5)', 2, 'SpatialDims', 1, 'Stride', 1, ...
%!                           'Dilation', 2, 'Indices', [2; 2; 3])
%!error id=pooling:badGradient
%! pooling.max_pool_backward(ones(3), reshape(1:16, 4, 4), 2, 'Indices', 'bad')
