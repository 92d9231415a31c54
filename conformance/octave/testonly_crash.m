function testonly_crash()
    %TESTONLY_CRASH  Test-only: kill this Octave process in the middle of a batch.
    kill(getpid(), 9);
end
