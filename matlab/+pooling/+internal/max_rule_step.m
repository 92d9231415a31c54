function [b, b_sel] = max_rule_step(b, b_sel, v, v_sel, track, masked)
    %MAX_RULE_STEP  One offset of the fast max path: V replaces the running best B by SPEC's rule.
    %   [B, B_SEL] = pooling.internal.max_rule_step(B, B_SEL, V, V_SEL, TRACK, MASKED)
    %   applies the selection rule element by element when MASKED is true (or B is
    %   a scalar): V replaces B only where B is not NaN and V is NaN or greater, so
    %   ties and -0 before +0 keep the earlier element. Otherwise it uses the built-in
    %   MAX, where pooling.internal.max_pool_fast has arranged that MAX agrees with
    %   the rule. With TRACK, B_SEL follows the offset number of the element kept.
    if masked || numel(b) < 2
        if isfloat(b)
            take = ~isnan(b) & (isnan(v) | v > b);
        else
            take = v > b;
        end
        b(take) = v(take);
        if track
            b_sel = pooling.internal.expand_offsets(b_sel, size(b));
            v_sel = pooling.internal.expand_offsets(v_sel, size(b));
            b_sel(take) = v_sel(take);
        end
        return
    end
    if track
        % The selected offset is the last one where V beat the running best,
        % and offset numbers grow along the scan: a running maximum finds it.
        up = feval(class(b_sel), v > b);
        if isscalar(b_sel) && isscalar(v_sel)
            % Two numbers shared by all (the first dimension reduced): one
            % step, and none at all for the second offset of a row.
            gap = v_sel - b_sel;
            if gap ~= 1
                up = up .* gap;
            end
            if b_sel ~= 0
                up = up + b_sel;
            end
            b_sel = up;
        else
            b_sel = max(b_sel, up .* v_sel);
        end
    end
    b = max(b, v);
end
