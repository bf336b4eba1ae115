import type { OutputFormat } from '../../src/options.js';
import { CHUNK_CHARS, render, write, writeCsv, writeDataArts, writeGraphml, writeHtml, writeJson } from '../../src/writers/index.js';
import { joinChunks } from '../../src/writers/chunks.js';
import { loadOutputWriter } from '../../src/writers/load.js';
import { clone, insertSelectGraph, multiFileGraph, opts, wideGraph } from './fixtures.js';

const FORMATS: OutputFormat[] = ['json', 'csv', 'graphml', 'dataarts', 'html'];

describe('render', () => {
  test('dispatches on opts.format', () => {
    const g = multiFileGraph();
    expect(render(g, opts('json'))).toBe(joinChunks(writeJson(g, opts('json'))));
    expect(render(g, opts('csv', { delimiter: ';' }))).toBe(joinChunks(writeCsv(g, opts('csv', { delimiter: ';' }))));
    expect(render(g, opts('graphml'))).toBe(joinChunks(writeGraphml(g, opts('graphml'))));
    expect(render(g, opts('dataarts'))).toBe(joinChunks(writeDataArts(g, opts('dataarts'))));
    expect(render(g, opts('html'))).toBe(joinChunks(writeHtml(g, opts('html'))));
  });

  test('unknown format is a programming error', () => {
    expect(() => render(multiFileGraph(), opts('pdf' as OutputFormat))).toThrow('unknown output format');
  });

  describe.each(FORMATS)('%s', (format) => {
    test('streams a large document in bounded chunks that join to render()', () => {
      const g = wideGraph(1500, 4, 2500, 3);
      const chunks = [...write(g, opts(format))];
      expect(chunks.length).toBeGreaterThan(2);
      for (const c of chunks) expect(c.length).toBeLessThan(2 * CHUNK_CHARS);
      expect(chunks.join('')).toBe(render(g, opts(format)));
    });

    test('the writer the CLI writes with gives the same document, as text or as UTF-8 bytes', async () => {
      const g = wideGraph(1500, 4, 2500, 3);
      // A non-ASCII name, so bytes and characters differ in number.
      g.objects[1]!.name = 'Straße_数据';
      const chunks = [...(await loadOutputWriter(format))(g, opts(format))];
      expect(chunks.length).toBeGreaterThan(2);
      const bytes = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
      expect(bytes.toString('utf8')).toBe(render(g, opts(format)));
    });

    test.each([false, true])('deterministic and pure (table-to-table %s)', (tableToTable) => {
      for (const make of [insertSelectGraph, multiFileGraph, () => wideGraph(120, 2, 130, 2)]) {
        const g = make();
        const before = JSON.stringify(g);
        const first = render(g, opts(format, { tableToTable }));
        expect(render(g, opts(format, { tableToTable }))).toBe(first);
        expect(render(clone(g), opts(format, { tableToTable }))).toBe(first);
        expect(JSON.stringify(g)).toBe(before); // the graph is not mutated
        expect(first.endsWith('\n')).toBe(true);
      }
    });
  });
});
