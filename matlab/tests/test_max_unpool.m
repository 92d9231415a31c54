% Octave tests of pooling.max_unpool and pooling.max_unpool_backward, the
% MATLAB side of SPEC.md section 10: round trips after max_pool with
% overlapping windows, integer and index classes, planes, NaN payloads,
% the refused calls with their identifiers, and 'fast' against 'naive' on
% random calls. From the matlab folder:
%   addpath(pwd, fullfile(pwd, 'tests')); test tests/test_max_unpool.m

%!function [x, y, idx, r, n] = draw_overlapping()
%!  % A random max_pool call whose windows overlap (stride 1, padding k/2),
%!  % over distinct values and some zeros, so one element can win twice.
%!  r = randi(3);
%!  n = [randi([2 6], 1, r), randi(2), randi(2)];
%!  x = reshape(randperm(prod(n)), [n 1]);
%!  x(rand(size(x)) < 0.3) = 0;
%!  k = randi(3, 1, r);
%!  opts = {'Stride', ones(1, r), 'Padding', floor(k / 2), 'SpatialDims', r};
%!  [y, idx] = pooling.max_pool(x, k, opts{:});
%!endfunction

% ---- pooling.max_unpool

%!test  % max_unpool after max_pool round-trips, with overlapping windows (duplicates)
%! state = rand('twister');
%! rand('twister', 17);
%! for trial = 1:20
%!   [x, y, idx, r, n] = draw_overlapping();
%!   % Distinct values in Y reveal which writer won each element.
%!   y = reshape(1:numel(y), size(y));
%!   z1 = pooling.max_unpool(y, idx, n(1:r), 'Method', 'fast');
%!   z2 = pooling.max_unpool(y, idx, n(1:r), 'Method', 'naive');
%!   assert(size(z1), size(x));
%!   assert(z1, z2);
%!   % The reference: write in ascending row-major order, one position at a time.
%!   expected = zeros(size(z1));
%!   yp = permute(y, [r:-1:1, r + 1, r + 2]);
%!   ip = permute(idx, [r:-1:1, r + 1, r + 2]);
%!   for p = 1:numel(yp)
%!     expected(ip(p)) = yp(p);
%!   end
%!   assert(z1, expected);
%! end
%! rand('twister', state);

%!test  % integer classes and index classes, exact at the extremes
%! types = {'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'};
%! for i = 1:numel(types)
%!   lo = intmin(types{i});
%!   hi = intmax(types{i});
%!   for method = {'fast', 'naive'}
%!     z = pooling.max_unpool([hi lo hi], cast([4 1 3], types{i}), [2 2], ...
%!                            'Method', method{1});
%!     assert(class(z), types{i});
%!     assert(all(all(z == [lo hi; 0 hi])));
%!   end
%! end
%! [y, idx] = pooling.max_pool(intmax('uint64') - uint64([3 0; 1 2]), 2);
%! z = pooling.max_unpool(y, idx, [2 2]);
%! assert(all(all(z == [0 intmax('uint64'); 0 0])));
%! [y, idx] = pooling.max_pool(intmin('int64') + int64([3 0; 1 2]), 2);
%! z = pooling.max_unpool(y, idx, [2 2]);
%! assert(all(all(z == [intmin('int64') + 3 0; 0 0])));

%!test  % channels and batch: each plane's indices point into its own plane of Z
%! y = reshape(1:12, [1 2 3 2]);
%! idx = reshape((0:5) * 4, [1 1 3 2]) + [1 4];
%! for method = {'fast', 'naive'}
%!   z = pooling.max_unpool(y, idx, [2 2], 'Method', method{1});
%!   assert(size(z), [2 2 3 2]);
%!   assert(z(:, :, 2, 1), [3 0; 0 4]);
%!   assert(z(:, :, 3, 2), [11 0; 0 12]);
%!   % An empty batch is accepted (SPEC.md section 12).
%!   z = pooling.max_unpool(zeros(1, 1, 2, 0), zeros(1, 1, 2, 0), [2 2], 'Method', method{1});
%!   assert(size(z), [2 2 2 0]);
%! end

