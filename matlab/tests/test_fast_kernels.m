function test_fast_kernels()
    %TEST_FAST_KERNELS  Octave tests of the fast kernels: empty batches and huge kernels.
    %   Run in Octave with TEST('test_fast_kernels') (matlab/ and matlab/tests
    %   on the path); the %!test blocks below read as comments in MATLAB.
    %   Calling the function runs them too.
    %
    %   Empty batches (issue 14): with N = 0, every call whose last window
    %   overhangs (ceil mode, end padding, odd 'same' padding) failed in the
    %   fast kernels, which took an empty array for a shared scalar. Huge
    %   kernels (issue 16, item 2): only offsets that land in the input are
    %   visited, so the work is bounded by the sizes.

    test('test_fast_kernels');
end

%!function check_empty(x, pool, varargin)
%!  [y, idx] = pooling.max_pool(x, pool, varargin{:});
%!  [yn, idxn] = pooling.max_pool(x, pool, varargin{:}, 'Method', 'naive');
%!  assert(size(y), size(yn));
%!  assert(class(y), class(x));
%!  assert(size(idx), size(idxn));
%!  if isfloat(x)
%!    dx = pooling.max_pool_backward(zeros(size(y), 'like', x), x, pool, varargin{:});
%!    assert(size(dx), size(x));
%!    a = pooling.avg_pool(x, pool, varargin{:});
%!    assert(size(a), size(yn));
%!    da = pooling.avg_pool_backward(a, x, pool, varargin{:});
%!    assert(size(da), size(x));
%!  end
%!endfunction

%!test
%! % The call of issue 14, and the other overhangs, in 2-D.
%! check_empty(zeros(5, 4, 1, 0), 2, 'CeilMode', true);
%! check_empty(zeros(5, 4, 3, 0), 3, 'Stride', 2, 'Padding', [0 0; 1 1]);
%! check_empty(zeros(5, 4, 1, 0), 2, 'Padding', 'same', 'Stride', 1);
%! check_empty(single(zeros(6, 6, 2, 0)), 2);

%!test
%! % 1-D and 3-D, integer classes.
%! check_empty(zeros(5, 2, 0), 2, 'CeilMode', true, 'SpatialDims', 1);
%! check_empty(zeros(5, 4, 3, 2, 0), [2 2 2], 'CeilMode', true);
%! check_empty(int8(zeros(5, 4, 1, 0)), 2, 'CeilMode', true);
%! check_empty(uint16(zeros(5, 4, 3, 1, 0)), [2 2 2], 'CeilMode', true);

%!test
%! % Unpooling an empty batch.
%! [y, idx] = pooling.max_pool(zeros(5, 4, 1, 0), 2, 'CeilMode', true);
%! z = pooling.max_unpool(y, idx, [5 4]);
%! assert(size(z), [5 4 1 0]);

%!test
%! % Huge legal kernels (issue 16): answered quickly, and as the naive path does.
%! x = reshape(single(1:32), 4, 4, 2);
%! t = cputime();
%! [y, idx] = pooling.max_pool(x, 1e6, 'CeilMode', true);
%! a = pooling.avg_pool(x, 1e4, 'Padding', 9999);
%! dx = pooling.max_pool_backward(ones(size(y), 'single'), x, 1e6, 'CeilMode', true);
%! da = pooling.avg_pool_backward(ones(size(a), 'single'), x, 1e4, 'Padding', 9999);
%! assert(cputime() - t < 5);
%! assert(y(:).', single([16 32]));
%! assert(idx(:).', [16 32]);
%! assert(size(dx), size(x));
%! assert(nnz(dx), 2);
%! assert(size(da), size(x));

%!test
%! % A huge kernel with offsets on both sides: fast and naive agree bit for bit.
%! x = reshape(single([NaN -0 0 3 3 -Inf Inf 1 2 -0 0 5 NaN 2 2 1 4 -1 0 7]), 5, 4);
%! opts = {'Stride', [500 2], 'Padding', [499 1; 499 1], 'CeilMode', true};
%! [y, idx] = pooling.max_pool(x, [500 3], opts{:});
%! [yn, idxn] = pooling.max_pool(x, [500 3], opts{:}, 'Method', 'naive');
%! assert(isequaln(y, yn) && isequal(idx, idxn));
%! assert(isequal(1 ./ y(~isnan(y)), 1 ./ yn(~isnan(yn))));
%! a = pooling.avg_pool(x, [500 3], opts{:});
%! an = pooling.avg_pool(x, [500 3], opts{:}, 'Method', 'naive');
%! assert(isequaln(a, an));
%! g = reshape(single(2 .^ (1:numel(y))), size(y));
%! dx = pooling.max_pool_backward(g, x, [500 3], opts{:});
%! dxn = pooling.max_pool_backward(g, x, [500 3], opts{:}, 'Method', 'naive');
%! assert(isequaln(dx, dxn));
%! da = pooling.avg_pool_backward(g, x, [500 3], opts{:});
%! dan = pooling.avg_pool_backward(g, x, [500 3], opts{:}, 'Method', 'naive');
%! assert(isequaln(da, dan));

%!test
%! % The pairs path, with 2-by-2 windows and stride 2 (seed 5) and with 3-by-3
%! % windows, stride 2 and padding 1 (seed 7), on zeros of both signs, ties,
%! % NaN and Inf in some planes, agrees with the naive path bit for bit.
%! vals = [0 -0 -0 0 -1 1 1 NaN Inf -Inf 2];
%! calls = {{5, 2}, {7, 3, 'Stride', 2, 'Padding', 1}};
%! for c = 1:numel(calls)
%!   rand('seed', calls{c}{1});
%!   args = calls{c}(2:end);
%!   for cls = {'single', 'double'}
%!     x = cast(vals(randi(numel(vals), 6, 8, 3, 4)), cls{1});
%!     x(:, :, 1, 2) = -abs(x(:, :, 1, 2));
%!     x(:, :, 2, :) = 0;
%!     x(1, 1, 2, :) = -1;
%!     x(1, 2, 2, :) = -0;
%!     x(:, :, 3, 3) = 1;
%!     x(2, 2, 3, 3) = NaN;
%!     y = pooling.max_pool(x, args{:});
%!     yn = pooling.max_pool(x, args{:}, 'Method', 'naive');
%!     assert(isequaln(y, yn));
%!     assert(isequal(1 ./ y(~isnan(y)), 1 ./ yn(~isnan(yn))));
%!   end
%! end
