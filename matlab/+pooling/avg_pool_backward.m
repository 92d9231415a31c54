function dx = avg_pool_backward(dy, x, pool_size, varargin)
    %AVG_POOL_BACKWARD  Gradient of pooling.avg_pool with respect to X, bit-exact.
    %   DX = pooling.avg_pool_backward(DY, X, POOL_SIZE) spreads each upstream
    %   gradient DY(p), divided by output p's divisor, over the input elements
    %   of p's window in pooling.avg_pool(X, POOL_SIZE). X is laid out as
    %   [spatial..., C, N], a real, full double or single array (integer
    %   classes raise pooling:badInput: a gradient of a function of integers is
    %   not a useful number; SPEC.md section 11), with C and every spatial size
    %   at least 1 (N may be 0). DY has the size of the forward output Y and
    %   the class of X. DX has the size and class of X.
    %
    %   DX = pooling.avg_pool_backward(DY, X, POOL_SIZE, Name, Value, ...) takes
    %   the options of the forward call, which must be the same as there:
    %     'Stride'           positive integers, a scalar or R of them. Default
    %                        POOL_SIZE.
    %     'Padding'          nonnegative integers: a scalar, a 1-by-R row or a
    %                        2-by-R matrix [BEFORE; AFTER], each at most E-1; or
    %                        'valid' or 'same' (SPEC.md section 4.1). Default 0.
    %     'Dilation'         positive integers, a scalar or R of them. Default 1.
    %     'CeilMode'         true or false. Default false.
    %     'CountIncludePad'  true or false: padded positions count in the
    %                        divisor. Default true.
    %     'DivisorOverride'  [] or a positive integer scalar. Default [] (none).
    %     'SpatialDims'      1, 2 or 3. Default NUMEL(POOL_SIZE) when that is 2
    %                        or 3, else 2.
    %     'Method'           'fast' (default; loops over window offsets with
    %                        whole-array operations) or 'naive' (one output at a
    %                        time). Both return identical bits.
    %   Names are case-insensitive; see pooling.avg_pool for the details, the
    %   output size formula and the divisor rule.
    %
    %   Rule (SPEC.md section 8): DX starts at +0 everywhere. The outputs are
    %   visited in ascending row-major order over (n, c, spatial...), the first
    %   spatial dimension outermost; each computes G = DY(p) / DIVISOR(p), one
    %   true division in class(X), and adds G to DX at every input element of
    %   its window, in row-major scan order, skipping padding. Where windows
    %   overlap, one element collects several shares, and this order fixes the
    %   rounding of their sum. An element in no window gets +0.
    %
    %   Errors, checked in this order (SPEC.md, section 12): pooling:badInput,
    %   pooling:badOption, pooling:badKernel, pooling:badStride,
    %   pooling:badPadding, pooling:badDilation, pooling:outputTooSmall,
    %   pooling:emptyWindow, pooling:badGradient (DY not of class(X), not real,
    %   or not the forward output's size).
    %
    %   Example:
    %     dx = pooling.avg_pool_backward([4; 8], (1:5).', 2, 'SpatialDims', 1)
    %     % dx = [2; 2; 4; 4; 0]
    %
    %   See also pooling.avg_pool, pooling.max_pool_backward,
    %   pooling.global_avg_pool_backward.

    fname = 'pooling.avg_pool_backward';
    if nargin < 2
        error('pooling:badInput', '%s: X is required (the call is DX = %s(DY, X, POOL_SIZE)).', ...
              fname, fname);
    end
    if nargin < 3
        % Reported as a bad kernel size, after X and the options are checked.
        pool_size = [];
    end
    opts = pooling.internal.parse_options(fname, 'avg_backward', x, pool_size, varargin);
    geom = pooling.internal.pool_geometry(fname, size(x), opts);
    dx = pooling.internal.pool_backward('avg', fname, dy, x, geom, opts);
end

% Tests for GNU Octave: from the matlab folder, run: test +pooling/avg_pool_backward.m

%!test  % the divisors of SPEC.md section 8 divide the gradient
%! x = (1:5).';
%! for method = {'fast', 'naive'}
%!   o = {'SpatialDims', 1, 'Method', method{1}};
%!   dx = pooling.avg_pool_backward([4; 8; 16], x, 2, 'Padding', 1, o{:});
%!   assert(dx, [2; 4; 4; 8; 8]);
%!   dx = pooling.avg_pool_backward([4; 8; 16], x, 2, 'Padding', 1, ...
%!                                  'CountIncludePad', false, o{:});
%!   assert(dx, [4; 4; 4; 8; 8]);
%!   dx = pooling.avg_pool_backward([4; 8; 16], x, 2, 'CeilMode', true, o{:});
%!   assert(dx, [2; 2; 4; 4; 16]);
%!   dx = pooling.avg_pool_backward([4; 8], x, 2, 'DivisorOverride', 4, o{:});
%!   assert(dx, [1; 1; 2; 2; 0]);
%!   assert(1 ./ dx(5), Inf);
%!   dx = pooling.avg_pool_backward(single([4; 8; 16]), single(x), 2, 'Padding', 'same', o{:});
%!   assert(dx, single([2; 2; 4; 4; 8]));
%! end

%!test  % the order of additions is fixed: ascending output order
%! % Three overlapping windows (k = 3, s = 1) hold x(3); with divisor 1, its
%! % gradient is ((0 + 1) + 2^53) - 2^53 = 0 in ascending output order, while
%! % the reverse order would give 1. (2^53 + 1 rounds to 2^53 at x(2).)
%! x = zeros(5, 1);
%! dy = [1; 2^53; -2^53];
%! for method = {'fast', 'naive'}
%!   o = {'Stride', 1, 'DivisorOverride', 1, 'SpatialDims', 1, 'Method', method{1}};
%!   dx = pooling.avg_pool_backward(dy, x, 3, o{:});
%!   assert(dx, [1; 2^53; 0; 0; -2^53]);
%!   dx = pooling.avg_pool_backward(flipud(dy), x, 3, o{:});
%!   assert(dx(3), 1);
%! end
%! % In two dimensions the outputs are ordered row-major, not column-major.
%! for method = {'fast', 'naive'}
%!   o = {'Stride', 1, 'DivisorOverride', 1, 'Method', method{1}};
%!   dx = pooling.avg_pool_backward([1 2^53; -2^53 0], zeros(3, 3), 2, o{:});
%!   assert(dx(2, 2), 0);
%!   dx = pooling.avg_pool_backward([1 -2^53; 2^53 0], zeros(3, 3), 2, o{:});
%!   assert(dx(2, 2), 1);
%! end

%!test  % -0 gradients leave +0, and a DY with dropped trailing singletons is accepted
%! for method = {'fast', 'naive'}
%!   dx = pooling.avg_pool_backward(-0, [1 2; 3 4], 2, 'Method', method{1});
%!   assert(1 ./ dx, Inf(2, 2));
%!   dx = pooling.avg_pool_backward(ones(2, 2), ones(4, 4, 1, 1), 2, 'Method', method{1});
%!   assert(dx, ones(4) / 4);
%! end

%!test  % 'fast' and 'naive' agree bit for bit: wide magnitudes, every option
%! state = rand('twister');
%! rand('twister', 13);
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
%!   % Strides below the kernel size overlap the windows, so shares collide.
%!   opts = {'Stride', randi(2, 1, r), 'Padding', pad, 'Dilation', d, ...
%!           'CeilMode', rand() < 0.5, 'CountIncludePad', rand() < 0.5, ...
%!           'DivisorOverride', override, 'SpatialDims', r};
%!   for cls = {'double', 'single'}
%!     x = zeros([n 1], cls{1});
%!     try
%!       y = pooling.avg_pool(x, k, opts{:});
%!     catch err
%!       assert(any(strcmp(err.identifier, {'pooling:outputTooSmall', 'pooling:emptyWindow'})));
%!       continue
%!     end
%!     % Values of both signs spanning 2^-40 to 2^40: any change in the order
%!     % of the additions changes the rounding.
%!     dy = cast(randn(size(y)) .* 2 .^ randi([-40 40], size(y)), cls{1});
%!     dy(rand(size(dy)) < 0.1) = -0;
%!     dx1 = pooling.avg_pool_backward(dy, x, k, opts{:}, 'Method', 'fast');
%!     dx2 = pooling.avg_pool_backward(dy, x, k, opts{:}, 'Method', 'naive');
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

%!error id=pooling:badInput pooling.avg_pool_backward(1)
%!error <the gradient of a function of integers is not a useful number>
%! pooling.avg_pool_backward(ones(2), int32(ones(4)), 2)
%!error id=pooling:badInput pooling.avg_pool_backward(ones(2), uint8(ones(4)), 2)
%!error id=pooling:badInput pooling.avg_pool_backward(ones(2), ones(4, 4, 2, 2, 2), 2)
%!error id=pooling:badOption pooling.avg_pool_backward(ones(2), ones(4), 2, 'Bogus', 1)
%!error id=pooling:badOption
%! pooling.avg_pool_backward(ones(2), ones(4), 2, 'DivisorOverride', 'none')
%!error id=pooling:badKernel pooling.avg_pool_backward(ones(2), ones(4))
%!error id=pooling:badStride pooling.avg_pool_backward(ones(2), ones(4), 2, 'Stride', 0)
%!error id=pooling:badPadding pooling.avg_pool_backward(ones(2), ones(4), 2, 'Padding', 2)
%!error id=pooling:badDilation pooling.avg_pool_backward(ones(2), ones(4), 2, 'Dilation', 0)
%!error id=pooling:outputTooSmall pooling.avg_pool_backward(ones(2), ones(1, 4), 2)
%!error id=pooling:emptyWindow
%! pooling.avg_pool_backward(1, 5, 2, 'Dilation', 3, 'Padding', 2, 'SpatialDims', 1)
%!error id=pooling:badGradient pooling.avg_pool_backward(single(ones(2)), ones(4), 2)
%!error id=pooling:badGradient pooling.avg_pool_backward(int8(ones(2)), ones(4), 2)
%!error id=pooling:badGradient pooling.avg_pool_backward(ones(2, 3), ones(4), 2)
%!error <size of the forward output, 3x3>
%! pooling.avg_pool_backward(ones(2), ones(4), 2, 'Padding', 1)
