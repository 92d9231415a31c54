function check_gradient(fname, dy, x, geom, advise)
    %CHECK_GRADIENT  DY of a backward call: X's class, real, full, the forward output's size.
    %   pooling.internal.check_gradient(FNAME, DY, X, GEOM, ADVISE) raises
    %   pooling:badGradient unless DY is a real, full array of class(X) of
    %   size pooled_size(GEOM) (trailing singleton dimensions ignored): the
    %   last check of SPEC.md section 12. With ADVISE true, a plain array of
    %   another class gets a message saying how to match the classes.
    %
    %   See also pooling.internal.pool_backward, pooling.internal.range_backward.

    if ~strcmp(class(dy), class(x)) || ~isreal(dy) || issparse(dy)
        fix = '';
        if advise && ~strcmp(class(dy), class(x)) && pooling.internal.is_plain_array(dy)
            % Mixed classes are refused, not converted: say how to match them.
            fix = sprintf([' Mixed classes are refused, not converted: make DY in X''s ' ...
                           'class, e.g. ones(size(Y), ''like'', Y), or convert it with ' ...
                           'cast(DY, ''like'', X).']);
        end
        error('pooling:badGradient', ...
              '%s: DY must be a real, full %s array, the class of X; got %s.%s', ...
              fname, class(x), pooling.internal.describe_value(dy, true), fix);
    end
    pooling.internal.check_size(fname, 'pooling:badGradient', dy, 'DY', ...
                                pooling.internal.pooled_size(geom), 'the forward output');
end
