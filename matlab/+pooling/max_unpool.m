function z = max_unpool(y, idx, output_size, varargin)
    %MAX_UNPOOL  Put max-pooled values back where they came from, bit-exact.
    %   Z = pooling.max_unpool(Y, IDX, OUTPUT_SIZE) returns an array of zeros
    %   of class(Y) and size [OUTPUT_SIZE, C, N] with each Y(p) written at
    %   Z(IDX(p)). Y is laid out as [spatial..., C, N] with R = NUMEL(OUTPUT_SIZE)
    %   spatial dimensions, C = SIZE(Y, R+1) and N = SIZE(Y, R+2); IDX has the
    %   size of Y and holds 1-based linear indices into Z, as the second output
    %   of pooling.max_pool does for its X, so after
    %     [y, idx] = pooling.max_pool(x, pool_size, ...)
    %   pooling.max_unpool(y, idx, SIZE(x, 1:R)) has x's size.
    %
    %   Z = pooling.max_unpool(Y, IDX, OUTPUT_SIZE, 'Method', M) chooses the
    %   method (the name is case-insensitive): 'fast' (default; vectorised) or
    %   'naive' (one position at a time). Both return identical bits.
    %
    %   Y must be a real, full array of class double, single, int8, uint8,
    %   int16, uint16, int32, uint32, int64 or uint64 (SPEC.md section 11),
    %   with at most R+2 dimensions (MATLAB cannot see trailing singleton
    %   dimensions, so R comes from OUTPUT_SIZE alone), C and every spatial size
    %   at least 1 (N may be 0). OUTPUT_SIZE is 1 to 3 positive integers, each
    %   at most 2^31-1 (any numeric class, integer valued). IDX is a real, full
    %   numeric array of integer values (any numeric class), each inside its
    %   own (c, n) plane of Z.
    %
    %   Rule (SPEC.md section 10): the positions p of Y write in ascending
    %   row-major order within each plane (first spatial dimension outermost),
    %   and where two positions name the same element of Z (overlapping
    %   windows selected one element twice) the later one overwrites the
    %   earlier. The last writer is picked explicitly: A(IDX) = B leaves the
    %   winner of a duplicate index to the language. Elements nobody writes
    %   are +0 (or integer 0).
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput
    %   (Y's class), pooling:badOption, pooling:badInput (Y has more than 5
    %   dimensions), pooling:badOutputSize (OUTPUT_SIZE's values, or Y has more
    %   than R+2 dimensions: too few sizes), pooling:badInput (C = 0 or a
    %   spatial size of 0), pooling:badIndices (IDX's class, values or size,
    %   then an index outside its plane).
    %
    %   Example (SPEC.md, section 10):
    %     [y, idx] = pooling.max_pool([1; 5; 2], 2, 'Stride', 1, 'SpatialDims', 1);
    %     % y = [5; 5], idx = [2; 2]
    %     z = pooling.max_unpool(y, idx, 3)
    %     % z = [0; 5; 0]
    %
    %   See also pooling.max_pool, pooling.max_unpool_backward.

    fname = 'pooling.max_unpool';
    if nargin < 1
        error('pooling:badInput', '%s: Y is required.', fname);
    end
    if nargin < 3
        % Reported as a bad output size, after Y and the options are checked.
        output_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'unpool', y, output_size, varargin);
    r = opts.r;
    y_size = [size(y), ones(1, r + 2 - ndims(y))];
    pooling.internal.check_indices(fname, idx, r, y_size);
    z_size = [opts.output_size, y_size(r + 1), y_size(r + 2)];
    pooling.internal.check_index_range(fname, idx, r, z_size, 'Z');

    if strcmp(opts.method, 'naive')
        [targets, sources] = pooling.internal.unpool_writers_naive(idx, r, prod(z_size));
    else
        [targets, sources] = pooling.internal.unpool_writers_fast(idx, r);
    end
    z = zeros(z_size, class(y));
    z(targets) = y(sources);
end

% Tests for GNU Octave: from the matlab folder, run: test +pooling/max_unpool.m

%!test  % the example of SPEC.md section 10: x = [1 5 2], k = 2, s = 1
%! [y, idx] = pooling.max_pool([1; 5; 2], 2, 'Stride', 1, 'SpatialDims', 1);
%! assert(y, [5; 5]);
%! assert(idx, [2; 2]);
%! for method = {'fast', 'naive'}
%!   z = pooling.max_unpool(y, idx, 3, 'Method', method{1});
%!   assert(z, [0; 5; 0]);
%!   assert(1 ./ z([1 3]), [Inf; Inf]);
%! end

%!test  % the later position in row-major order overwrites the earlier
%! for method = {'fast', 'naive'}
%!   z = pooling.max_unpool([1; 2; 3], [2; 2; 1], 3, 'Method', method{1});
%!   assert(z, [3; 2; 0]);
%!   % Two dimensions: Y(1, 2) comes after Y(2, 1) in row-major order, though
%!   % not in memory order.
%!   z = pooling.max_unpool([10 20; 30 40], [5 5; 5 1], [3 3], 'Method', method{1});
%!   assert(z, [40 0 0; 0 30 0; 0 0 0]);
%!   z = pooling.max_unpool([10 30; 20 40], [5 5; 5 1], [3 3], 'Method', method{1});
%!   assert(z, [40 0 0; 0 20 0; 0 0 0]);
%!   % Overwriting leaves the later value's own bits, -0 included.
%!   z = pooling.max_unpool([1; -0], [1; 1], 1, 'Method', method{1});
%!   assert(1 ./ z, -Inf);
%! end

%!test  % max_unpool after max_pool round-trips, with overlapping windows (duplicates)
%! state = rand('twister');
%! rand('twister', 17);
%! for trial = 1:20
%!   r = randi(3);
%!   n = [randi([2 6], 1, r), randi(2), randi(2)];
%!   x = reshape(randperm(prod(n)), [n 1]);
%!   x(rand(size(x)) < 0.3) = 0;
%!   k = randi(3, 1, r);
%!   opts = {'Stride', ones(1, r), 'Padding', floor(k / 2), 'SpatialDims', r};
%!   [y, idx] = pooling.max_pool(x, k, opts{:});
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
%!error id=pooling:badOption pooling.max_unpool([1 2], [1 2], [1 2], 'SpatialDims', 2)
%!error id=pooling:badOption pooling.max_unpool([1 2], [1 2], [1 2], 'Method', 'slow')
%!error id=pooling:badOption pooling.max_unpool([1 2], 0, 0, 'Method', 'slow')
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2])
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], 0)
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], 1.5)
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], [1 1 1 1])
%!error <OUTPUT_SIZE must be at most 2\^31-1> pooling.max_unpool(ones(2, 2, 2), ones(2, 2, 2), 2^31)
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], [1 1; 1 1])
%!error id=pooling:badOutputSize pooling.max_unpool([1 2], [1 2], true)
%!error <OUTPUT_SIZE must be 1 to 3 positive integers.*got '2'>
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
