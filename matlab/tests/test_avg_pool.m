% Octave tests of pooling.avg_pool and pooling.avg_pool_backward: what the golden fixtures
% cannot check (SpatialDims, trailing singletons, classes, NaN payloads,
% name-value parsing, 1-based indices, the MATLAB-side errors), and 'fast'
% against 'naive' on random calls. From the matlab folder:
%   addpath(pwd, fullfile(pwd, 'tests')); test tests/test_avg_pool.m

% ---- pooling.avg_pool

%!test  % 'DivisorOverride' of any integer class up to 2^31-1; 'Padding' text is case-insensitive
%! x = (1:5).';
%! for method = {'fast', 'naive'}
%!   o = {'SpatialDims', 1, 'Method', method{1}};
%!   assert(pooling.avg_pool(single(x), 2, 'DivisorOverride', uint8(4), o{:}), ...
%!          single([3/4; 7/4]));
%!   y = pooling.avg_pool(x, 2, 'DivisorOverride', int64(2^31 - 1), o{:});
%!   assert(y, [3; 7] / (2^31 - 1));
%!   assert(pooling.avg_pool(x, 2, 'DivisorOverride', zeros(0, 3), o{:}), [3/2; 7/2]);
%!   assert(pooling.avg_pool(x, 2, 'Padding', 'SAME', 'CountIncludePad', 0, o{:}), ...
%!          [3/2; 7/2; 5]);
%!   assert(pooling.avg_pool(x, 2, 'padding', 'Valid', 'countincludepad', 1, o{:}), [3/2; 7/2]);
%! end

%!test  % channels and batch pooled plane by plane; r = 3
%! x = reshape(1:(4 * 4 * 2 * 3 * 2), [4 4 2 3 2]);
%! for method = {'fast', 'naive'}
%!   y = pooling.avg_pool(x, 2, 'SpatialDims', 3, 'Method', method{1});
%!   assert(size(y), [2 2 1 3 2]);
%!   w = x(3:4, 1:2, 1:2, 2, 2);
%!   assert(y(2, 1, 1, 2, 2), sum(w(:)) / 8);
%! end

%!function args = draw_avg_pool(g, cls)
%!  % Values of both signs spanning 2^-40 to 2^40: any change in the order of
%!  % the additions changes the rounding.
%!  x = cast(randn([g.n 1]) .* 2 .^ randi([-40 40], [g.n 1]), cls);
%!  x(rand(size(x)) < 0.05) = -0;
%!  args = [{x, g.k}, g.window, g.average];
%!endfunction

%!test  % 'fast' and 'naive' agree bit for bit: wide magnitudes, every option
%! n = fast_matches_naive(@pooling.avg_pool, 1, 11, {'double', 'single'}, 'draw_avg_pool');
%! assert(n > 20);

