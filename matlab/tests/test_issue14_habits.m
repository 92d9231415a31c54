% Octave tests of refusals that meet MATLAB habits (issue 14): the message says
% how to fix the call. From the matlab folder:
%   addpath(pwd, fullfile(pwd, 'tests')); test tests/test_issue14_habits.m

% ---- mixed classes: DY in another class than X

%!error <ones\(size\(Y\), 'like', Y\).*cast\(DY, 'like', X\)>
%! x = single(magic(4));
%! y = pooling.max_pool(x, 2);
%! pooling.max_pool_backward(ones(size(y)), x, 2)
%!error id=pooling:badGradient
%! x = single(magic(4));
%! pooling.max_pool_backward(ones(2), x, 2)
%!error <cast\(DY, 'like', X\)> pooling.avg_pool_backward(single(ones(2)), ones(4), 2)
%!error <cast\(DY, 'like', X\)> pooling.global_max_pool_backward(1, single(ones(4)))
%!error <cast\(DY, 'like', X\)> pooling.global_avg_pool_backward(single(1), ones(4))
%!test  % the suggested fix works
%! x = single(magic(4));
%! y = pooling.max_pool(x, 2);
%! dx = pooling.max_pool_backward(ones(size(y), 'like', y), x, 2);
%! assert(class(dx), 'single');
%! dx = pooling.max_pool_backward(cast(ones(size(y)), 'like', x), x, 2);
%! assert(class(dx), 'single');

% ---- a 1-D signal written as a row

