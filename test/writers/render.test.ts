import type { OutputFormat } from '../../src/options.js';
import { render, writeCsv, writeDataArts, writeGraphml, writeHtml, writeJson } from '../../src/writers/index.js';
import { clone, insertSelectGraph, multiFileGraph, opts, wideGraph } from './fixtures.js';

const FORMATS: OutputFormat[] = ['json', 'csv', 'graphml', 'dataarts', 'html'];

describe('render', () => {
  test('dispatches on opts.format', () => {
    const g = multiFileGraph();
    expect(render(g, opts('json'))).toBe(writeJson(g, opts('json')));
    expect(render(g, opts('csv', { delimiter: ';' }))).toBe(writeCsv(g, opts('csv', { delimiter: ';' })));
    expect(render(g, opts('graphml'))).toBe(writeGraphml(g, opts('graphml')));
    expect(render(g, opts('dataarts'))).toBe(writeDataArts(g, opts('dataarts')));
    expect(render(g, opts('html'))).toBe([...writeHtml(g, opts('html'))].join(''));
  });

  test('unknown format is a programming error', () => {
    expect(() => render(multiFileGraph(), opts('pdf' as OutputFormat))).toThrow('unknown output format');
  });

  describe.each(FORMATS)('%s', (format) => {
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
