function dy = max_unpool_backward(dz, idx, varargin)
    %MAX_UNPOOL_BACKWARD  Gradient of pooling.max_unpool with respect to Y, bit-exact.
    %   DY = pooling.max_unpool_backward(DZ, IDX) is the true derivative of
    %   Z = pooling.max_unpool(Y, IDX, OUTPUT_SIZE): DY(p) = DZ(IDX(p)) when
    %   position p is the last to write that element of Z, and +0 when a later
    %   position overwrote it (its value never reaches Z). DY has the size of
    %   IDX and the class of DZ.
    %
    %   DZ is laid out as [OUTPUT_SIZE..., C, N], a real, full double or single
    %   array (a gradient of a function of integers is not a useful number, so
    %   integer classes raise pooling:badInput; SPEC.md section 11), with at
    %   most R+2 dimensions, C and every spatial size at least 1. IDX is
    %   [spatial..., C, N], the same C and N, a real, full numeric array (any
    %   class) of 1-based linear indices into DZ, each inside its own (c, n)
    %   plane, as pooling.max_pool returns them.
    %
    %   DY = pooling.max_unpool_backward(DZ, IDX, Name, Value, ...) sets options
    %   (names are case-insensitive):
    %     'SpatialDims'  1, 2 or 3: the number R of spatial dimensions. Default
    %                    2 (MATLAB drops trailing singleton dimensions, so R
    %                    cannot be read from the arrays).
    %     'Method'       'fast' (default; vectorised) or 'naive' (one position
    %                    at a time). Both return identical bits.
    %
    %   Rule (SPEC.md section 10): the positions of IDX write in ascending
    %   row-major order within each plane (first spatial dimension outermost),
    %   the later overwriting the earlier, exactly as in pooling.max_unpool.
    %   PyTorch's backward gathers DZ for every position, overwritten or not;
    %   this one does not.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput
    %   (DZ's class), pooling:badOption, pooling:badInput (DZ has more than R+2
    %   dimensions, C = 0 or a spatial size of 0), pooling:badIndices (IDX's
    %   class, values or more than R+2 dimensions), pooling:badGradient (DZ's C
    %   and N differ from IDX's), pooling:badIndices (an index outside its
    %   plane).
    %
    %   Example (SPEC.md, section 10):
    %     dy = pooling.max_unpool_backward([10; 20; 30], [2; 2], 'SpatialDims', 1)
    %     % dy = [0; 20]
    %
    %   See also pooling.max_unpool, pooling.max_pool.

    fname = 'pooling.max_unpool_backward';
    if nargin < 1
        error('pooling:badInput', '%s: DZ is required (the call is DY = %s(DZ, IDX)).', ...
              fname, fname);
    end
    opts = pooling.internal.parse_options(fname, 'unpool_backward', dz, [], varargin);
    if nargin < 2
        error('pooling:badIndices', '%s: IDX is required (the call is DY = %s(DZ, IDX)).', ...
              fname, fname);
    end
    r = opts.r;
    pooling.internal.check_indices(fname, idx, r, []);
    idx_size = [size(idx), ones(1, r + 2 - ndims(idx))];
    dz_size = [size(dz), ones(1, r + 2 - ndims(dz))];
    if ~isequal(dz_size(r + 1:r + 2), idx_size(r + 1:r + 2))
        error('pooling:badGradient', ...
              ['%s: DZ must be [OUTPUT_SIZE..., C, N] with R = %d spatial dimensions and ' ...
               'the C = %d and N = %d of IDX; got %s.'], ...
              fname, r, idx_size(r + 1), idx_size(r + 2), ...
              pooling.internal.describe_value(dz, true));
    end
    pooling.internal.check_index_range(fname, idx, r, dz_size, 'DZ');

    if strcmp(opts.method, 'naive')
        [targets, sources] = pooling.internal.unpool_writers_naive(idx, r, numel(dz));
    else
        [targets, sources] = pooling.internal.unpool_writers_fast(idx, r);
    end
    dy = zeros(size(idx), class(dz));
    dy(sources) = dz(targets);
end

% Tests for GNU Octave: from the matlab folder, run: test +pooling/max_unpool_backward.m

%!test  % the example of SPEC.md section 10: only the last writer gets its gradient
%! for method = {'fast', 'naive'}
%!   dy = pooling.max_unpool_backward([10; 20; 30], [2; 2], 'SpatialDims', 1, ...
%!                                    'Method', method{1});
%!   assert(dy, [0; 20]);
%!   assert(1 ./ dy(1), Inf);
%!   dy = pooling.max_unpool_backward(single([10 20 30]), [2 2], 'SpatialDims', 2, ...
%!                                    'Method', method{1});
%!   assert(dy, single([0 20]));
%! end

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
%!   r = randi(3);
%!   n = [randi([2 6], 1, r), randi(2), randi(2)];
%!   x = reshape(randperm(prod(n)), [n 1]);
%!   x(rand(size(x)) < 0.3) = 0;
%!   k = randi(3, 1, r);
%!   [y, idx] = pooling.max_pool(x, k, 'Stride', 1, 'Padding', floor(k / 2), 'SpatialDims', r);
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
