function dx = max_pool_backward(dy, x, pool_size, varargin)
    %MAX_POOL_BACKWARD  Gradient of pooling.max_pool with respect to X, bit-exact.
    %   DX = pooling.max_pool_backward(DY, X, POOL_SIZE) routes each upstream
    %   gradient DY(p) to the element of X that pooling.max_pool(X, POOL_SIZE)
    %   selects for output p. X is laid out as [spatial..., C, N], a real,
    %   full double or single array (a gradient of a function of integers is
    %   not a useful number, so integer classes are refused; SPEC.md section
    %   11), with C and every spatial size at least 1 (N may be 0); DY has the
    %   size of the forward output Y and the class of X. DX has the size and
    %   class of X.
    %
    %   DX = pooling.max_pool_backward(DY, X, POOL_SIZE, Name, Value, ...) takes
    %   the options of the forward call, which must be the same as there:
    %     'Stride'       positive integers, a scalar or R of them. Default POOL_SIZE.
    %     'Padding'      nonnegative integers: a scalar, a 1-by-R row or a 2-by-R
    %                    matrix [BEFORE; AFTER], each at most E-1; or 'valid'
    %                    or 'same' (SPEC.md section 4.1). Default 0.
    %     'Dilation'     positive integers, a scalar or R of them. Default 1.
    %     'CeilMode'     true or false (logical, or numeric 0 or 1). Default false.
    %     'SpatialDims'  1, 2 or 3. Default NUMEL(POOL_SIZE) when that is 2 or
    %                    3, else 2.
    %     'Method'       'fast' (default; loops over window offsets with
    %                    whole-array operations) or 'naive' (one output at a
    %                    time). Both return identical bits.
    %   Names are case-insensitive; see pooling.max_pool for the details.
    %
    %   DY must be OUT_1-by-...-by-OUT_R-by-C-by-N (trailing singleton
    %   dimensions may be dropped, as MATLAB does), with, per spatial dimension
    %   and E = DILATION*(POOL_SIZE-1)+1,
    %     OUT = floor((IN + BEFORE + AFTER - E) / STRIDE) + 1
    %   and, with 'CeilMode' true, ceil for floor, then OUT = OUT - 1 if
    %   (OUT-1)*STRIDE >= IN + BEFORE.
    %
    %   The selection is the forward one (ties to the first element in
    %   row-major order, the first NaN wins; SPEC.md section 5), and the whole
    %   of DY(p) goes to the one selected element, never split among ties.
    %   DX starts at +0 everywhere; the outputs are visited in ascending
    %   row-major order over (n, c, spatial...), the first spatial dimension
    %   outermost, and each adds its DY to DX at its selected element. Where
    %   windows overlap, one element collects several gradients, and this order
    %   fixes the rounding of their sum (SPEC.md section 7). An element never
    %   selected gets +0.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput,
    %   pooling:badOption, pooling:badKernel, pooling:badStride,
    %   pooling:badPadding, pooling:badDilation, pooling:outputTooSmall,
    %   pooling:emptyWindow, pooling:badGradient (DY not of class(X), not real,
    %   or not the forward output's size).
    %
    %   Example:
    %     x = [1 1 2 4; 5 6 7 8; 3 2 1 0; 1 2 3 4];
    %     dx = pooling.max_pool_backward([1 2; 3 4], x, 2)
    %     % dx = [0 0 0 0; 0 1 0 2; 3 0 0 0; 0 0 0 4]
    %
    %   See also pooling.max_pool, pooling.avg_pool_backward,
    %   pooling.global_max_pool_backward.

    fname = 'pooling.max_pool_backward';
    if nargin < 2
        error('pooling:badInput', '%s: X is required (the call is DX = %s(DY, X, POOL_SIZE)).', ...
              fname, fname);
    end
    if nargin < 3
        % Reported as a bad kernel size, after X and the options are checked.
        pool_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'max_backward', x, pool_size, varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    dx = pooling.internal.pool_backward('max', fname, dy, x, geom, opts);
end

% Tests for GNU Octave: from the matlab folder, run: test +pooling/max_pool_backward.m

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
