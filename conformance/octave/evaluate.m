function evaluate(expression)
    %EVALUATE  Evaluate one MATLAB expression for the bad-call catalogue.
    %   EVALUATE(EXPRESSION) runs EXPRESSION with no output.  The catalogue
    %   needs values oct2py cannot send (cell arrays, structs, sparse, char and
    %   logical arrays as such), so each bad call is written as MATLAB text;
    %   run_calls catches the error and its identifier.
    eval([expression, ';']);
end
