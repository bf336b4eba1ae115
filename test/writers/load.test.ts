/** The CLI loads one writer by format (src/writers/load.ts): the same writer `WRITERS` lists. */
import type { OutputFormat } from '../../src/options.js';
import { WRITERS } from '../../src/writers/index.js';
import { loadWriter } from '../../src/writers/load.js';

test.each(Object.keys(WRITERS) as OutputFormat[])('loadWriter(%s) is the writer WRITERS names', async (format) => {
  expect(await loadWriter(format)).toBe(WRITERS[format]);
});

test('an unknown format is an error, not a writer', async () => {
  await expect(loadWriter('pdf' as OutputFormat)).rejects.toThrow("unhandled output format 'pdf'");
});