%!error <X is required> pooling.avg_pool()
%!error <an integer average would need a rounding rule> pooling.avg_pool(int8(ones(4)), 2)
%!error id=pooling:badInput pooling.avg_pool(int8(ones(4)), 2)
%!error id=pooling:badInput pooling.avg_pool(intmax('uint64') * ones(4, 'uint64'), 2)
%!error id=pooling:badInput pooling.avg_pool(true(4), 2)
%!error id=pooling:badInput pooling.avg_pool(ones(2, 2, 2, 2, 2), 2)
%!error id=pooling:badInput pooling.avg_pool(int16(ones(4)), 2, 'Bogus', 1)
%!error id=pooling:badInput pooling.avg_pool(zeros(0, 4, 2), 2)
%!error id=pooling:badInput pooling.avg_pool(zeros(4, 4, 0), 2)
%!error id=pooling:badOption pooling.avg_pool(ones(4), 2, 'Bogus', 1)
%!error id=pooling:badOption pooling.avg_pool(ones(4), 2, 'CountIncludePad', 2)
%!error <'CountIncludePad' must be true or false>
%! pooling.avg_pool(ones(4), 2, 'CountIncludePad', 'yes')
%!error id=pooling:badOption pooling.avg_pool(ones(4), 2, 'DivisorOverride', 0)
%!error id=pooling:badOption pooling.avg_pool(ones(4), 2, 'DivisorOverride', 2.5)
%!error id=pooling:badOption pooling.avg_pool(ones(4), 2, 'DivisorOverride', [2 2])
%!error id=pooling:badOption pooling.avg_pool(ones(4), 2, 'DivisorOverride', true)
%!error <'DivisorOverride' must be at most 2\^31-1>
%! pooling.avg_pool(ones(4), 2, 'DivisorOverride', 2^31)
%!error <'DivisorOverride' must be \[\] \(none.*got -1>
%! pooling.avg_pool(ones(4), 2, 'DivisorOverride', -1)
%!error id=pooling:badOption pooling.avg_pool(ones(4), 0, 'DivisorOverride', 0)
%!error id=pooling:badKernel pooling.avg_pool(ones(4))
%!error id=pooling:badKernel pooling.avg_pool(ones(4), 1.5)
%!error id=pooling:badStride pooling.avg_pool(ones(4), 2, 'Stride', 0)
%!error id=pooling:badPadding pooling.avg_pool(ones(4), 2, 'Padding', 2)
%!error <'valid' or 'same'.*got 'full'> pooling.avg_pool(ones(4), 2, 'Padding', 'full')
%!error id=pooling:badPadding pooling.avg_pool(ones(4), 2, 'Padding', ['same'; 'same'])
%!error id=pooling:badPadding pooling.avg_pool(ones(4), 2, 'Padding', 'full', 'Dilation', 0)
%!error id=pooling:badDilation pooling.avg_pool(ones(4), 2, 'Dilation', 0)
%!error id=pooling:outputTooSmall pooling.avg_pool(ones(1, 4), 2)
%!error id=pooling:emptyWindow
%! pooling.avg_pool(5, 2, 'Stride', 1, 'Dilation', 3, 'Padding', 2, 'SpatialDims', 1)
%!error id=pooling:emptyWindow
%! pooling.avg_pool(5, 2, 'Dilation', 3, 'Padding', 'same', 'SpatialDims', 1)

% ---- pooling.avg_pool_backward

%!test  % -0 gradients leave +0, and a DY with dropped trailing singletons is accepted
%! for method = {'fast', 'naive'}
%!   dx = pooling.avg_pool_backward(-0, [1 2; 3 4], 2, 'Method', method{1});
%!   assert(1 ./ dx, Inf(2, 2));
%!   dx = pooling.avg_pool_backward(ones(2, 2), ones(4, 4, 1, 1), 2, 'Method', method{1});
%!   assert(dx, ones(4) / 4);
%! end

%!function args = draw_avg_pool_backward(g, cls)
%!  x = zeros([g.n 1], cls);
%!  y = pooling.avg_pool(x, g.k, g.window{:}, g.average{:});
%!  dy = cast(randn(size(y)) .* 2 .^ randi([-40 40], size(y)), cls);
%!  dy(rand(size(dy)) < 0.1) = -0;
%!  args = [{dy, x, g.k}, g.window, g.average];
%!endfunction

%!test  % 'fast' and 'naive' agree bit for bit: wide magnitudes, every option
%! n = fast_matches_naive(@pooling.avg_pool_backward, 1, 13, {'double', 'single'}, ...
%!                        'draw_avg_pool_backward');
%! assert(n > 20);

%!error id=pooling:badInput pooling.avg_pool_backward(1)
%!error <the gradient of a function of integers is not a useful number>
%! pooling.avg_pool_backward(ones(2), int32(ones(4)), 2)
%!error id=pooling:badInput pooling.avg_pool_backward(ones(2), uint8(ones(4)), 2)
%!error id=pooling:badInput pooling.avg_pool_backward(ones(2), ones(4, 4, 2, 2, 2), 2)
%!error id=pooling:badOption pooling.avg_pool_backward(ones(2), ones(4), 2, 'Bogus', 1)
%!error id=pooling:badOption
%! pooling.avg_pool_backward(ones(2), ones(4), 2, 'DivisorOverride', 'none')
%!error id=pooling:badKernel pooling.avg_pool_backward(ones(2), ones(4))
%!error id=pooling:badStride pooling.avg_pool_backward(ones(2), ones(4), 2, 'Stride', 0)
%!error id=pooling:badPadding pooling.avg_pool_backward(ones(2), ones(4), 2, 'Padding', 2)
%!error id=pooling:badDilation pooling.avg_pool_backward(ones(2), ones(4), 2, 'Dilation', 0)
%!error id=pooling:outputTooSmall pooling.avg_pool_backward(ones(2), ones(1, 4), 2)
%!error id=pooling:emptyWindow
%! pooling.avg_pool_backward(1, 5, 2, 'Dilation', 3, 'Padding', 2, 'SpatialDims', 1)
%!error id=pooling:badGradient pooling.avg_pool_backward(single(ones(2)), ones(4), 2)
%!error id=pooling:badGradient pooling.avg_pool_backward(int8(ones(2)), ones(4), 2)
%!error id=pooling:badGradient pooling.avg_pool_backward(ones(2, 3), ones(4), 2)
%!error <size of the forward output, 3x3>
%! pooling.avg_pool_backward(ones(2), ones(4), 2, 'Padding', 1)
