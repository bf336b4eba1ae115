// Console summary and failure files of the conformance run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s) => (tty ? `\x1b[1m${s}\x1b[22m` : s);
const pct = (p, n) => (n === 0 ? '   -  ' : `${((100 * p) / n).toFixed(1).padStart(5)}%`);

/** Per-dialect table (cases, passed, rate, and the table/column split) plus the total; ansi highlighted. */
export function summaryTable(results) {
  const rows = new Map();
  const row = (d, vendor) => {
    if (!rows.has(d)) rows.set(d, { dialect: d, vendor, n: 0, p: 0, tn: 0, tp: 0, cn: 0, cp: 0 });
    return rows.get(d);
  };
  const total = { dialect: 'total', vendor: '', n: 0, p: 0, tn: 0, tp: 0, cn: 0, cp: 0 };
  for (const r of results) {
    for (const acc of [row(r.dialect, r.vendor), total]) {
      acc.n++;
      if (r.ok) acc.p++;
      if (r.checks.tables) {
        acc.tn++;
        if (r.checks.tables.ok) acc.tp++;
      }
      if (r.checks.columns) {
        acc.cn++;
        if (r.checks.columns.ok) acc.cp++;
      }
    }
  }
  const sorted = [...rows.values()].sort((a, b) => b.n - a.n || a.dialect.localeCompare(b.dialect));
  const head = `${'dialect'.padEnd(12)} ${'vendor'.padEnd(14)} ${'cases'.padStart(5)} ${'passed'.padStart(6)}   rate   ${'tables'.padStart(9)} ${'columns'.padStart(9)}`;
  const line = (r) => {
    const text =
      `${r.dialect.padEnd(12)} ${r.vendor.padEnd(14)} ${String(r.n).padStart(5)} ${String(r.p).padStart(6)} ${pct(r.p, r.n)}  ` +
      `${`${r.tp}/${r.tn}`.padStart(9)} ${`${r.cp}/${r.cn}`.padStart(9)}`;
    return r.dialect === 'ansi' ? bold(`${text}  <- ansi`) : text;
  };
  const out = [head, '-'.repeat(head.length), ...sorted.map(line), '-'.repeat(head.length), line(total)];
  const ansi = rows.get('ansi');
  if (ansi) out.push('', bold(`ansi: ${ansi.p}/${ansi.n} passed (${pct(ansi.p, ansi.n).trim()})`));
  return out.join('\n');
}

/** One failure as a plain object for failures.jsonl. */
function failureRecord(r, c, knownReason) {
  const first = Object.values(r.checks).find((v) => !v.ok) ?? {};
  return {
    id: r.id,
    dialect: r.dialect,
    vendor: r.vendor,
    kind: r.kind,
    reason: r.reason,
    known: knownReason ?? null,
    sql: c.sql,
    expected: c.tables ?? c.column_pairs,
    got: first.got ?? null,
    diff: first.diff ?? null,
    stderr: first.stderr ?? '',
    metadata: c.metadata ? Object.keys(c.metadata) : null,
    config: c.config,
    checks: Object.fromEntries(
      Object.entries(r.checks).map(([k, v]) => [k, { ok: v.ok, reason: v.reason ?? null, args: v.args, got: v.got ?? null, diff: v.diff ?? null, statements: v.statements ?? null, stderr: v.stderr }]),
    ),
  };
}

const list = (xs) => (xs.length === 0 ? '(none)' : xs.join(', '));

function describeCheck(kind, v, c) {
  const out = [`--- ${kind}: ${v.ok ? 'ok' : v.reason}   (sqlflow ${v.args.join(' ')})`];
  if (kind === 'tables') {
    out.push(`expected sources: ${list(c.tables.sources)}`, `expected targets: ${list(c.tables.targets)}`);
    if (v.got && !Array.isArray(v.got) && typeof v.got === 'object') out.push(`got sources:      ${list(v.got.sources)}`, `got targets:      ${list(v.got.targets)}`);
    for (const st of v.statements ?? []) {
      const extra = [st.drops.length ? `drops ${list(st.drops)}` : '', st.renames.length ? `renames ${st.renames.map((r) => r.join(' -> ')).join(', ')}` : ''];
      out.push(`  statement ${st.label}: reads ${list(st.reads)}; writes ${list(st.writes)}${extra.filter(Boolean).map((e) => `; ${e}`).join('')}`);
    }
    if (v.diff) {
      for (const side of ['sources', 'targets']) {
        if (v.diff[side].missing.length) out.push(`missing ${side}: ${list(v.diff[side].missing)}`);
        if (v.diff[side].extra.length) out.push(`extra ${side}:   ${list(v.diff[side].extra)}`);
      }
    }
  } else {
    out.push('expected pairs:', ...c.column_pairs.map(([[st, sc], [tt, tc]]) => `  ${st === null ? sc : `${st}.${sc}`} -> ${tt}.${tc}`));
    if (Array.isArray(v.got)) out.push('got pairs:', ...v.got.map((p) => `  ${p}`));
    if (v.diff) {
      if (v.diff.missing.length) out.push('missing:', ...v.diff.missing.map((p) => `  ${p}`));
      if (v.diff.extra.length) out.push('extra:', ...v.diff.extra.map((p) => `  ${p}`));
    }
  }
  if (typeof v.got === 'string') out.push('output (excerpt):', v.got);
  if (v.stderr) out.push('stderr (excerpt):', v.stderr.trimEnd());
  return out.join('\n');
}

/** Readable text of one failing case (also used by --verbose). */
export function describeFailure(r, c, knownReason) {
  const head = `=== ${r.id}\n    dialect ${r.dialect} -> ${r.vendor}; ${r.reason}${knownReason ? `; known: ${knownReason}` : ' (NOT in known-failures)'}`;
  const checks = Object.entries(r.checks)
    .filter(([, v]) => !v.ok)
    .map(([k, v]) => describeCheck(k, v, c));
  return [head, '--- sql', c.sql.trimEnd(), ...checks, ''].join('\n');
}

/** Write out/failures.jsonl and out/failures.txt; returns the paths. */
export function writeFailures(outDir, results, casesById, known) {
  mkdirSync(outDir, { recursive: true });
  const failing = results.filter((r) => !r.ok);
  const jsonl = failing.map((r) => JSON.stringify(failureRecord(r, casesById.get(r.id), known.get(r.id)))).join('\n');
  const txt = failing.map((r) => describeFailure(r, casesById.get(r.id), known.get(r.id))).join('\n');
  const jsonlPath = join(outDir, 'failures.jsonl');
  const txtPath = join(outDir, 'failures.txt');
  writeFileSync(jsonlPath, jsonl + (jsonl ? '\n' : ''), 'utf8');
  writeFileSync(txtPath, `${failing.length} failing case(s)\n\n${txt}`, 'utf8');
  return { jsonlPath, txtPath };
}
