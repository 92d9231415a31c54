% ---- pooling.avg_pool

%!test  % the divisor table of SPEC.md section 8: x = [1 2 3 4 5], k = 2, s = 2
%! x = (1:5).';
%! for method = {'fast', 'naive'}
%!   o = {'SpatialDims', 1, 'Method', method{1}};
%!   assert(pooling.avg_pool(x, 2, 'Padding', 1, o{:}), [1/2; 5/2; 9/2]);
%!   assert(pooling.avg_pool(x, 2, 'Padding', 1, 'CountIncludePad', false, o{:}), ...
%!          [1; 5/2; 9/2]);
%!   assert(pooling.avg_pool(x, 2, 'CeilMode', true, o{:}), [3/2; 7/2; 5]);
%!   assert(pooling.avg_pool(x, 2, 'CeilMode', true, 'CountIncludePad', true, o{:}), ...
%!          [3/2; 7/2; 5]);
%!   assert(pooling.avg_pool(x, 2, 'DivisorOverride', 4, o{:}), [3/4; 7/4]);
%!   assert(pooling.avg_pool(single(x), 2, 'DivisorOverride', uint8(4), o{:}), ...
%!          single([3/4; 7/4]));
%!   y = pooling.avg_pool(x, 2, 'DivisorOverride', int64(2^31 - 1), o{:});
%!   assert(y, [3; 7] / (2^31 - 1));
%! end

%!test  % the sum runs in row-major order: [1, 2^53, -2^53] sums to exactly 0
%! for method = {'fast', 'naive'}
%!   y = pooling.avg_pool([1, 2^53, -2^53], [1 3], 'Method', method{1});
%!   assert(y, 0);
%!   % Row-major across the first dimension too: the column-major sum would be 1.
%!   y = pooling.avg_pool([1 2^53; -2^53 0], [2 2], 'Method', method{1});
%!   assert(y, 0);
%!   y = pooling.avg_pool([1 -2^53; 2^53 0], [2 2], 'Method', method{1});
%!   assert(y, 1 / 4);
%! end

%!test  % the accumulator starts at +0, so a window of -0 averages to +0
%! for method = {'fast', 'naive'}
%!   y = pooling.avg_pool([-0 -0; -0 -0], 2, 'Method', method{1});
%!   assert(1 ./ y, Inf);
%!   y = pooling.avg_pool(single([-0 -0]), [1 2], 'Method', method{1});
%!   assert(1 ./ y, single(Inf));
%! end

%!test  % one true division per window, not a multiplication by the reciprocal
%! x = reshape(0.1 * (1:81), 9, 9);
%! expected = zeros(3, 3);
%! for a = 1:3
%!   for b = 1:3
%!     acc = 0;
%!     for i = 3 * a - 2:3 * a
%!       for j = 3 * b - 2:3 * b
%!         acc = acc + x(i, j);
%!       end
%!     end
%!     expected(a, b) = acc / 9;
%!     reciprocal(a, b) = acc * (1 / 9);
%!   end
%! end
%! assert(any(expected(:) ~= reciprocal(:)));
%! for method = {'fast', 'naive'}
%!   y = pooling.avg_pool(x, 3, 'Method', method{1});
%!   assert(typecast(y(:), 'uint64'), typecast(expected(:), 'uint64'));
%! end

%!test  % 'same' and 'valid' padding (SPEC.md section 4.1): in = 5, k = 2, s = 2
%! x = (1:5).';
%! for method = {'fast', 'naive'}
%!   o = {'SpatialDims', 1, 'Method', method{1}};
%!   % 'same' gives ceil(5/2) = 3 outputs: pb = 0, pa = 1.
%!   assert(pooling.avg_pool(x, 2, 'Padding', 'same', o{:}), [3/2; 7/2; 5/2]);
%!   assert(pooling.avg_pool(x, 2, 'Padding', 'SAME', 'CountIncludePad', false, o{:}), ...
%!          [3/2; 7/2; 5]);
%!   assert(pooling.avg_pool(x, 2, 'Padding', 'valid', o{:}), [3/2; 7/2]);
%!   y = pooling.avg_pool(ones(7, 6), [3 2], 'Stride', [2 1], 'Padding', 'same', ...
%!                        'Method', method{1});
%!   assert(size(y), [4 6]);
%! end

