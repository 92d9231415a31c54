% Octave tests of pooling.max_pool: what the golden fixtures cannot check (SpatialDims,
% trailing singletons, classes, NaN payloads, name-value parsing, 1-based indices, the
% MATLAB-side errors), and 'fast' against 'naive' on random calls. From the matlab folder:
%   addpath(pwd, fullfile(pwd, 'tests')); test tests/test_max_pool.m
%   addpath(pwd, fullfile(pwd, 'tests')); test tests/test_max_pool.m

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

%!test  % a NaN payload survives: y is the selected element itself
%! nan_bits = typecast(uint64(hex2dec('7FF8000000000123')), 'double');
%! x = [1 nan_bits; 5 NaN];
%! for method = {'fast', 'naive'}
%!   y = pooling.max_pool(x, 2, 'Method', method{1});
%!   assert(typecast(y, 'uint64'), typecast(nan_bits, 'uint64'));
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
%! % Any numeric class for the sizes, a column as well as a row, and numeric
%! % 0 or 1 for a flag: MATLAB code writes these (Python refuses them).
%! assert(pooling.max_pool(x, single([2; 2]), 'Dilation', uint8(1)), pooling.max_pool(x, 2));
%! assert(pooling.max_pool(x, 3, 'Stride', 2, 'CeilMode', 1), ...
%!        pooling.max_pool(x, 3, 'Stride', 2, 'CeilMode', true));
%! assert(pooling.max_pool(x, 2, 'ceilmode', 0, 'Padding', 'SAME', 'spatialdims', 2), ...
%!        pooling.max_pool(x, 2, 'Padding', 'same'));
%! assert(pooling.max_pool(x, 2, 'Padding', 'VALID'), pooling.max_pool(x, 2));

%!function args = draw_max_pool(g, cls)
%!  pool = [-0 0 1 -1 2 NaN Inf -Inf];
%!  if rand() < 0.5
%!    pool = pool(~isnan(pool));
%!  end
%!  x = reshape(pool(randi(numel(pool), [g.n 1])), [g.n 1]);
%!  xc = cast(x, cls);
%!  if isinteger(xc)
%!    % Ties between the extremes, which no float sentinel can stand for.
%!    xc = cast(sign(x), cls);
%!    xc(x == Inf) = intmax(cls);
%!    xc(x == -Inf) = intmin(cls);
%!  end
%!  args = [{xc, g.k}, g.window];
%!endfunction

%!test  % 'fast' and 'naive' agree bit for bit: ties, signed zero, NaN, Inf, every class
%! classes = {'double', 'single', 'int8', 'uint16', 'int64'};
%! n = fast_matches_naive(@pooling.max_pool, 2, 42, classes, 'draw_max_pool');
%! assert(n > 100);

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
%!error <POOL_SIZE must be a scalar or a vector of R = 2 elements>
%! pooling.max_pool(ones(4), reshape([2 2], 1, 1, 2))
%!error <POOL_SIZE must be at most 2\^31-1 = 2147483647> pooling.max_pool(ones(4), 2^31)
%!error id=pooling:badKernel pooling.max_pool(ones(4), int64(2)^40)
%!error id=pooling:badKernel pooling.max_pool(ones(4), [2 2 2], 'SpatialDims', 2)
%!error id=pooling:badKernel pooling.max_pool(ones(4), 0, 'Stride', 0)
%!error <'Stride' must be positive integers.*got \[0 2\]>
%! pooling.max_pool(ones(4), 2, 'Stride', [0 2])
%!error id=pooling:badStride pooling.max_pool(ones(4), 2, 'Stride', [1 1 1])
%!error id=pooling:badStride pooling.max_pool(ones(4), 2, 'Stride', ones(1, 1, 2))
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
%!error id=pooling:badDilation pooling.max_pool(ones(4), 2, 'Dilation', ones(1, 1, 2))
%!error id=pooling:badPadding pooling.max_pool(ones(4), 2, 'Padding', ones(1, 1, 2))
%!error id=pooling:badDilation pooling.max_pool(ones(4), 2, 'Padding', 2, 'Dilation', 0)
%!error id=pooling:outputTooSmall pooling.max_pool(ones(1, 4), 2)
%!error id=pooling:outputTooSmall pooling.max_pool(ones(4), 3, 'Dilation', 2)
%!error id=pooling:emptyWindow
%! pooling.max_pool(5, 2, 'Stride', 1, 'Dilation', 3, 'Padding', 2, 'SpatialDims', 1)
%!error <output position 1 along spatial dimension 1>
%! pooling.max_pool(5, 2, 'Stride', 1, 'Dilation', 3, 'Padding', 2, 'SpatialDims', 1)
%!error id=pooling:emptyWindow
%! pooling.max_pool(5, 2, 'Dilation', 3, 'Padding', 2, 'SpatialDims', 1, 'Method', 'naive')
