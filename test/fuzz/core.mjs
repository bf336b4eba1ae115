/**
 * The fuzz campaign's pieces, shared by `npm run fuzz` (test/fuzz/run.mjs, on the built dist/)
 * and the deterministic slice of `npm test` (test/robust/fuzz.test.ts, on the TypeScript sources):
 * seeds, a fast-check generator of mutated inputs (shrinkable), and the invariants.
 *
 * A case is { seed, vendor, mutations }: the text of one seed (a corpus case, a TPC query, a
 * sample or procedural fixture, or a window of statements of one) with mutations applied in
 * order. Positions are fractions of the current length, so a shrunk case stays meaningful.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/** Size under which a run must stay under TIME_LIMIT_MS of CPU time. */
export const SIZE_LIMIT = 200_000;
export const TIME_LIMIT_MS = 10_000;

/** Seeds from the repository (`root`): every text is kept small enough to mutate quickly. */
export function loadSeeds(root) {
  const seeds = [];
  const add = (name, text, vendor) => {
    if (text.trim() !== '') seeds.push({ name, text, vendor });
  };
  const dialectVendor = { tsql: 'dbvmssql', oracle: 'dbvoracle', bigquery: 'dbvbigquery', hive: 'dbvhive', redshift: 'dbvredshift', vertica: 'dbvvertica', ansi: 'dbvansi', mysql: 'dbvmysql', sparksql: 'dbvsparksql', snowflake: 'dbvsnowflake', postgres: 'dbvpostgresql' };
  const lines = readFileSync(join(root, 'test/corpus/sqllineage/cases.jsonl'), 'utf8').split('\n');
  for (const line of lines) {
    if (line.trim() === '') continue;
    const c = JSON.parse(line);
    add(`sqllineage:${c.id}`, c.sql, dialectVendor[c.dialect] ?? 'dbvansi');
  }
  for (const f of ['tpch.sql', 'tpcds.sql']) {
    const text = readFileSync(join(root, 'test/corpus/bench', f), 'utf8');
    text.split(/;\s*\n/).forEach((q, i) => add(`${f}#${i + 1}`, `${q};\n`, 'dbvansi'));
  }
  const files = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.sql')) files.push(p);
    }
  };
  for (const d of ['samples', 'test/fixtures/tsql', 'test/fixtures/oracle', 'test/fixtures/psm', 'test/fixtures/mixed']) walk(join(root, d));
  for (const p of files) {
    const rel = p.slice(root.length + 1);
    let text;
    try {
      text = readFileSync(p, 'utf8');
    } catch {
      continue;
    }
    const vendor = /tsql|mssql/.test(rel) ? 'dbvmssql' : /oracle/.test(rel) ? 'dbvoracle' : /pg_/.test(rel) ? 'dbvpostgresql' : /mysql/.test(rel) ? 'dbvmysql' : /bigquery/.test(rel) ? 'dbvbigquery' : /snowflake/.test(rel) ? 'dbvsnowflake' : 'dbvansi';
    // Large files: windows of about 8 KB starting at a line start.
    for (let at = 0; at < text.length; at += 8000) {
      const start = at === 0 ? 0 : text.indexOf('\n', at) + 1;
      if (start <= 0 && at > 0) break;
      add(`${rel}@${start}`, text.slice(start, start + 8000), vendor);
    }
  }
  return seeds;
}

/** Words and fragments that stress the splitter, the scanner and the grammar. */
export const FRAGMENTS = [
  '(', ')', "'", '"', '`', '[', ']', ';', ',', '.', '*', '@', ':', '::', '$$', '$tag$', '/*', '*/', '--', '#',
  '\nGO\n', '\n/\n', '\nDELIMITER //\n', '//', ' BEGIN ', ' END ', ' END;', ' CASE ', ' WHEN ', ' THEN ', ' ELSE ',
  ' IF ', ' WHILE ', ' LOOP ', ' FOR ', ' DECLARE ', ' SELECT ', ' FROM ', ' WHERE ', ' WITH ', ' AS ', ' ON ',
  ' UNION ALL ', ' JOIN ', ' (SELECT a FROM t) ', ' INSERT INTO x ', ' CREATE TABLE ', ' CREATE PROCEDURE p AS ',
  ' PIVOT ', ' LATERAL ', ' OVER (', ' NULL ', " q'[", ' N\'', ' E\'', "{{ ref('m') }}", '{% if x %}', '\\',
  '\u00e9', '\u4e2d', '\u{1F600}', '\u200b', '\ufeff', '\0', '\r', '\r\n', '\t', '\u2028',
];

