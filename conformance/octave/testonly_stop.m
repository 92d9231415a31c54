function testonly_stop()
    %TESTONLY_STOP  Test-only: stop this Octave process (SIGSTOP) in the middle of a batch.
    %   A stopped process answers no signal but SIGKILL, so only a wall-clock
    %   watchdog that kills it can end the batch.
    kill(getpid(), 19);
end