%!test  % channels and batch pooled plane by plane; r = 3
%! x = reshape(1:(4 * 4 * 2 * 3 * 2), [4 4 2 3 2]);
%! for method = {'fast', 'naive'}
%!   y = pooling.avg_pool(x, 2, 'SpatialDims', 3, 'Method', method{1});
%!   assert(size(y), [2 2 1 3 2]);
%!   w = x(3:4, 1:2, 1:2, 2, 2);
%!   assert(y(2, 1, 1, 2, 2), sum(w(:)) / 8);
%! end

%!test  % 'fast' and 'naive' agree bit for bit: wide magnitudes, every option
%! state = rand('twister');
%! rand('twister', 11);
%! for trial = 1:40
%!   r = randi(3);
%!   k = randi(3, 1, r);
%!   d = randi(2, 1, r);
%!   e = d .* (k - 1) + 1;
%!   pad = floor(rand(2, r) .* e);
%!   if rand() < 0.2
%!     pad = 'same';
%!   end
%!   n = [max(e + randi(4, 1, r) - 2, 1), randi(2), randi(2)];
%!   override = [];
%!   if rand() < 0.25
%!     override = randi(20);
%!   end
%!   opts = {'Stride', randi(3, 1, r), 'Padding', pad, 'Dilation', d, ...
%!           'CeilMode', rand() < 0.5, 'CountIncludePad', rand() < 0.5, ...
%!           'DivisorOverride', override, 'SpatialDims', r};
%!   for cls = {'double', 'single'}
%!     % Values of both signs spanning 2^-40 to 2^40: any change in the order
%!     % of the additions changes the rounding.
%!     x = cast(randn([n 1]) .* 2 .^ randi([-40 40], [n 1]), cls{1});
%!     x(rand(size(x)) < 0.05) = -0;
%!     try
%!       y1 = pooling.avg_pool(x, k, opts{:}, 'Method', 'fast');
%!     catch err
%!       assert(any(strcmp(err.identifier, {'pooling:outputTooSmall', 'pooling:emptyWindow'})));
%!       continue
%!     end
%!     y2 = pooling.avg_pool(x, k, opts{:}, 'Method', 'naive');
%!     u = 'uint64';
%!     if strcmp(cls{1}, 'single')
%!       u = 'uint32';
%!     end
%!     assert(class(y1), cls{1});
%!     assert(size(y1), size(y2));
%!     assert(typecast(y1(:), u), typecast(y2(:), u));
%!   end
%! end
%! rand('twister', state);

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

%!test  % the divisors of SPEC.md section 8 divide the gradient
%! x = (1:5).';
%! for method = {'fast', 'naive'}
%!   o = {'SpatialDims', 1, 'Method', method{1}};
%!   dx = pooling.avg_pool_backward([4; 8; 16], x, 2, 'Padding', 1, o{:});
%!   assert(dx, [2; 4; 4; 8; 8]);
%!   dx = pooling.avg_pool_backward([4; 8; 16], x, 2, 'Padding', 1, ...
%!                                  'CountIncludePad', false, o{:});
%!   assert(dx, [4; 4; 4; 8; 8]);
%!   dx = pooling.avg_pool_backward([4; 8; 16], x, 2, 'CeilMode', true, o{:});
%!   assert(dx, [2; 2; 4; 4; 16]);
%!   dx = pooling.avg_pool_backward([4; 8], x, 2, 'DivisorOverride', 4, o{:});
%!   assert(dx, [1; 1; 2; 2; 0]);
%!   assert(1 ./ dx(5), Inf);
%!   dx = pooling.avg_pool_backward(single([4; 8; 16]), single(x), 2, 'Padding', 'same', o{:});
%!   assert(dx, single([2; 2; 4; 4; 8]));
%! end