const mutation = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constant('truncate'), fc.double({ min: 0, max: 1, noNaN: true })) },
  { weight: 4, arbitrary: fc.tuple(fc.constant('delete'), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 200 })) },
  { weight: 6, arbitrary: fc.tuple(fc.constant('insert'), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: FRAGMENTS.length - 1 })) },
  { weight: 3, arbitrary: fc.tuple(fc.constant('flip'), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 0xffff })) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('dup'), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 400 })) },
  { weight: 2, arbitrary: fc.tuple(fc.constant('splice'), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 600 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('nest'), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 1500 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('chain'), fc.constantFrom('cte', 'star', 'union', 'derived', 'case', 'paren', 'and'), fc.integer({ min: 1, max: 3000 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('ident'), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 20000 })) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('lineEnds'), fc.constantFrom('\r\n', '\r', '\n\n', '\u2028')) },
  { weight: 1, arbitrary: fc.tuple(fc.constant('repeat'), fc.integer({ min: 2, max: 2000 })) },
);

/** The generator of cases over `seeds` and `vendors`. */
export function caseArbitrary(seeds, vendors) {
  return fc.record({
    seed: fc.integer({ min: 0, max: seeds.length - 1 }),
    vendor: fc.oneof(fc.constant(''), fc.constantFrom(...vendors)),
    mutations: fc.array(mutation, { maxLength: 6 }),
  });
}

/** The text of a case (at most SIZE_LIMIT characters). */
export function materialize(c, seeds) {
  let text = seeds[c.seed].text;
  const at = (p, len = text.length) => Math.min(len, Math.floor(p * (len + 1)));
  for (const m of c.mutations) {
    const op = m[0];
    if (op === 'truncate') text = text.slice(0, at(m[1]));
    else if (op === 'delete') {
      const i = at(m[1]);
      text = text.slice(0, i) + text.slice(i + m[2]);
    } else if (op === 'insert') {
      const i = at(m[1]);
      text = text.slice(0, i) + FRAGMENTS[m[2]] + text.slice(i);
    } else if (op === 'flip') {
      const i = Math.min(at(m[1]), Math.max(0, text.length - 1));
      text = text.slice(0, i) + String.fromCharCode(m[2]) + text.slice(i + 1);
    } else if (op === 'dup') {
      const i = at(m[1]);
      text = text.slice(0, i + m[2]) + text.slice(i, i + m[2]) + text.slice(i + m[2]);
    } else if (op === 'splice') {
      const other = seeds[m[2] % seeds.length].text;
      const j = Math.floor(m[3] * other.length);
      const i = at(m[1]);
      text = text.slice(0, i) + other.slice(j, j + m[4]) + text.slice(i);
    } else if (op === 'nest') {
      const i = at(m[1]);
      text = text.slice(0, i) + '('.repeat(m[2]) + text.slice(i) + ')'.repeat(m[2]);
    } else if (op === 'chain') text += `\n${chain(m[1], m[2])}`;
    else if (op === 'ident') {
      const i = at(m[1]);
      text = text.slice(0, i) + ' ' + 'x'.repeat(m[2]) + ' ' + text.slice(i);
    } else if (op === 'lineEnds') text = text.replace(/\r?\n/g, m[1]);
    else if (op === 'repeat') text = text.repeat(Math.max(1, Math.min(m[1], Math.floor(SIZE_LIMIT / Math.max(1, text.length)))));
    if (text.length > SIZE_LIMIT) text = text.slice(0, SIZE_LIMIT);
  }
  return text;
}

/** A statement `n` levels deep of one kind (every kind must analyze, or fail alone). */
export function chain(kind, n) {
  if (kind === 'cte' || kind === 'star') {
    const col = kind === 'star' ? '*' : 'a';
    const parts = [`c0 AS (SELECT ${col} FROM t)`];
    for (let i = 1; i < n; i++) parts.push(`c${i} AS (SELECT ${col} FROM c${i - 1})`);
    return `WITH ${parts.join(', ')} INSERT INTO z SELECT ${col} FROM c${n - 1};\n`;
  }
  if (kind === 'union') return `INSERT INTO z ${Array.from({ length: n }, (_, i) => `SELECT a FROM t${i}`).join(' UNION ALL ')};\n`;
  if (kind === 'derived') return `INSERT INTO z SELECT a FROM ${'(SELECT a FROM '.repeat(n)}t${') d'.repeat(n)};\n`;
  if (kind === 'case') return `SELECT ${'CASE WHEN a > 0 THEN '.repeat(n)}a${' END'.repeat(n)} AS c FROM t;\n`;
  if (kind === 'paren') return `SELECT ${'('.repeat(n)}a${')'.repeat(n)} AS c FROM t;\n`;
  return `SELECT a FROM t WHERE ${Array.from({ length: n }, (_, i) => `c${i} = ${i}`).join(' AND ')};\n`;
}

const DIAGNOSTIC = /^[^\n]*?:\d+:\d+: (error|warning|note): [^\n]+$/;

/**
 * Invariants of one in-process analysis. `engine` = { analyze, render, formatDiagnostic };
 * returns a list of violations (empty: all hold).
 */
