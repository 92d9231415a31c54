function win = range_windows(r, in, out, lo, hi, channels, batch, geom)
    %RANGE_WINDOWS  Windows that are one range of input positions per dimension.
    %   WIN = pooling.internal.range_windows(R, IN, OUT, LO, HI, CHANNELS, BATCH)
    %   collects the description the range kernels (adaptive and Lp pooling)
    %   work on: window O covers, along dimension A, the 0-based positions
    %   LO{A}(O+1) to HI{A}(O+1)-1, never empty. IN and OUT are 1-by-3 (missing
    %   dimensions 1). WIN also has the largest window length per dimension
    %   (extent), the element count of every window (count, OUT-sized) and
    %   planes = CHANNELS*BATCH. GEOM, when given, is the pool_geometry the
    %   windows come from (regular windows, no dilation): WIN.geom, else [].
    %
    %   See also pooling.internal.adaptive_windows, pooling.internal.geometry_windows.

    win.r = r;
    win.in = in;
    win.out = out;
    win.lo = lo;
    win.hi = hi;
    win.extent = [max(hi{1} - lo{1}), max(hi{2} - lo{2}), max(hi{3} - lo{3})];
    win.count = (hi{1} - lo{1}) .* reshape(hi{2} - lo{2}, 1, []) .* ...
                reshape(hi{3} - lo{3}, 1, 1, []);
    win.channels = channels;
    win.batch = batch;
    win.planes = channels * batch;
    win.geom = [];
    if nargin > 7
        win.geom = geom;
    end
end
