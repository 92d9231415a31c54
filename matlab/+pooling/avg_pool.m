function y = avg_pool(x, pool_size, varargin)
    %AVG_POOL  Average pooling over the leading spatial dimensions of X, bit-exact.
    %   Y = pooling.avg_pool(X, POOL_SIZE) averages X, laid out as
    %   [spatial..., C, N] (for example H-by-W-by-C-by-N), over windows of
    %   POOL_SIZE elements per spatial dimension. The stride defaults to
    %   POOL_SIZE. Each (c, n) plane is pooled on its own.
    %
    %   Y = pooling.avg_pool(X, POOL_SIZE, Name, Value, ...) sets options.
    %
    %   X must be a real, full double or single array: average pooling needs
    %   floating point, since an integer average would need a rounding rule
    %   (integer classes raise pooling:badInput; SPEC.md section 11). POOL_SIZE
    %   and the number of spatial dimensions R are as in pooling.max_pool: a
    %   positive integer scalar or one per spatial dimension; R is
    %   'SpatialDims' when given, else NUMEL(POOL_SIZE) when that is 2 or 3,
    %   else 2; X has at most R+2 dimensions, missing trailing ones are 1. C
    %   and every spatial size must be at least 1; an empty batch (N = 0) gives
    %   an empty Y. Every integer parameter (POOL_SIZE, 'Stride', 'Padding',
    %   'Dilation', 'DivisorOverride') is at most 2^31-1 (SPEC.md section 12).
    %
    %   Options (name-value pairs; names are case-insensitive, the last of a
    %   repeated name wins):
    %     'Stride'           positive integers, a scalar or R of them. Default
    %                        POOL_SIZE.
    %     'Padding'          nonnegative integers: a scalar, a 1-by-R row (the
    %                        same pad before and after) or a 2-by-R matrix
    %                        [BEFORE; AFTER], each at most E-1 (E below); or
    %                        'valid' (no padding) or 'same' (OUT =
    %                        ceil(IN/STRIDE), TOTAL = max((OUT-1)*STRIDE + E -
    %                        IN, 0), BEFORE = floor(TOTAL/2), AFTER = TOTAL -
    %                        BEFORE; SPEC.md section 4.1). Default 0. Padded
    %                        positions are never summed; whether they count in
    %                        the divisor is 'CountIncludePad'.
    %     'Dilation'         positive integers, a scalar or R of them. Default 1.
    %     'CeilMode'         true or false (logical, or numeric 0 or 1): round
    %                        the output size up. Default false.
    %     'CountIncludePad'  true or false: whether padded positions count in
    %                        the divisor. Default true.
    %     'DivisorOverride'  [] or a positive integer scalar: when given, the
    %                        divisor of every window. Default [] (none).
    %     'SpatialDims'      1, 2 or 3: the number of spatial dimensions R.
    %     'Method'           'fast' (default; loops over the window offsets with
    %                        whole-array operations) or 'naive' (one window at
    %                        a time, the textbook loops). Both return identical
    %                        bits.
    %
    %   Output size, per spatial dimension, with E = DILATION*(POOL_SIZE-1)+1:
    %     OUT = floor((IN + BEFORE + AFTER - E) / STRIDE) + 1
    %   With 'CeilMode' true, ceil replaces floor, and then OUT = OUT - 1 if
    %   (OUT-1)*STRIDE >= IN + BEFORE. Y is OUT_1-by-...-by-OUT_R-by-C-by-N, of
    %   class(X).
    %
    %   Rule (SPEC.md section 8): per window, an accumulator of class(X) starts
    %   at +0 and adds the window's input elements one at a time in row-major
    %   order (first spatial dimension outermost), skipping padding and the
    %   ceil-mode overhang; then it is divided once, a true division in
    %   class(X), never a multiplication by a reciprocal:
    %     Y = ACC / DIVISOR
    %   DIVISOR is 'DivisorOverride' when given; else the product over the
    %   spatial dimensions of the number of window positions O*STRIDE - BEFORE
    %   + J*DILATION (J = 0 .. POOL_SIZE-1) that lie in [-BEFORE, IN + AFTER)
    %   with 'CountIncludePad' (padding counts, the ceil-mode overhang past it
    %   does not, as in PyTorch), or in [0, IN) without it. SUM and MEAN are
    %   not used: they add in memory order, which is column-major. A window of
    %   -0 averages to +0.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput,
    %   pooling:badOption (also a bad 'CountIncludePad' or 'DivisorOverride'),
    %   pooling:badKernel, pooling:badStride, pooling:badPadding,
    %   pooling:badDilation, pooling:outputTooSmall, pooling:emptyWindow.
    %
    %   Example (SPEC.md, section 8):
    %     x = [1 2 3 4 5].';
    %     y = pooling.avg_pool(x, 2, 'Padding', 1, 'SpatialDims', 1)
    %     % y = [1/2; 5/2; 9/2]
    %     y = pooling.avg_pool(x, 2, 'Padding', 1, 'CountIncludePad', false, ...
    %                          'SpatialDims', 1)
    %     % y = [1; 5/2; 9/2]
    %
    %   See also pooling.avg_pool_backward, pooling.max_pool, pooling.global_avg_pool.

    fname = 'pooling.avg_pool';
    if nargin < 1
        error('pooling:badInput', '%s: X is required.', fname);
    end
    if nargin < 2
        % Reported as a bad kernel size, after X and the options are checked.
        pool_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'avg', x, pool_size, varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    y = pooling.internal.pool_forward('avg', x, geom, opts, false);
end

% Tests for GNU Octave: from the matlab folder, run: test +pooling/avg_pool.m

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
