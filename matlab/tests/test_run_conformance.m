% Octave tests of run_conformance, the MATLAB-only runner (issues 12 and 14): groups as
% the first argument, the report's shape, and another implementation given as a struct
% of function handles or a package name. From the matlab folder:
%   addpath(pwd, fullfile(pwd, 'tests')); test tests/test_run_conformance.m

% ---- a wrapper exposing only max_pool, with one deliberate deviation

%!function [y, idx] = unsigned_zero_max_pool(varargin)
%!  % pooling.max_pool, but -0 comes back as +0 (as a framework that canonicalises zeros).
%!  % The naive method: these tests are about the runner, not the fast kernels.
%!  [y, idx] = pooling.max_pool(varargin{:}, 'Method', 'naive');
%!  if isfloat(y)
%!    y(y == 0) = 0;
%!  end

%!function ids = signed_zero_cases()
%!  % The max_pool cases whose expected y holds a -0: the ones the wrapper must fail.
%!  data = load(fullfile(fileparts(which('run_conformance')), '..', 'fixtures', 'fixtures.mat'));
%!  ids = {};
%!  for i = 1:numel(data.cases)
%!    c = data.cases{i};
%!    if strcmp(c.op, 'max_pool') && isfield(c, 'expected') && isfloat(c.expected.y)
%!      y = c.expected.y(:);
%!      if any(y == 0 & 1 ./ y < 0)
%!        ids{end + 1} = c.id;
%!      end
%!    end
%!  end

%!test
%! impl = struct('max_pool', @unsigned_zero_max_pool);
%! text = evalc('[ok, results] = run_conformance(''Implementation'', impl);');
%! assert(ok, false);
%! verdicts = {results.verdict};
%! ids = {results.id};
%! failed = sort(ids(strcmp(verdicts, 'failed')));
%! expected = sort(signed_zero_cases());
%! assert(numel(expected) >= 5);                       % the signed-zero group and more
%! assert(failed, expected);                           % exactly the -0 cases fail
%! for r = results(strcmp(verdicts, 'failed'))
%!   assert(numel(r.problems), 1);                     % y only: the indices are right
%!   assert(~isempty(strfind(r.problems{1}, 'y: first difference')));
%!   assert(~isempty(strfind(r.problems{1}, 'expected -0')));
%! end
%! ops = {results.op};
%! % Every other operator: unsupported, with the missing function as the reason.
%! others = results(~strcmp(ops, 'max_pool'));
%! assert(all(strcmp({others.verdict}, 'unsupported')));
%! for r = others
%!   assert(strncmp(r.problems{1}, 'the implementation struct has no field ', 39));
%! end
%! % max_pool itself: integer cases (forward only) and forward error cases pass; a float
%! % case that does not fail is unsupported, as its backward call has no function.
%! mine = results(strcmp(ops, 'max_pool') & ~strcmp(verdicts, 'failed'));
%! for r = mine
%!   if strcmp(r.verdict, 'unsupported')
%!     assert(r.problems, {'the implementation struct has no field max_pool_backward'});
%!   end
%! end
%! assert(sum(strcmp({mine.verdict}, 'passed')) >= 12 + 17);  % integers and errors groups
%! % The report: failing rows marked, failures listed, a verdict line, no line too long.
%! lines = strsplit(text, char(10));
%! assert(max(cellfun(@numel, lines)) < 120);
%! groups = unique({results(strcmp(verdicts, 'failed')).group});
%! for g = groups
%!   row = lines(strncmp(lines, [g{1}, ' '], numel(g{1}) + 1));
%!   assert(numel(row), 1);
%!   assert(regexp(row{1}, 'FAILED$', 'once') > 0);
%! end
%! assert(sum(~cellfun(@isempty, regexp(lines, 'FAILED$', 'once'))), numel(groups));
%! verdict = sprintf('FAILED: %d cases in %d groups (%d passed, %d unsupported)', ...
%!                   numel(failed), numel(groups), sum(strcmp(verdicts, 'passed')), ...
%!                   sum(strcmp(verdicts, 'unsupported')));
%! assert(lines{end - 1}, verdict);
%! assert(~isempty(strfind(text, 'unsupported, by reason:')));