%!error <Y is required> pooling.max_unpool()
%!error id=pooling:badInput pooling.max_unpool(true(2), [1 2; 3 4], [2 2])
%!error id=pooling:badInput pooling.max_unpool('ab', [1 2], [1 2])
%!error id=pooling:badInput pooling.max_unpool(complex([1 2]), [1 2], [1 2])
%!error id=pooling:badInput pooling.max_unpool(true(2), 0, 0, 'Bogus', 1)
%!error id=pooling:badOption pooling.max_unpool([1 2], [1 2], [1 2], 'Bogus', 1)
%!error id=pooling:badOption pooling.max_unpool([1 2], [1 2], [1 2], 'SpatialDims', 4)
%!error id=pooling:badOption pooling.max_unpool([1 2], [1 2], [1 2], 'Method', 'slow')
%!error id=pooling:badOption pooling.max_unpool([1 2], 0, 0, 'Method', 'slow')
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2])
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], 0)
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], 1.5)
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], [1 1 2 2])
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], [1 1 1 1 1 1])
%!error <OUTPUT_SIZE must be at most 2\^31-1> pooling.max_unpool(ones(2, 2, 2), ones(2, 2, 2), 2^31)
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], [1 1; 1 1])
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], true)
%!error <OUTPUT_SIZE must be positive integers.*got '2'>
%! pooling.max_unpool([1 2], [1 2], '2')
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], 'x', -1)
%!error id=pooling:badOutputSize pooling.max_unpool(ones(2, 2, 2, 2, 2), 1, [2 2])
%!error <Y has 5 dimensions, more than R\+2 = 4> pooling.max_unpool(ones(2, 2, 2, 2, 2), 1, [2 2])
%!error id=pooling:badInput pooling.max_unpool(ones(2, 2, 2, 2, 2, 2), 1, [2 2 2])
%!error id=pooling:badInput pooling.max_unpool(ones(2, 2, 2, 2, 2, 2), 1, 0)
%!error id=pooling:badInput pooling.max_unpool([], 1, [4 4])
%!error <Y must not be empty along C> pooling.max_unpool(zeros(2, 2, 0, 1), 1, [4 4])
%!error id=pooling:badInput pooling.max_unpool(zeros(0, 4, 2), 1, [4 4])
%!error id=pooling:badIndices pooling.max_unpool([1 2], [1.5 2], [1 2])
%!error id=pooling:badIndices pooling.max_unpool([1 2], [NaN 2], [1 2])
%!error id=pooling:badIndices pooling.max_unpool([1 2], logical([1 1]), [1 2])
%!error id=pooling:badIndices pooling.max_unpool([1 2], char([1 2]), [1 2])
%!error id=pooling:badIndices pooling.max_unpool([1 2], complex([1 2]), [1 2])
%!error id=pooling:badIndices pooling.max_unpool([1 2], [1 2 3], [1 3])
%!error <IDX must have the size of Y, 1x2x1x1> pooling.max_unpool([1 2], [1; 2], [1 2])
%!error id=pooling:badIndices pooling.max_unpool([1 2], [0 2], [1 2])
%!error id=pooling:badIndices pooling.max_unpool([1 2], [1 3], [1 2])
%!error id=pooling:badIndices pooling.max_unpool([1 2], int8([-1 2]), [1 2])
%!error <IDX\(2\) = 1 is outside its own \(c, n\) plane of Z.*c = 2.*run from 3 to 4>
%! pooling.max_unpool(ones(1, 1, 2), reshape([1 1], [1 1 2]), [2 1])
%!error id=pooling:badIndices pooling.max_unpool(ones(1, 1, 2), reshape([3 4], [1 1 2]), [2 1])
%!error id=pooling:badIndices pooling.max_unpool([1 2], intmax('uint64') * uint64([1 1]), [1 2])

% ---- pooling.max_unpool_backward

%!test  % the last writer in row-major order, not memory order; bits copied
%! nan_bits = typecast(uint64(hex2dec('7FF8000000000123')), 'double');
%! dz = [1 -0 3; 4 nan_bits 6; 7 8 9];
%! idx = int32([5 5; 5 4]);
%! for method = {'fast', 'naive'}
%!   dy = pooling.max_unpool_backward(dz, idx, 'Method', method{1});
%!   assert(class(dy), 'double');
%!   % Row-major: (1,1), (1,2), (2,1) write element 5; (2,1) is last.
%!   assert(typecast(dy(:), 'uint64'), typecast([0; nan_bits; 0; -0], 'uint64'));
%! end

