/** Past the heap it can use, the analysis stops with what to do instead of V8 aborting the process. */
import { Analysis, CapacityError } from '../../src/analysis.js';
import { cli } from '../../src/cli/program.js';
import { parseText } from '../../src/parse/parse.js';
import { argv, fakeDeps } from '../cli/fakes.js';

test('an analysis that outgrows its heap limit throws CapacityError, naming the way out', () => {
  const text = Array.from({ length: 600 }, (_, i) => `INSERT INTO t${i % 3} (a) SELECT a FROM s;`).join('\n');
  const run = new Analysis({}, { heapLimit: 1024 * 1024 });
  run.beginFile(0, text);
  expect(() => parseText(text, run.dialect, (stmt) => run.statement(stmt))).toThrow(CapacityError);
  expect(() => {
    const again = new Analysis({}, { heapLimit: 1024 * 1024 });
    again.beginFile(0, text);
    parseText(text, again.dialect, (stmt) => again.statement(stmt));
  }).toThrow(/after 512 statements .* NODE_OPTIONS=--max-old-space-size=<MB>/);
});

test('within the limit nothing is said', () => {
  const text = Array.from({ length: 600 }, (_, i) => `INSERT INTO t${i % 3} (a) SELECT a FROM s;`).join('\n');
  const run = new Analysis();
  run.beginFile(0, text);
  run.endFile(0, parseText(text, run.dialect, (stmt) => run.statement(stmt)), text);
  expect(run.finish([{ path: 'a.sql', text }]).graph.statements.total).toBe(600);
});

test('the CLI reports it as an error, exit 2, no document', async () => {
  const f = fakeDeps({
    engine: {
      analyze: () => {
        throw new CapacityError(3900, 4096, 1_200_000);
      },
      write: () => ['DOC'],
    },
  });
  expect(await cli(argv('analyze', 'a.sql'), f.deps)).toBe(2);
  expect(f.out()).toBe('');
  expect(f.err()).toMatch(/^sqlflow: error: out of memory: after 1,200,000 statements the analysis uses 3900 MB of the 4096 MB JavaScript heap\. .*--max-old-space-size/);
});