%!error <pass the signal as a column, X\(:\) or X\.'>
%! pooling.max_pool([1 5 2 8], 2, 'SpatialDims', 1)
%!error id=pooling:outputTooSmall pooling.max_pool([1 5 2 8], 2, 'SpatialDims', 1)
%!error <X\(:\) or X\.'> pooling.avg_pool_backward([1 1], [1 5 2 8], 2, 'SpatialDims', 1)
%!test  % the suggested fix works, and a column or a 2-D row gets no hint
%! assert(pooling.max_pool([1 5 2 8].', 2, 'SpatialDims', 1), [5; 8]);
%! try
%!   pooling.max_pool(ones(1, 4), 2);
%!   error('expected an error');
%! catch err
%!   assert(err.identifier, 'pooling:outputTooSmall');
%!   assert(isempty(strfind(err.message, 'column')));
%! end

% ---- classes that only claim to be numeric (gpuArray, dlarray, ...): refused up front.
% fake_gpu_array (in this folder) overloads isnumeric, isfloat and isreal, as a
% gpuArray answers them, so this file needs the tests folder on the path.

%!error <got a 4x4 fake_gpu_array object: class fake_gpu_array is not supported>
%! pooling.max_pool(fake_gpu_array(magic(4)), 2)
%!error id=pooling:badInput pooling.max_pool(fake_gpu_array(magic(4)), 2)
%!error id=pooling:badInput pooling.max_pool_backward(ones(2), fake_gpu_array(magic(4)), 2)
%!error id=pooling:badInput pooling.avg_pool(fake_gpu_array(magic(4)), 2)
%!error id=pooling:badInput pooling.avg_pool_backward(ones(2), fake_gpu_array(magic(4)), 2)
%!error id=pooling:badInput pooling.global_max_pool(fake_gpu_array(magic(4)))
%!error id=pooling:badInput pooling.global_avg_pool(fake_gpu_array(magic(4)))
%!error id=pooling:badInput pooling.global_max_pool_backward(1, fake_gpu_array(magic(4)))
%!error id=pooling:badInput pooling.global_avg_pool_backward(1, fake_gpu_array(magic(4)))
%!error id=pooling:badInput pooling.max_unpool(fake_gpu_array([5 8]), [2 4], 4)
%!error id=pooling:badInput pooling.max_unpool_backward(fake_gpu_array(1:4), [2 4])
%!error id=pooling:badGradient
%! pooling.max_pool_backward(fake_gpu_array(ones(2)), magic(4), 2)
%!error id=pooling:badKernel pooling.max_pool(magic(4), fake_gpu_array(2))
%!error id=pooling:badStride pooling.max_pool(magic(4), 2, 'Stride', fake_gpu_array(2))
%!error id=pooling:badPadding pooling.max_pool(magic(4), 2, 'Padding', fake_gpu_array(1))
%!error id=pooling:badDilation pooling.max_pool(magic(4), 2, 'Dilation', fake_gpu_array(1))
%!error id=pooling:badOption pooling.max_pool(magic(4), 2, 'CeilMode', fake_gpu_array(1))
%!error id=pooling:badOption pooling.max_pool(magic(4), 2, 'SpatialDims', fake_gpu_array(2))
%!error id=pooling:badOption
%! pooling.avg_pool(magic(4), 2, 'DivisorOverride', fake_gpu_array(2))
%!error id=pooling:badIndices pooling.max_unpool([5 8], fake_gpu_array([2 4]), 4)
%!error id=pooling:badIndices pooling.max_unpool_backward(1:4, fake_gpu_array([2 4]))
%!error id=pooling:badOutputSize pooling.max_unpool([5 8], [2 4], fake_gpu_array(4))

% ---- max_unpool: the full size, SIZE(X), and the size inferred from 'PoolSize'

%!test  % SIZE(X) as OUTPUT_SIZE, 2-D with C and N > 1
%! x = reshape(randperm(96), 4, 4, 3, 2);
%! [y, idx] = pooling.max_pool(x, 2);
%! z = pooling.max_unpool(y, idx, [4 4]);
%! assert(size(z), size(x));
%! assert(pooling.max_unpool(y, idx, size(x)), z);
%! assert(pooling.max_unpool(y, idx, size(x), 'Method', 'naive'), z);
%!test  % SIZE(X) with trailing singletons dropped still gives X's size and values
%! x = reshape(randperm(48), 4, 4, 3);
%! [y, idx] = pooling.max_pool(x, 2);
%! z = pooling.max_unpool(y, idx, [4 4]);
%! assert(pooling.max_unpool(y, idx, size(x)), z);
%! assert(pooling.max_unpool(y, idx, size(x), 'SpatialDims', 2), z);
%! x = reshape(randperm(16), 4, 4);
%! [y, idx] = pooling.max_pool(x, 2);
%! assert(size(pooling.max_unpool(y, idx, size(x))), [4 4]);
%!test  % 1-D and 3-D full sizes with 'SpatialDims'
%! x = reshape(randperm(48), 8, 3, 2);
%! [y, idx] = pooling.max_pool(x, 2, 'SpatialDims', 1);
%! z = pooling.max_unpool(y, idx, 8);
%! assert(pooling.max_unpool(y, idx, size(x), 'SpatialDims', 1), z);
%! x = reshape(randperm(128), 4, 4, 4, 1, 2);
%! [y, idx] = pooling.max_pool(x, 2, 'SpatialDims', 3);
%! assert(pooling.max_unpool(y, idx, size(x)), pooling.max_unpool(y, idx, [4 4 4]));
%!test  % the size inferred from 'PoolSize', 'Stride' and 'Padding', as PyTorch does
%! y = reshape(1:36, 2, 3, 3, 2);
%! cases = {{'PoolSize', 2}, [4 6]; {'PoolSize', [2 2], 'Stride', 2, 'Padding', 0}, [4 6]; ...
%!          {'PoolSize', 3, 'Stride', 2}, [5 7]; ...
%!          {'PoolSize', 3, 'Stride', 2, 'Padding', 1}, [3 5]; ...
%!          {'PoolSize', [3 2], 'Stride', [1 2], 'Padding', [1 0]}, [2 6]};
%! for i = 1:rows(cases)
%!   spatial = cases{i, 2};
%!   idx_i = repmat(reshape((0:5) * prod(spatial), 1, 1, 3, 2), 2, 3) + 1;
%!   z = pooling.max_unpool(y, idx_i, cases{i, 1}{:});
%!   assert(size(z), [spatial 3 2]);
%!   assert(z, pooling.max_unpool(y, idx_i, spatial));
%!   assert(pooling.max_unpool(y, idx_i, [], cases{i, 1}{:}), z);
%! end
%!test  % OUTPUT_SIZE wins over 'PoolSize', as in PyTorch
%! z = pooling.max_unpool([5; 8], [2; 4], 5, 'PoolSize', 2, 'SpatialDims', 1);
%! assert(z, [0; 5; 0; 8; 0]);
%!test  % 1-D inferred: 'SpatialDims' 1 and a column
%! [y, idx] = pooling.max_pool([1; 5; 2; 8], 2, 'SpatialDims', 1);
%! assert(pooling.max_unpool(y, idx, 'PoolSize', 2, 'SpatialDims', 1), [0; 5; 0; 8]);
%!error <N = 3 where Y has N = 2>
%! pooling.max_unpool(ones(2, 2, 3, 2), ones(2, 2, 3, 2), [4 4 3 3])
%!error <C = 2 where Y has C = 3 and N = 3 where Y has N = 2>
%! pooling.max_unpool(ones(2, 2, 3, 2), ones(2, 2, 3, 2), [4 4 2 3])
%!error id=pooling:badOutputSize
%! pooling.max_unpool(ones(2, 2, 3, 2), ones(2, 2, 3, 2), [4 4 3 2 1], 'SpatialDims', 2)
%!error id=pooling:badOutputSize
%! pooling.max_unpool(ones(2, 2, 3, 2), ones(2, 2, 3, 2), 4, 'SpatialDims', 2)
%!error <give OUTPUT_SIZE .* or 'PoolSize'> pooling.max_unpool(ones(2), ones(2))
%!error id=pooling:badOutputSize pooling.max_unpool(ones(2), ones(2), 'Stride', 2)
%!error id=pooling:badOutputSize pooling.max_unpool(ones(2), ones(2), [], 'Method', 'naive')
%!error <inferred along spatial dimension 1>
%! pooling.max_unpool(ones(2), ones(2), 'PoolSize', 2, 'Padding', 2)
%!error id=pooling:badKernel pooling.max_unpool(ones(2), ones(2), 'PoolSize', 0)
%!error id=pooling:badKernel pooling.max_unpool(ones(2), ones(2), 'PoolSize', [2 2 2 2])
%!error id=pooling:badStride pooling.max_unpool(ones(2), ones(2), 'PoolSize', 2, 'Stride', 0)
%!error id=pooling:badPadding pooling.max_unpool(ones(2), ones(2), 'PoolSize', 2, 'Padding', -1)
%!error id=pooling:badPadding
%! pooling.max_unpool(ones(2), ones(2), 'PoolSize', 2, 'Padding', 'same')
%!error id=pooling:badPadding
%! pooling.max_unpool(ones(2), ones(2), 'PoolSize', 2, 'Padding', [1 1 1])
%!error id=pooling:badOption pooling.max_unpool(ones(2), ones(2), 'PoolSize')

% ---- arrays too large to take or allocate: pooling:tooLarge, before allocating

%!error <the result Z would have size 2147483647x2147483647x1x1>
%! pooling.max_unpool(ones(2), ones(2), [2^31-1 2^31-1])
%!error id=pooling:tooLarge pooling.max_unpool(ones(2), ones(2), [2^31-1 2^31-1 1 1])
%!error id=pooling:tooLarge pooling.max_unpool(ones(2), ones(2), 'PoolSize', 2^20)
%!error <X has size 100000x100000x1x0>
%! pooling.max_pool(zeros(1e5, 1e5, 1, 0), 2)
%!error id=pooling:tooLarge pooling.avg_pool(zeros(1e5, 1e5, 1, 0), 2)
%!error id=pooling:tooLarge pooling.global_max_pool(zeros(1e5, 1e5, 1, 0))
%!error <the output would have size>
%! pooling.max_pool(1, 2^31-1, 'Stride', 1, 'Padding', 2^31-2, 'SpatialDims', 3)
%!error id=pooling:tooLarge
%! pooling.avg_pool(ones(4), 2^20, 'Stride', 1, 'Padding', 2^20-1)
%!error id=pooling:tooLarge pooling.max_unpool_backward(1, zeros(1e5, 1e5, 1, 0))
%!test  % an empty batch of a legal size still works
%! assert(size(pooling.max_pool(zeros(4, 4, 1, 0), 2)), [2 2 1 0]);
%!error <\(1073741824 of them\)>
%! % The empty-window check costs O(out), not O(out*POOL_SIZE): 2^30 offsets.
%! pooling.max_pool(1, 2^30, 'Dilation', 2, 'Padding', [1; 2^31-2], 'Stride', 1, ...
%!                  'SpatialDims', 1)

% ---- per-language conventions (SPEC.md section 12): MATLAB's side. Python's is
% pinned in python/tests/test_issue14_habits.py.

%!test  % accepted here, refused by Python: 'SAME', numeric 0/1 flags, single(2), float IDX
%! x = reshape(1:16, 4, 4);
%! assert(pooling.max_pool(x, 2, 'Padding', 'SAME'), pooling.max_pool(x, 2, 'Padding', 'same'));
%! assert(pooling.max_pool(x, 3, 'CeilMode', 1), pooling.max_pool(x, 3, 'CeilMode', true));
%! assert(pooling.max_pool(x, 2, 'CeilMode', 0), pooling.max_pool(x, 2));
%! assert(pooling.max_pool(x, single(2)), pooling.max_pool(x, 2));
%! assert(pooling.max_pool(x, 2, 'stride', int8(2)), pooling.max_pool(x, 2));
%! [y, idx] = pooling.max_pool(x, 2);
%! assert(pooling.max_unpool(y, single(idx), [4 4]), pooling.max_unpool(y, idx, [4 4]));
%!error id=pooling:badKernel pooling.max_pool(ones(4), reshape([2 2], 1, 1, 2))
%!error id=pooling:badStride pooling.max_pool(ones(4), 2, 'Stride', reshape([2 2], 1, 1, 2))
%!error id=pooling:badDilation pooling.max_pool(ones(4), 2, 'Dilation', reshape([1 1], 1, 1, 2))
%!error id=pooling:badOption pooling.max_pool(ones(4), 2, 'CeilMode', 2)
%!error id=pooling:badPadding pooling.max_pool(ones(4), 2, 'Padding', 'full')
%!test  % an empty batch: SIZE(X) names N = 0, and the inferred size works too
%! x = zeros(4, 4, 1, 0);
%! [y, idx] = pooling.max_pool(x, 2);
%! assert(size(pooling.max_unpool(y, idx, size(x))), [4 4 1 0]);
%! assert(size(pooling.max_unpool(y, idx, 'PoolSize', 2)), [4 4 1 0]);
%!error id=pooling:badOutputSize pooling.max_unpool(zeros(2, 2, 1, 0), zeros(2, 2, 1, 0), [4 0 1 0])
%!error id=pooling:badOutputSize pooling.max_unpool(zeros(2, 2, 1, 0), zeros(2, 2, 1, 0), [4 4 0 0])