%!test  % the derivative of max_unpool: gradients of random unpooling agree with it
%! state = rand('twister');
%! rand('twister', 19);
%! for trial = 1:20
%!   [x, ~, idx, r, n] = draw_overlapping();
%!   dz = randn(size(x));
%!   dy1 = pooling.max_unpool_backward(dz, idx, 'SpatialDims', r, 'Method', 'fast');
%!   dy2 = pooling.max_unpool_backward(dz, idx, 'SpatialDims', r, 'Method', 'naive');
%!   assert(size(dy1), size(idx));
%!   assert(typecast(dy1(:), 'uint64'), typecast(dy2(:), 'uint64'));
%!   % max_unpool is linear in Y: a unit Y shows whether a position reaches Z.
%!   for p = randperm(numel(idx), min(numel(idx), 25))
%!     e = zeros(size(idx));
%!     e(p) = 1;
%!     z = pooling.max_unpool(e, idx, n(1:r));
%!     assert(dy1(p), sum(dz(z == 1)));
%!   end
%! end
%! rand('twister', state);

%!test  % the class of IDX does not matter; an empty IDX gives an empty DY
%! for method = {'fast', 'naive'}
%!   dy = pooling.max_unpool_backward([1 2; 3 4], uint64([4 4]), 'Method', method{1});
%!   assert(dy, [0 4]);
%!   dy = pooling.max_unpool_backward(ones(2, 2, 1, 0), zeros(1, 1, 1, 0), 'Method', method{1});
%!   assert(size(dy), [1 1 1 0]);
%! end

%!error id=pooling:badInput pooling.max_unpool_backward()
%!error <gradient of a function of integers> pooling.max_unpool_backward(int8([1 2]), [1 1])
%!error id=pooling:badInput pooling.max_unpool_backward(true(2), [1 1])
%!error id=pooling:badInput pooling.max_unpool_backward([], [1 1])
%!error id=pooling:badInput pooling.max_unpool_backward(zeros(4, 4, 0, 1), 'x')
%!error id=pooling:badInput pooling.max_unpool_backward(zeros(2, 2, 2, 2, 1, 2), 'x')
%!error id=pooling:badInput pooling.max_unpool_backward(ones(2, 2, 1, 1, 2), [1 1])
%!error id=pooling:badInput pooling.max_unpool_backward(int8([1 2]), 'x', 'Bogus', 1)
%!error id=pooling:badOption pooling.max_unpool_backward([1 2], [1 1], 'Bogus', 1)
%!error id=pooling:badOption pooling.max_unpool_backward([1 2], [1 1], 'Stride', 1)
%!error id=pooling:badOption pooling.max_unpool_backward([1 2], 'x', 'SpatialDims', 4)
%!error <IDX is required> pooling.max_unpool_backward([1 2])
%!error id=pooling:badIndices pooling.max_unpool_backward([1 2], [1.5 1])
%!error id=pooling:badIndices pooling.max_unpool_backward([1 2], true)
%!error id=pooling:badIndices pooling.max_unpool_backward([1 2], ones(1, 1, 1, 1, 2))
%!error id=pooling:badIndices pooling.max_unpool_backward(ones(1, 1, 3), ones(1, 1, 1, 2), ...
%!                                                        'SpatialDims', 1)
%!error id=pooling:badGradient pooling.max_unpool_backward(ones(2, 2, 2), [1 1])
%!error id=pooling:badGradient pooling.max_unpool_backward(ones(2, 2, 1, 2), [1 1])
%!error <the C = 2 and N = 1 of IDX; got a 3x3 double array>
%! pooling.max_unpool_backward(ones(3, 3), [1 2; 1 2], 'SpatialDims', 1)
%!error id=pooling:badGradient pooling.max_unpool_backward(ones(2, 2, 3), [0 0])
%!error id=pooling:badIndices pooling.max_unpool_backward([1 2], [0 1])
%!error id=pooling:badIndices pooling.max_unpool_backward([1 2], [3 1])
%!error <IDX\(2\) = 1 is outside its own \(c, n\) plane of DZ.*run from 3 to 4>
%! pooling.max_unpool_backward(ones(2, 1, 2), reshape([1 1], [1 1 2]))