export function checkAnalysis(engine, text, vendor) {
  const path = 'fuzz.sql';
  const out = [];
  const cpu0 = process.cpuUsage();
  let result;
  try {
    result = engine.analyze([{ path, text }], vendor ? { vendor } : {});
  } catch (err) {
    return [`analyze threw: ${firstLine(err)}`];
  }
  const { graph, diagnostics } = result;
  const lineCount = text.split('\n').length;
  let located = 0;
  for (const d of diagnostics) {
    const line = engine.formatDiagnostic(d);
    if (d.file !== path) continue;
    if (!DIAGNOSTIC.test(line) || !Number.isInteger(d.line) || !Number.isInteger(d.col) || d.line < 1 || d.col < 1 || d.line > lineCount) {
      out.push(`malformed diagnostic: ${JSON.stringify(line.slice(0, 200))}`);
    }
    if (d.severity === 'error') located++;
    if (/^internal error/.test(d.message)) out.push(`internal error: ${d.message.slice(0, 200)}`);
  }
  if (graph.statements.failed !== located) out.push(`failed statements ${graph.statements.failed} != errors ${located}`);
  if (graph.statements.failed > graph.statements.total) out.push(`failed ${graph.statements.failed} > total ${graph.statements.total}`);
  for (const format of ['json', 'csv', 'graphml', 'dataarts']) {
    let doc;
    try {
      doc = engine.render(graph, { format, tableToTable: format === 'csv' && text.length % 2 === 1, delimiter: ',' });
    } catch (err) {
      out.push(`render ${format} threw: ${firstLine(err)}`);
      continue;
    }
    const bad = checkDocument(format, doc);
    if (bad) out.push(`${format} document: ${bad}`);
  }
  const cpu = process.cpuUsage(cpu0);
  const ms = (cpu.user + cpu.system) / 1000;
  if (text.length < SIZE_LIMIT && ms > TIME_LIMIT_MS) out.push(`took ${Math.round(ms)} ms of CPU for ${text.length} characters`);
  return out;
}

/** Does the document parse? Undefined when it does, else the problem. */
export function checkDocument(format, doc) {
  if (format === 'json' || format === 'dataarts') {
    try {
      JSON.parse(doc);
    } catch (err) {
      return firstLine(err);
    }
    return undefined;
  }
  if (format === 'csv') return checkCsv(doc);
  return checkXml(doc);
}

/** RFC 4180: every record has the header's number of fields; quotes balanced. */
function checkCsv(doc) {
  let fields = 1;
  let expected = -1;
  let quoted = false;
  let records = 0;
  for (let i = 0; i < doc.length; i++) {
    const c = doc[i];
    if (quoted) {
      if (c === '"') {
        if (doc[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') fields++;
    else if (c === '\n' || (c === '\r' && doc[i + 1] === '\n')) {
      if (c === '\r') i++;
      if (expected < 0) expected = fields;
      else if (fields !== expected) return `record ${records + 1} has ${fields} fields, header ${expected}`;
      records++;
      fields = 1;
    }
  }
  if (quoted) return 'unterminated quoted field';
  return undefined;
}

/** Well-formed XML (tags balanced, attributes quoted, no raw `<` or bad `&` in text). */
function checkXml(doc) {
  const stack = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/y;
  let i = 0;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const textPart = doc.slice(i, lt < 0 ? doc.length : lt);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(textPart)) return `bad entity near offset ${i}`;
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(doc);
    if (!m) return `bad markup at offset ${lt}: ${JSON.stringify(doc.slice(lt, lt + 60))}`;
    if (m[2]) {
      if (m[1]) {
        if (stack.pop() !== m[2]) return `unbalanced </${m[2]}> at offset ${lt}`;
      } else if (!m[4]) stack.push(m[2]);
    }
    i = tag.lastIndex;
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  // Characters XML 1.0 forbids.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(doc)) return 'character not allowed in XML';
  return undefined;
}

/**
 * Invariants of one CLI run (`run(args)` → { code, stdout, stderr }): exit 0/1/2, no stack trace,
 * every stderr line a diagnostic or the summary, failed statements = located errors.
 */
export function checkCliRun(r) {
  const out = [];
  if (![0, 1, 2].includes(r.code)) out.push(`exit code ${r.code}`);
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr) || /internal error/.test(r.stderr)) out.push(`stack trace or internal error: ${firstLine({ message: r.stderr.slice(0, 300) })}`);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  let located = 0;
  let summary;
  for (const l of lines) {
    if (l.startsWith('sqlflow: ')) summary = l;
    // Errors of statements (an input skipped whole, e.g. a binary file, is not a statement).
    else if (/^[^\n]*?:\d+:\d+: (error|warning|note): /.test(l)) located += /^[^\n]*?:\d+:\d+: error: /.test(l) && !/skipped$/.test(l) ? 1 : 0;
    else if (!/^[^\n]*?: (error|warning|note): /.test(l)) out.push(`stderr line is not a diagnostic: ${JSON.stringify(l.slice(0, 200))}`);
  }
  if (summary) {
    // Counts are grouped by thousands (`1,361 failed`).
    const m = /\(([\d,]+) failed\)/.exec(summary);
    const failed = m ? Number(m[1].replace(/,/g, '')) : 0;
    if (failed !== located) out.push(`summary says ${failed} failed, ${located} located errors printed`);
  }
  return out;
}

function firstLine(err) {
  return String((err && err.message) || err).split('\n')[0].slice(0, 300);
}
