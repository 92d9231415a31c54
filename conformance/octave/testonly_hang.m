function testonly_hang()
    %TESTONLY_HANG  Test-only: never return, so the harness must time the batch out.
    while true
    end
end
