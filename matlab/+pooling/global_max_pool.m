function [y, idx] = global_max_pool(x, varargin)
    %GLOBAL_MAX_POOL  Max pooling with one window covering all spatial dimensions, bit-exact.
    %   Y = pooling.global_max_pool(X) takes the maximum of each (c, n) plane of
    %   X, laid out as [spatial..., C, N] (for example H-by-W-by-C-by-N). Y is
    %   1-by-...-by-1-by-C-by-N (R ones), of class(X).
    %
    %   [Y, IDX] = pooling.global_max_pool(X) also returns IDX, a double array
    %   the size of Y holding the 1-based linear indices into X of the selected
    %   elements, so X(IDX) is Y bit for bit.
    %
    %   [...] = pooling.global_max_pool(X, Name, Value, ...) sets options
    %   (names are case-insensitive):
    %     'SpatialDims'  1, 2 or 3: the number R of leading dimensions of X
    %                    that are spatial. Default 2 (MATLAB drops trailing
    %                    singleton dimensions, so R cannot be read from X).
    %     'Method'       'fast' (default; whole-array operations) or 'naive'
    %                    (the textbook loops). Both return identical bits.
    %
    %   X must be a real, full array of class double, single, int8, uint8,
    %   int16, uint16, int32, uint32, int64 or uint64 (SPEC.md section 11),
    %   with at most R+2 dimensions, C and every spatial size at least 1; an
    %   empty batch (N = 0) gives an empty Y.
    %
    %   This is pooling.max_pool with POOL_SIZE the spatial size of X and no
    %   padding (SPEC.md section 9), so the selection rule is the same: the
    %   plane is scanned in row-major order (first spatial dimension
    %   outermost), a tie goes to the first element, the first NaN wins, and
    %   -0 before +0 stays -0 (SPEC.md section 5).
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput
    %   (X's class), pooling:badOption, pooling:badInput (more than R+2
    %   dimensions, or a spatial dimension of size 0).
    %
    %   Example:
    %     [y, idx] = pooling.global_max_pool(cat(3, [3 7; 7 1], [0 2; 9 9]))
    %     % y(:) = [7; 9], idx(:) = [3; 6] (ties go to the first in row-major order)
    %
    %   See also pooling.max_pool, pooling.global_max_pool_backward,
    %   pooling.global_avg_pool.

    fname = 'pooling.global_max_pool';
    if nargin < 1
        error('pooling:badInput', '%s: X is required.', fname);
    end
    opts = pooling.internal.parse_options(fname, 'global_max', x, [], varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    [y, idx] = pooling.internal.pool_forward('max', x, geom, opts, nargout > 1);
end

% Tests for GNU Octave: from the matlab folder, run: test +pooling/global_max_pool.m

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
