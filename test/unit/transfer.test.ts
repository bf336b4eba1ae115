/** The parse worker's transfer form of syntax trees (src/parse/transfer.ts): what comes out is what the parser made. */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type * as A from '../../src/ast/nodes.js';
import { parseText } from '../../src/parse/parse.js';
import { NotTransferable, TreeDecoder, TreeEncoder } from '../../src/parse/transfer.js';
import { dialect } from '../helpers/dialects.js';

/** Every object's keys, in order, depth first: deep equality does not compare the order. */
function keyOrder(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => keyOrder(x, out));
  else if (v !== null && typeof v === 'object') {
    out.push(Object.keys(v).join(','));
    for (const x of Object.values(v)) keyOrder(x, out);
  }
  return out;
}

/** The statements sent in batches of `size` through one encoder and one decoder, as the worker and the pool do. */
function roundTrip(statements: unknown[], size: number): unknown[] {
  const encoder = new TreeEncoder();
  const decoder = new TreeDecoder();
  const out: unknown[] = [];
  for (let i = 0; i < statements.length; i += size) {
    const batch = statements.slice(i, i + size);
    for (const s of batch) encoder.value(s);
    // Through a structured clone, as postMessage sends it.
    out.push(...decoder.decode(structuredClone(encoder.take()), batch.length));
  }
  return out;
}

describe('src/parse/transfer.ts', () => {
  it('rebuilds the trees of a T-SQL procedure and TPC-H queries exactly: values, key order, properties holding undefined', () => {
    const cases: [string, string][] = [
      ['mssql', readFileSync('samples/mssql/03_usp_load_fact_sales.sql', 'utf8')],
      ['oracle', readFileSync('samples/oracle/02_dw_load_pkg.sql', 'utf8')],
      ['ansi', readFileSync('test/corpus/bench/tpch.sql', 'utf8')],
    ];
    for (const [vendor, sql] of cases) {
      const parsed = parseText(sql, dialect(vendor));
      expect(parsed.failed).toBe(0);
      const statements = parsed.statements;
      expect(statements.length).toBeGreaterThan(1);
      for (const size of [1, 3, 64]) {
        const back = roundTrip(statements, size) as A.Statement[];
        expect(isDeepStrictEqual(back, statements)).toBe(true);
        expect(keyOrder(back)).toEqual(keyOrder(statements));
      }
    }
  });

  it('keeps what JSON would lose: undefined properties, -0, NaN, fractions, holes read as undefined', () => {
    const tree = { k: 'lit', text: 'x', value: -0, nan: Number.NaN, big: 2 ** 40, frac: 0.25, gone: undefined, list: [1, undefined, null, true, 'a'], nested: { k: 'col', parts: [] } };
    const [back] = roundTrip([tree], 1) as [typeof tree];
    expect(Object.keys(back)).toEqual(Object.keys(tree));
    expect(Object.is(back.value, -0)).toBe(true);
    expect(back.nan).toBeNaN();
    expect(back).toEqual(tree);
    expect('gone' in back).toBe(true);
  });

  it('refuses what is not plain data, and a tree too deep for the stack throws (the pool then parses the file itself)', () => {
    expect(() => new TreeEncoder().value({ k: 'x', m: new Map() })).toThrow(NotTransferable);
    expect(() => new TreeEncoder().value({ k: 'x', f: () => 1 })).toThrow(NotTransferable);
    expect(() => new TreeEncoder().value(JSON.parse('{"__proto__": 1}'))).toThrow(NotTransferable);
    let deep: unknown = { k: 'lit' };
    for (let i = 0; i < 200_000; i++) deep = { k: 'op', args: [deep] };
    expect(() => new TreeEncoder().value(deep)).toThrow(RangeError);
  });
});
