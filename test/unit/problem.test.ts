/** The problem log: problems placed in position order, each a view sharing its run's log. */
import { analyze } from '../../src/api.js';
import { formatDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { LineIndex } from '../../src/graph/lines.js';
import { ProblemLog } from '../../src/diagnostics/problem.js';

test('placed: position order, repeats of a warning at one place once, every error kept', () => {
  const log = new ProblemLog();
  for (let i = 0; i < 600; i++) log.push('warning', 0, 1000 - i, `w${i % 3}`, 'AmbiguousColumn');
  log.push('warning', 0, 1000, 'w0', 'AmbiguousColumn');
  log.push('error', 0, 5, 'bad', 'SyntaxError');
  log.push('error', 0, 5, 'bad', 'SyntaxError');
  const placed = [...log.placed(['a.sql'], [new LineIndex('x\n'.repeat(2000))])];
  expect(placed).toHaveLength(602);
  expect(placed.slice(0, 3).map(formatDiagnostic)).toEqual(['a.sql:3:2: error: bad', 'a.sql:3:2: error: bad', 'a.sql:201:2: warning: w2']);
  expect(placed[601]!.offset).toBe(1000);
  // The log keeps working after placing.
  log.push('note', 0, 1, 'n', 'SyntaxHint');
  expect(log.length).toBe(604);
  expect([...log.placed(['a.sql'], [])].length).toBe(603);
});

test('problems of two runs keep their own files and positions', () => {
  const a = analyze([{ path: 'a.sql', text: 'select a from t, u;' }]);
  const b = analyze([{ path: 'b.sql', text: '\n\nselect b from v, w;' }]);
  expect(a.diagnostics.map(formatDiagnostic)).toEqual(["a.sql:1:8: warning: column 'a' could belong to any of 2 sources; add a qualifier or --schema"]);
  expect(b.diagnostics.map(formatDiagnostic)).toEqual(["b.sql:3:8: warning: column 'b' could belong to any of 2 sources; add a qualifier or --schema"]);
  expect(JSON.parse(JSON.stringify(a.graph.errors[0]))).toMatchObject({ file: 'a.sql', line: 1, col: 8, code: 'AmbiguousColumn' });
});
