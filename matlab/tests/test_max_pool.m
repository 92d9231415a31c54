% ---- pooling.max_pool

%!test  % the worked example of SPEC.md section 5
%! x = [1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4];
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.max_pool(x, 2, 'Method', method{1});
%!   assert(y, [6 8; 3 4]);
%!   assert(idx, [6 14; 3 16]);
%!   assert(class(idx), 'double');
%!   [y, idx] = pooling.max_pool(single(x), [2 2], 'Method', method{1});
%!   assert(y, single([6 8; 3 4]));
%!   assert(idx, [6 14; 3 16]);
%! end

%!test  % ties go to the first element in row-major order, not column-major
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.max_pool([3 7; 7 1], 2, 'Method', method{1});
%!   assert(y, 7);
%!   assert(idx, 3);
%!   [~, idx] = pooling.max_pool(ones(2, 2, 2), [2 2 2], 'Method', method{1});
%!   assert(idx, 1);
%! end

%!test  % signed zero: +0 > -0 is false, so the first zero stays
%! for method = {'fast', 'naive'}
%!   y = pooling.max_pool([-0 0], [1 2], 'Method', method{1});
%!   assert(1 ./ y, -Inf);
%!   y = pooling.max_pool([0 -0], [1 2], 'Method', method{1});
%!   assert(1 ./ y, Inf);
%!   y = pooling.max_pool(single([-0; 0]), 2, 'SpatialDims', 1, 'Method', method{1});
%!   assert(1 ./ y, single(-Inf));
%! end

%!test  % NaN propagates and the first NaN wins; -Inf needs no sentinel
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.max_pool([1 NaN 5 NaN], [1 4], 'Method', method{1});
%!   assert(isnan(y));
%!   assert(idx, 2);
%!   [y, idx] = pooling.max_pool([NaN NaN], [1 2], 'Method', method{1});
%!   assert(isnan(y));
%!   assert(idx, 1);
%!   [y, idx] = pooling.max_pool([-Inf -Inf], [1 2], 'Method', method{1});
%!   assert(y, -Inf);
%!   assert(idx, 1);
%! end

%!test  % a NaN payload survives: y is the selected element itself
%! nan_bits = typecast(uint64(hex2dec('7FF8000000000123')), 'double');
%! x = [1 nan_bits; 5 NaN];
%! for method = {'fast', 'naive'}
%!   y = pooling.max_pool(x, 2, 'Method', method{1});
%!   assert(typecast(y, 'uint64'), typecast(nan_bits, 'uint64'));
%! end

%!test  % padding is absent, never a value(SPEC.md section 4)
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.max_pool([-5; -7], 2, 'Stride', 2, 'Padding', 1, ...
%!                               'SpatialDims', 1, 'Method', method{1});
%!   assert(y, [-5; -7]);
%!   assert(idx, [1; 2]);
%!   [y, idx] = pooling.max_pool(-[1 2 3; 4 5 6; 7 8 9], [2 2], 'Stride', 1, ...
%!                               'Padding', [1 0; 0 1], 'Method', method{1});
%!   assert(y, -[1 2 3; 1 2 3; 4 5 6]);
%!   assert(idx, [1 4 7; 1 4 7; 2 5 8]);
%! end

