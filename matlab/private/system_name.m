function name = system_name()
    if exist('OCTAVE_VERSION', 'builtin')
        name = ['GNU Octave ', OCTAVE_VERSION()];
    else
        name = ['MATLAB ', version()];
    end
end
