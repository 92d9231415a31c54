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
