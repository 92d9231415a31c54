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

%!test  % NaN, signed zero and -Inf follow the selection rule of SPEC.md section 5
%! for method = {'fast', 'naive'}
%!   [y, idx] = pooling.global_max_pool([1 NaN; 5 NaN], 'Method', method{1});
%!   assert(isnan(y));
%!   assert(idx, 3);
%!   y = pooling.global_max_pool([-0 0], 'Method', method{1});
%!   assert(1 ./ y, -Inf);
%!   y = pooling.global_max_pool(single([-Inf -Inf]), 'Method', method{1});
%!   assert(y, single(-Inf));
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

%!test  % 'fast' and 'naive' agree bit for bit: NaN, signed zero, ties, wide magnitudes
%! state = rand('twister');
%! rand('twister', 23);
%! pools = {[-0 0 1 -1 2 NaN Inf -Inf], [-0 0], [-0 0 -1 -Inf], [-0 0 NaN]};
%! for trial = 1:40
%!   r = randi(3);
%!   n = [randi(6, 1, r), randi(4), randi(3)];
%!   pool = pools{randi(numel(pools))};
%!   x = reshape(pool(randi(numel(pool), [n 1])), [n 1]);
%!   if rand() < 0.3
%!     x = randn([n 1]) .* 2 .^ randi([-40 40], [n 1]);
%!     x(rand(size(x)) < 0.2) = -0;
%!   end
%!   for cls = {'double', 'single', 'int8', 'uint64'}
%!     if any(strcmp(cls{1}, {'int8', 'uint64'}))
%!       xc = cast(round(x(isfinite(x))), cls{1});
%!       xc = reshape(xc, [numel(xc) 1]);
%!       if isempty(xc)
%!         continue
%!       end
%!       opts = {'SpatialDims', 1};
%!     else
%!       xc = cast(x, cls{1});
%!       opts = {'SpatialDims', r};
%!     end
%!     [y1, i1] = pooling.global_max_pool(xc, opts{:}, 'Method', 'fast');
%!     y0 = pooling.global_max_pool(xc, opts{:}, 'Method', 'fast');
%!     [y2, i2] = pooling.global_max_pool(xc, opts{:}, 'Method', 'naive');
%!     assert(i1, i2);
%!     if isfloat(xc)
%!       u = 'uint64';
%!       if strcmp(cls{1}, 'single')
%!         u = 'uint32';
%!       end
%!       assert(typecast(y1(:), u), typecast(y2(:), u));
%!       assert(typecast(y0(:), u), typecast(y2(:), u));
%!     else
%!       assert(y0, y2);
%!     end
%!   end
%! end
%! rand('twister', state);

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

% ---- pooling.global_avg_pool

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

% ---- pooling.global_avg_pool_backward

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
