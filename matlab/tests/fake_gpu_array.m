classdef fake_gpu_array
    %FAKE_GPU_ARRAY  Test stand-in for gpuArray, dlarray and other array-like classes.
    %   A = fake_gpu_array(DATA) wraps DATA and claims to be a real, full,
    %   floating-point numeric array (ISNUMERIC, ISFLOAT and ISREAL are true),
    %   as a gpuArray does, although its class is not a built-in one. Octave
    %   cannot make a gpuArray, so the tests use this class to check that the
    %   pooling functions refuse such classes up front with pooling:badInput.

    properties
        data
    end

    methods

        function obj = fake_gpu_array(data)
            obj.data = data;
        end

        function tf = isnumeric(obj) %#ok<MANU>
            tf = true;
        end

        function tf = isfloat(obj) %#ok<MANU>
            tf = true;
        end

        function tf = isreal(obj) %#ok<MANU>
            tf = true;
        end

        function varargout = size(obj, varargin)
            [varargout{1:max(nargout, 1)}] = size(obj.data, varargin{:});
        end

        function n = ndims(obj)
            n = ndims(obj.data);
        end

        function n = numel(obj, varargin)
            n = numel(obj.data, varargin{:});
        end

    end
end