%!test  % output sizes: the table of SPEC.md section 3 (k = 2, s = 2)
%! cases = {4, 0, false, 2; 5, 0, false, 2; 5, 0, true, 3; 4, 1, true, 3; 3, 1, true, 2};
%! for i = 1:size(cases, 1)
%!   [n, pad, ceil_mode, expected] = cases{i, :};
%!   x = (1:n).';
%!   for method = {'fast', 'naive'}
%!     [y, idx] = pooling.max_pool(x, 2, 'Padding', pad, 'CeilMode', ceil_mode, ...
%!                                 'SpatialDims', 1, 'Method', method{1});
%!     assert(size(y), [expected 1]);
%!     assert(y, x(idx));
%!   end
%! end
%! y = pooling.max_pool((1:5).', 2, 'CeilMode', 1, 'SpatialDims', 1);
%! assert(y, [2; 4; 5]);
%! y = pooling.max_pool([-1; -2; -3], 2, 'Padding', 1, 'CeilMode', true, 'SpatialDims', 1);
%! assert(y, [-1; -2]);

%!test  % 'same' and 'valid' padding (SPEC.md section 4.1): in = 5, k = 2, s = 2 gives 3
%! x = [3; 1; 4; 1; 5];
%! for method = {'fast', 'naive'}
%!   o = {'SpatialDims', 1, 'Method', method{1}};
%!   % pb = 0, pa = 1: windows {3, 1}, {4, 1}, {5, pad}.
%!   [y, idx] = pooling.max_pool(x, 2, 'Padding', 'same', o{:});
%!   assert(y, [3; 4; 5]);
%!   assert(idx, [1; 3; 5]);
%!   [y, idx] = pooling.max_pool(-x, 2, 'Padding', 'Same', 'CeilMode', true, o{:});
%!   assert(y, [-1; -1; -5]);
%!   assert(idx, [2; 4; 5]);
%!   assert(pooling.max_pool(x, 2, 'Padding', 'VALID', o{:}), [3; 4]);
%!   % total = (3-1)*1 + 3 - 3 = 2 with s = 1, e = 3: pb = pa = 1; and with
%!   % k = 3, d = 2 (e = 5), s = 2 on in = 6: total = 2*2 + 5 - 6 = 3, pb = 1, pa = 2.
%!   y = pooling.max_pool([1 2 3; 4 5 6; 7 8 9], 3, 'Stride', 1, 'Padding', 'same', ...
%!                        'Method', method{1});
%!   assert(y, [5 6 6; 8 9 9; 8 9 9]);
%!   [y, idx] = pooling.max_pool((1:6).', 3, 'Dilation', 2, 'Stride', 2, 'Padding', 'same', o{:});
%!   assert(y, [4; 6; 6]);
%!   assert(idx, [4; 6; 6]);
%! end

%!test  % integer classes: exact at each type's extremes, Y keeps the class, IDX is double
%! types = {'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'};
%! for i = 1:numel(types)
%!   lo = intmin(types{i});
%!   hi = intmax(types{i});
%!   % Integer-only arithmetic: no double literal in the 64-bit types.
%!   one = cast(1, types{i});
%!   x = [lo, hi - one, hi, hi; lo, lo + one, lo, hi - one];
%!   for method = {'fast', 'naive'}
%!     [y, idx] = pooling.max_pool(x, 2, 'Method', method{1});
%!     assert(class(y), types{i});
%!     assert(class(idx), 'double');
%!     assert(all(y == [hi - one, hi]));
%!     assert(idx, [3 5]);
%!     % Padding never shows: an all-intmin window gives intmin, not 0.
%!     y = pooling.max_pool([lo; lo], 2, 'Padding', 1, 'SpatialDims', 1, 'Method', method{1});
%!     assert(all(y == [lo; lo]));
%!     [y, idx] = pooling.max_pool([hi, hi - one, hi], [1 2], 'Stride', 1, ...
%!                                 'Padding', [0 0; 0 1], 'Method', method{1});
%!     assert(all(y == [hi, hi, hi]));
%!     assert(idx, [1 3 3]);
%!   end
%! end

%!test  % dilation: k = 3, d = 2, s = 2, pb = 1: output 1 (0-based) reads positions 1, 3, 5
%! x = [9 1 8 2 7 3 6 4 5 0].';
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.max_pool(x, 3, 'Dilation', 2, 'Stride', 2, 'Padding', 1, ...
%!                               'SpatialDims', 1, 'Method', method{1});
%!   assert(y, [2; 3; 4; 4]);
%!   assert(idx, [4; 6; 8; 8]);
%! end

%!test  % channels and batch are pooled plane by plane; r = 1 and r = 3
%! x = reshape(1:(4 * 4 * 3 * 2), [4 4 3 2]);
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.max_pool(x, 2, 'Method', method{1});
%!   assert(size(y), [2 2 3 2]);
%!   assert(y, x(idx));
%!   assert(y(:, :, 2, 2), x([2 4], [2 4], 2, 2));
%!   [y, idx] = pooling.max_pool(x, [2 2 2], 'Method', method{1});
%!   assert(size(y), [2 2 1 2]);
%!   assert(y, x(idx));
%!   assert(y(:, :, 1, 2), x([2 4], [2 4], 2, 2));
%!   y = pooling.max_pool(x(:, :, 1, 1), 2, 'SpatialDims', 1, 'Method', method{1});
%!   assert(y, x([2 4], :, 1, 1));
%! end
%! % An empty batch is accepted (SPEC.md section 12).
%! y = pooling.max_pool(zeros(4, 4, 3, 0), 2);
%! assert(size(y), [2 2 3 0]);
%! [y, idx] = pooling.max_pool(zeros(4, 4, 3, 0), 2, 'Method', 'naive');
%! assert(size(y), [2 2 3 0]);
%! assert(size(idx), [2 2 3 0]);

%!test  % option names are case-insensitive; the last of a repeated option wins
%! x = magic(6);
%! assert(pooling.max_pool(x, 3, 'stride', 1, 'PADDING', 1, 'method', 'NAIVE'), ...
%!         pooling.max_pool(x, 3, 'Stride', 1, 'Padding', 1));
%! assert(pooling.max_pool(x, 2, 'Stride', 1, 'Stride', 2), pooling.max_pool(x, 2));
%! assert(pooling.max_pool(x, int8(2), 'Stride', uint16([2 2])), pooling.max_pool(x, 2));

%!test  % 'fast' and 'naive' agree bit for bit on random tie-heavy input with specials
%! state = rand('twister');
%! rand('twister', 42);
%! pool = [-0 0 1 -1 2 NaN Inf -Inf];
%! for trial = 1:60
%!   r = randi(3);
%!   k = randi(3, 1, r);
%!   d = randi(2, 1, r);
%!   e = d .* (k - 1) + 1;
%!   pad = floor(rand(2, r) .* e);
%!   n = [max(e + randi(5, 1, r) - 2, 1), randi(2), randi(2)];
%!   opts = {'Stride', randi(3, 1, r), 'Padding', pad, 'Dilation', d, ...
%!           'CeilMode', rand() < 0.5, 'SpatialDims', r};
%!   for cls = {'double', 'single'}
%!     x = cast(pool(randi(numel(pool), [n 1])), cls{1});
%!     try
%!       [y1, i1] = pooling.max_pool(x, k, opts{:}, 'Method', 'fast');
%!     catch err
%!       assert(any(strcmp(err.identifier, {'pooling:outputTooSmall', 'pooling:emptyWindow'})));
%!       continue
%!     end
%!     [y2, i2] = pooling.max_pool(x, k, opts{:}, 'Method', 'naive');
%!     u = 'uint64';
%!     if strcmp(cls{1}, 'single')
%!       u = 'uint32';
%!     end
%!     assert(class(y1), cls{1});
%!     assert(size(y1), size(y2));
%!     assert(typecast(y1(:), u), typecast(y2(:), u));
%!     assert(i1, i2);
%!     selected = x(i1);
%!     assert(typecast(selected(:), u), typecast(y1(:), u));
%!   end
%! end
%! rand('twister', state);

%!test  % 'fast' and 'naive' agree bit for bit without NaN (no NaN pass) and for integers
%! state = rand('twister');
%! rand('twister', 43);
%! pools = {[-0 0 1 -1 2 Inf -Inf], [-0 0], [-0 0 -1 -Inf]};
%! for trial = 1:60
%!   r = randi(3);
%!   k = randi(3, 1, r);
%!   d = randi(2, 1, r);
%!   e = d .* (k - 1) + 1;
%!   pad = floor(rand(2, r) .* e);
%!   n = [max(e + randi(5, 1, r) - 2, 1), randi(3), randi(2)];
%!   opts = {'Stride', randi(3, 1, r), 'Padding', pad, 'Dilation', d, ...
%!           'CeilMode', rand() < 0.5, 'SpatialDims', r};
%!   pool = pools{randi(numel(pools))};
%!   x = reshape(pool(randi(numel(pool), [n 1])), [n 1]);
%!   for cls = {'double', 'single', 'int8', 'uint16', 'int64'}
%!     xc = cast(x, cls{1});
%!     if isinteger(xc)
%!       % Ties between the extremes, which no float sentinel can stand for.
%!       xc = cast(sign(x), cls{1});
%!       xc(x == Inf) = intmax(cls{1});
%!       xc(x == -Inf) = intmin(cls{1});
%!     end
%!     try
%!       [y1, i1] = pooling.max_pool(xc, k, opts{:}, 'Method', 'fast');
%!     catch err
%!       assert(any(strcmp(err.identifier, {'pooling:outputTooSmall', 'pooling:emptyWindow'})));
%!       continue
%!     end
%!     y0 = pooling.max_pool(xc, k, opts{:}, 'Method', 'fast');
%!     [y2, i2] = pooling.max_pool(xc, k, opts{:}, 'Method', 'naive');
%!     assert(class(y1), cls{1});
%!     assert(i1, i2);
%!     if isfloat(xc)
%!       u = 'uint64';
%!       if strcmp(cls{1}, 'single')
%!         u = 'uint32';
%!       end
%!       assert(typecast(y1(:), u), typecast(y2(:), u));
%!       assert(typecast(y0(:), u), typecast(y2(:), u));
%!     else
%!       assert(y1, y2);
%!       assert(y0, y2);
%!     end
%!   end
%! end
%! rand('twister', state);

%!error <X is required> pooling.max_pool()
%!error id=pooling:badInput pooling.max_pool(true(4), 2)
%!error id=pooling:badInput pooling.max_pool('abcd', 2)
%!error id=pooling:badInput pooling.max_pool(complex(ones(4)), 2)
%!error id=pooling:badInput pooling.max_pool(sparse(ones(4)), 2)
%!error id=pooling:badInput pooling.max_pool({1}, 2)
%!error <got a 4x4 logical array> pooling.max_pool(true(4), 2)
%!error id=pooling:badInput pooling.max_pool(ones(2, 2, 2, 2, 2), 2)
%!error id=pooling:badInput pooling.max_pool(ones(2, 2, 2, 2), 2, 'SpatialDims', 1)
%!error id=pooling:badInput pooling.max_pool(true(4), 0, 'Bogus', 1)
%!error id=pooling:badInput pooling.max_pool([], 2)
%!error <must not be empty along C> pooling.max_pool(zeros(4, 4, 0, 2), 2)
%!error <must not be empty along spatial dimension 2> pooling.max_pool(zeros(4, 0, 2), 2)
%!error id=pooling:badInput pooling.max_pool(zeros(0, 4, 2), 0)
%!error id=pooling:badOption pooling.max_pool(ones(4), 2, 'Bogus', 1)
%!error id=pooling:badOption pooling.max_pool(ones(4), 2, 'Stride')
%!error id=pooling:badOption pooling.max_pool(ones(4), 2, 3, 1)
%!error id=pooling:badOption pooling.max_pool(ones(4), 2, 'CeilMode', 2)
%!error id=pooling:badOption pooling.max_pool(ones(4), 2, 'CeilMode', 'true')
%!error id=pooling:badOption pooling.max_pool(ones(4), 2, 'CeilMode', [1 0])
%!error id=pooling:badOption pooling.max_pool(ones(4), 2, 'Method', 'slow')
%!error id=pooling:badOption pooling.max_pool(ones(4), 2, 'SpatialDims', 4)
%!error id=pooling:badOption pooling.max_pool(ones(4), 0, 'Method', 1)
%!error <got \[\]> pooling.max_pool(ones(4))
%!error id=pooling:badKernel pooling.max_pool(ones(4), 0)
%!error id=pooling:badKernel pooling.max_pool(ones(4), 1.5)
%!error id=pooling:badKernel pooling.max_pool(ones(4), NaN)
%!error id=pooling:badKernel pooling.max_pool(ones(4), Inf)
%!error id=pooling:badKernel pooling.max_pool(ones(4), true)
%!error id=pooling:badKernel pooling.max_pool(ones(4), '2')
%!error id=pooling:badKernel pooling.max_pool(ones(4), [2 2 2 2])
%!error <POOL_SIZE must be at most 2\^31-1 = 2147483647> pooling.max_pool(ones(4), 2^31)
%!error id=pooling:badKernel pooling.max_pool(ones(4), int64(2)^40)
%!error id=pooling:badKernel pooling.max_pool(ones(4), [2 2 2], 'SpatialDims', 2)
%!error id=pooling:badKernel pooling.max_pool(ones(4), 0, 'Stride', 0)
%!error <'Stride' must be positive integers.*got \[0 2\]>
%! pooling.max_pool(ones(4), 2, 'Stride', [0 2])
%!error id=pooling:badStride pooling.max_pool(ones(4), 2, 'Stride', [1 1 1])
%!error id=pooling:badStride pooling.max_pool(ones(4), 2, 'Stride', [1 2^31])
%!error id=pooling:badStride pooling.max_pool(ones(4), 2, 'Stride', 0, 'Padding', -1)
%!error id=pooling:badPadding pooling.max_pool(ones(4), 2, 'Padding', -1)
%!error id=pooling:badPadding pooling.max_pool(ones(4), 2, 'Padding', 0.5)
%!error id=pooling:badPadding pooling.max_pool(ones(4), 2, 'Padding', [1 1 1])
%!error id=pooling:badPadding pooling.max_pool(ones(4), 2, 'Padding', [1; 1])
%!error id=pooling:badPadding pooling.max_pool(ones(4), 2, 'Padding', ones(3, 2))
%!error <at most E-1 = 1> pooling.max_pool(ones(4), 2, 'Padding', 2)
%!error id=pooling:badPadding pooling.max_pool(ones(4), 2, 'Padding', [0 0; 0 2])
%!error id=pooling:badPadding pooling.max_pool(ones(4), 2, 'Padding', 2^31, 'Dilation', 2^30)
%!error id=pooling:badPadding pooling.max_pool(ones(4), 2, 'Padding', -1, 'Dilation', 0)
%!error id=pooling:badDilation pooling.max_pool(ones(4), 2, 'Dilation', 0)
%!error id=pooling:badDilation pooling.max_pool(ones(4), 2, 'Dilation', 2^31)
%!error id=pooling:badDilation pooling.max_pool(ones(4), 2, 'Padding', 2, 'Dilation', 0)
%!error id=pooling:outputTooSmall pooling.max_pool(ones(1, 4), 2)
%!error id=pooling:outputTooSmall pooling.max_pool(ones(4), 3, 'Dilation', 2)
%!error id=pooling:emptyWindow
%! pooling.max_pool(5, 2, 'Stride', 1, 'Dilation', 3, 'Padding', 2, 'SpatialDims', 1)
%!error <output position 1 along spatial dimension 1>
%! pooling.max_pool(5, 2, 'Stride', 1, 'Dilation', 3, 'Padding', 2, 'SpatialDims', 1)
%!error id=pooling:emptyWindow
%! pooling.max_pool(5, 2, 'Dilation', 3, 'Padding', 2, 'SpatialDims', 1, 'Method', 'naive')

% ---- pooling.max_pool_backward

%!test  % the worked example: each gradient goes to its window's maximum
%! x = [1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4];
%! for method = {'fast', 'naive'}
%!   dx = pooling.max_pool_backward([1 2; 3 4], x, 2, 'Method', method{1});
%!   assert(dx, [0 0 0 0; 0 1 0 2; 3 0 0 0; 0 0 0 4]);
%!   assert(1 ./ dx(dx == 0), Inf(12, 1));
%!   dx = pooling.max_pool_backward(single([1 2; 3 4]), single(x), 2, 'Method', method{1});
%!   assert(dx, single([0 0 0 0; 0 1 0 2; 3 0 0 0; 0 0 0 4]));
%! end

%!test  % the order of additions is fixed (SPEC.md section 7, backward-order)
%! % Three overlapping windows select x(3); in ascending output order
%! % ((0 + 1) + 2^53) - 2^53 is 0, while the reverse order would give 1.
%! x = [1; 2; 9; 3; 4];
%! dy = [1; 2^53; -2^53];
%! for method = {'fast', 'naive'}
%!   dx = pooling.max_pool_backward(dy, x, 3, 'Stride', 1, 'SpatialDims', 1, ...
%!                                  'Method', method{1});
%!   assert(dx, [0; 0; 0; 0; 0]);
%!   dx = pooling.max_pool_backward(flipud(dy), x, 3, 'Stride', 1, 'SpatialDims', 1, ...
%!                                  'Method', method{1});
%!   assert(dx, [0; 0; 1; 0; 0]);
%! end
%! % The same in two dimensions: the outputs are ordered row-major.
%! x = zeros(3, 3);
%! x(2, 2) = 1;
%! dy = [1 2^53; -2^53 0];
%! for method = {'fast', 'naive'}
%!   dx = pooling.max_pool_backward(dy, x, 2, 'Stride', 1, 'Method', method{1});
%!   assert(dx(2, 2), 0);
%!   dx = pooling.max_pool_backward(dy.', x, 2, 'Stride', 1, 'Method', method{1});
%!   assert(dx(2, 2), 1);
%! end

%!test  % a tie routes the whole gradient to the first element in row-major order
%! for method = {'fast', 'naive'}
%!   dx = pooling.max_pool_backward(5, [3 7; 7 1], 2, 'Method', method{1});
%!   assert(dx, [0 5; 0 0]);
%!   dx = pooling.max_pool_backward(5, [1 NaN; NaN 1], 2, 'Method', method{1});
%!   assert(dx, [0 5; 0 0]);
%! end

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

%!test  % 'same' padding: in = 5, k = 2, s = 2 gives 3 outputs
%! for method = {'fast', 'naive'}
%!   dx = pooling.max_pool_backward([1; 2; 4], [3; 1; 4; 1; 5], 2, 'Padding', 'same', ...
%!                                  'SpatialDims', 1, 'Method', method{1});
%!   assert(dx, [1; 0; 2; 0; 4]);
%! end

%!test  % a DY with its trailing singleton dimensions dropped is accepted
%! x = ones(4, 4, 1, 1);
%! dx = pooling.max_pool_backward(ones(2, 2), x, [2 2], 'SpatialDims', 2);
%! assert(size(dx), [4 4]);
%! dx = pooling.max_pool_backward(ones(2, 1), ones(4, 1), 2, 'SpatialDims', 1);
%! assert(dx, [1; 0; 1; 0]);

%!test  % 'fast' and 'naive' agree bit for bit on random tie-heavy input with specials
%! state = rand('twister');
%! rand('twister', 7);
%! pool = [-0 0 1 -1 2 NaN Inf -Inf];
%! for trial = 1:60
%!   r = randi(3);
%!   k = randi(3, 1, r);
%!   d = randi(2, 1, r);
%!   e = d .* (k - 1) + 1;
%!   pad = floor(rand(2, r) .* e);
%!   n = [max(e + randi(5, 1, r) - 2, 1), randi(2), randi(2)];
%!   % Strides below the kernel size overlap the windows, so gradients collide.
%!   opts = {'Stride', randi(2, 1, r), 'Padding', pad, 'Dilation', d, ...
%!           'CeilMode', rand() < 0.5, 'SpatialDims', r};
%!   for cls = {'double', 'single'}
%!     x = cast(pool(randi(numel(pool), [n 1])), cls{1});
%!     try
%!       y = pooling.max_pool(x, k, opts{:});
%!     catch err
%!       assert(any(strcmp(err.identifier, {'pooling:outputTooSmall', 'pooling:emptyWindow'})));
%!       continue
%!     end
%!     % Wide-ranging values of both signs make the rounding depend on the order.
%!     dy = cast(randn(size(y)) .* 2 .^ randi([-30 30], size(y)), cls{1});
%!     dy(rand(size(dy)) < 0.1) = -0;
%!     dx1 = pooling.max_pool_backward(dy, x, k, opts{:}, 'Method', 'fast');
%!     dx2 = pooling.max_pool_backward(dy, x, k, opts{:}, 'Method', 'naive');
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
