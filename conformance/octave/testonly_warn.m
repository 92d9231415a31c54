function testonly_warn()
    %TESTONLY_WARN  Test-only: issue a warning, so the harness can prove it catches one.
    warning('pooling:testonly', 'a warning the harness must not let pass');
end