%!test  % the order of additions is fixed: ascending output order
%! % Three overlapping windows (k = 3, s = 1) hold x(3); with divisor 1, its
%! % gradient is ((0 + 1) + 2^53) - 2^53 = 0 in ascending output order, while
%! % the reverse order would give 1. (2^53 + 1 rounds to 2^53 at x(2).)
%! x = zeros(5, 1);
%! dy = [1; 2^53; -2^53];
%! for method = {'fast', 'naive'}
%!   o = {'Stride', 1, 'DivisorOverride', 1, 'SpatialDims', 1, 'Method', method{1}};
%!   dx = pooling.avg_pool_backward(dy, x, 3, o{:});
%!   assert(dx, [1; 2^53; 0; 0; -2^53]);
%!   dx = pooling.avg_pool_backward(flipud(dy), x, 3, o{:});
%!   assert(dx(3), 1);
%! end
%! % In two dimensions the outputs are ordered row-major, not column-major.
%! for method = {'fast', 'naive'}
%!   o = {'Stride', 1, 'DivisorOverride', 1, 'Method', method{1}};
%!   dx = pooling.avg_pool_backward([1 2^53; -2^53 0], zeros(3, 3), 2, o{:});
%!   assert(dx(2, 2), 0);
%!   dx = pooling.avg_pool_backward([1 -2^53; 2^53 0], zeros(3, 3), 2, o{:});
%!   assert(dx(2, 2), 1);
%! end

%!test  % -0 gradients leave +0, and a DY with dropped trailing singletons is accepted
%! for method = {'fast', 'naive'}
%!   dx = pooling.avg_pool_backward(-0, [1 2; 3 4], 2, 'Method', method{1});
%!   assert(1 ./ dx, Inf(2, 2));
%!   dx = pooling.avg_pool_backward(ones(2, 2), ones(4, 4, 1, 1), 2, 'Method', method{1});
%!   assert(dx, ones(4) / 4);
%! end

%!test  % 'fast' and 'naive' agree bit for bit: wide magnitudes, every option
%! state = rand('twister');
%! rand('twister', 13);
%! for trial = 1:40
%!   r = randi(3);
%!   k = randi(3, 1, r);
%!   d = randi(2, 1, r);
%!   e = d .* (k - 1) + 1;
%!   pad = floor(rand(2, r) .* e);
%!   if rand() < 0.2
%!     pad = 'same';
%!   end
%!   n = [max(e + randi(4, 1, r) - 2, 1), randi(2), randi(2)];
%!   override = [];
%!   if rand() < 0.25
%!     override = randi(20);
%!   end
%!   % Strides below the kernel size overlap the windows, so shares collide.
%!   opts = {'Stride', randi(2, 1, r), 'Padding', pad, 'Dilation', d, ...
%!           'CeilMode', rand() < 0.5, 'CountIncludePad', rand() < 0.5, ...
%!           'DivisorOverride', override, 'SpatialDims', r};
%!   for cls = {'double', 'single'}
%!     x = zeros([n 1], cls{1});
%!     try
%!       y = pooling.avg_pool(x, k, opts{:});
%!     catch err
%!       assert(any(strcmp(err.identifier, {'pooling:outputTooSmall', 'pooling:emptyWindow'})));
%!       continue
%!     end
%!     % Values of both signs spanning 2^-40 to 2^40: any change in the order
%!     % of the additions changes the rounding.
%!     dy = cast(randn(size(y)) .* 2 .^ randi([-40 40], size(y)), cls{1});
%!     dy(rand(size(dy)) < 0.1) = -0;
%!     dx1 = pooling.avg_pool_backward(dy, x, k, opts{:}, 'Method', 'fast');
%!     dx2 = pooling.avg_pool_backward(dy, x, k, opts{:}, 'Method', 'naive');
%!     u = 'uint64';
%!     if strcmp(cls{1}, 'single')
%!       u = 'uint32';
%!     end
%!     assert(class(dx1), cls{1});
%!     assert(size(dx1), size(x));
%!     assert(typecast(dx1(:), u), typecast(dx2(:), u));
%!   end
%! end
%! rand('twister', state);

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