%!test  % the first failure of every failing group comes before any group's second
%! impl = struct('max_pool', @unsigned_zero_max_pool);
%! text = evalc('[ok, results] = run_conformance(''Implementation'', impl, ''MaxShown'', 100);');
%! lines = strsplit(text, char(10));
%! numbered = regexp(lines, '^  \d+\. \S+ \(([^)]*)\)', 'tokens', 'once');
%! numbered = numbered(~cellfun(@isempty, numbered));
%! order = cellfun(@(t) t{1}, numbered, 'UniformOutput', false);
%! groups = unique(order);
%! assert(numel(groups) >= 2);
%! assert(sort(order(1:numel(groups))), groups);
%! failed = results(strcmp({results.verdict}, 'failed'));
%! assert(numel(order), numel([failed.problems]));

%!test  % MaxShown caps the list and says how many are left
%! impl = struct('max_pool', @unsigned_zero_max_pool);
%! text = evalc(['run_conformance(''max_pool/signed-zero'', ''Implementation'', impl, ', ...
%!               '''MaxShown'', 1);']);
%! assert(~isempty(strfind(text, 'first 1 of ')));
%! assert(~isempty(regexp(text, '\(\d+ more; run_conformance\(GROUP\)', 'once')));

% ---- groups as the first argument, and the MAT file form

%!test
%! text = evalc('ok = run_conformance(''max_pool/ties'');');
%! assert(ok);
%! lines = strsplit(strtrim(text), char(10));
%! assert(regexp(lines{end}, '^\d+ passed$', 'once') == 1);
%! assert(any(strncmp(lines, 'max_pool/ties ', 14)));
%! assert(~any(strncmp(lines, 'max_pool/nan ', 13)));
%!test
%! mat = fullfile(fileparts(which('run_conformance')), '..', 'fixtures', 'fixtures.mat');
%! text = evalc('[ok, r] = run_conformance(mat, {''global_avg_pool'', ''max_pool/nan''});');
%! assert(ok);
%! assert(unique({r.op}), {'global_avg_pool', 'max_pool'});
%! text = evalc('[ok, r2] = run_conformance({''global_avg_pool'', ''max_pool/nan''});');
%! assert({r2.id}, {r.id});
%!error <No fixture group or operator max_pool/tie> evalc('run_conformance(''max_pool/tie'')')
%!error <unable to find file|not found> evalc('run_conformance(''no_such_file.mat'')')

% ---- a package name, and what an implementation can say

%!test  % a package with no functions: everything unsupported, nothing failed
%! text = evalc('[ok, r] = run_conformance(''max_unpool'', ''Implementation'', ''no_such_pkg'');');
%! assert(ok);
%! assert(all(strcmp({r.verdict}, 'unsupported')));
%! assert(~isempty(strfind(text, 'no function no_such_pkg.max_unpool')));
%! assert(~isempty(regexp(text, '\n0 passed, \d+ unsupported\n$', 'once')));
%!test  % 'Implementation', 'pooling' is the default and runs both methods
%! text = evalc('[ok, r] = run_conformance(''max_pool/ties'', ''Implementation'', ''pooling'');');
%! assert(ok);
%! assert(~isempty(strfind(text, '''Method'' fast and naive')));
%!test  % pooling:notSupported and an undefined function: unsupported with the reason
%! impl.max_pool = @(varargin) error('pooling:notSupported', 'no max pooling today');
%! impl.avg_pool = @(varargin) function_nobody_wrote(varargin{:});
%! groups = {'max_pool/ties', 'avg_pool/basic'};
%! text = evalc('[ok, r] = run_conformance(groups, ''Implementation'', impl);');
%! assert(ok);
%! assert(all(strcmp({r.verdict}, 'unsupported')));
%! assert(~isempty(strfind(text, '  max_pool: pooling:notSupported: no max pooling today')));
%! assert(~isempty(strfind(text, 'function_nobody_wrote')));
%!test  % any other error is a failure, never a crash
%! impl.global_max_pool = @(varargin) error('mine:broken', 'broken');
%! groups = 'global_max_pool/integers';
%! text = evalc('[ok, r] = run_conformance(groups, ''Implementation'', impl);');
%! assert(ok, false);
%! assert(all(strcmp({r.verdict}, 'failed')));
%! assert(~isempty(strfind(text, 'raised mine:broken: broken')));
%!error <not a function handle> run_conformance('Implementation', struct('max_pool', 1))
%!error <Unknown option> run_conformance('max_pool/ties', 'Implementation', 'pooling', 'Bogus', 1)
