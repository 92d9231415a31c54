function j = range_live_offsets(win, a)
    %RANGE_LIVE_OFFSETS  The window offsets along one dimension that meet a real element.
    %   J = pooling.internal.range_live_offsets(WIN, A) takes geometry_windows's
    %   WIN (a regular geometry, WIN.geom) and a dimension A and returns the
    %   0-based offsets, ascending, at which some output's window holds an
    %   input element along A. The strided fast paths loop over these instead
    %   of 0:K-1, so their work is bounded by the windows' real elements, never
    %   by the kernel size: a 2^31-1 kernel over a short input costs what the
    %   input costs (SPEC.md section 12). Output O's real elements have the
    %   offsets [LO(O) - START(O), HI(O) - START(O)), START(O) = O*S - PB; both
    %   ends fall as O grows, so one merge over the outputs in reverse finds
    %   the union.
    %
    %   See also pooling.internal.range_strided, pooling.internal.geometry_windows.

    g = win.geom;
    start = (0:g.out(a) - 1).' * g.s(a) - g.pb(a);
    lo = flipud(win.lo{a}(:) - start);
    hi = flipud(win.hi{a}(:) - start);
    first = [true; lo(2:end) > hi(1:end - 1)];
    last = [first(2:end); true];
    from = lo(first);
    to = hi(last);
    parts = cell(1, numel(from));
    for t = 1:numel(from)
        parts{t} = from(t):to(t) - 1;
    end
    j = [zeros(1, 0), parts{:}];
end
