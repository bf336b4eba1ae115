// `npm run bench -- --scale`: the whole CLI on 4, 22 and 108 MB inputs in every format (time and
// peak RSS, linearity), and with --gb a ~1 GB input (a directory of ~108 MB files) in CSV and JSON.
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOURCES } from './input.mjs';
import { mbps, secs } from './measure.mjs';
import { rss, runProcess } from './process.mjs';
import { sqlflowArgs } from './whole.mjs';

export const FORMATS = ['json', 'csv', 'graphml', 'dataarts', 'html', 'sqlflow-graph'];
/** Copies of (tpcds.sql + tpch.sql): ~4.7, ~23.5 and ~117.7 MB; 500 / 20 = 25. */
export const SIZES = [20, 100, 500];
const LINEAR = 1.3;
const RSS_LIMIT_MB = 800;

function unitText(root) {
  return SOURCES.map((p) => readFileSync(join(root, p), 'utf8').replace(/\s*$/, '\n')).join('\n');
}

export async function scaleBench(root, { gb, formats = FORMATS, sizes = SIZES }, out) {
  const dir = await mkdtemp(join(tmpdir(), 'sqlflow-scale-'));
  const unit = unitText(root);
  const results = [];
  try {
    out(`scale: ${sizes.map((n) => `${((Buffer.byteLength(unit) * n) / 1e6).toFixed(1)} MB`).join(', ')} (tpcds.sql + tpch.sql repeated); formats ${formats.join(', ')}`);
    out(`${'input'.padEnd(10)}${'format'.padEnd(10)}${'time'.padStart(10)}${'MB/s'.padStart(8)}${'peak RSS'.padStart(11)}  exit`);
    for (const copies of sizes) {
      const file = join(dir, `in${copies}.sql`);
      await writeFile(file, Array.from({ length: copies }, () => unit).join('\n'));
      const bytes = (await stat(file)).size;
      for (const format of formats) {
        const r = await runProcess(process.execPath, sqlflowArgs(root, file, join(dir, `out.${format}`), { format }));
        results.push({ copies, format, bytes, ...r });
        out(`${`${(bytes / 1e6).toFixed(1)} MB`.padEnd(10)}${format.padEnd(10)}${secs(r.ms).padStart(10)}${mbps(bytes, r.ms).toFixed(2).padStart(8)}${rss(r).padStart(11)}  ${r.code}${r.code === 0 ? '' : `  ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`}`);
      }
      await rm(file, { force: true });
    }
    const small = Math.min(...sizes);
    const large = Math.max(...sizes);
    out('');
    for (const format of formats) {
      const a = results.find((r) => r.copies === small && r.format === format);
      const b = results.find((r) => r.copies === large && r.format === format);
      if (!a || !b) continue;
      const factor = large / small;
      const ratio = b.ms / (factor * a.ms);
      const peak = b.rssMB === undefined ? 'n/a' : `${b.rssMB.toFixed(0)} MB`;
      // The verdict names every target missed: a completed run over the memory bound is not "ok".
      const missed = [
        ...(b.code === 0 ? [] : [`exit ${b.code}`]),
        ...(ratio <= LINEAR ? [] : ['time not linear']),
        ...(b.rssMB === undefined || b.rssMB <= RSS_LIMIT_MB ? [] : ['peak RSS over the target']),
      ];
      out(`${format.padEnd(9)} ${(b.bytes / 1e6).toFixed(0)} MB in ${(ratio).toFixed(2)}x of ${factor} x the ${(a.bytes / 1e6).toFixed(1)} MB time (target <= ${LINEAR}); peak RSS ${peak} (target <= ${RSS_LIMIT_MB} MB); ${missed.length === 0 ? 'ok' : `MISSED: ${missed.join(', ')}`}`);
    }
    if (gb) {
      out('');
      const big = join(dir, 'gb');
      await mkdir(big);
      const perFile = 460; // ~108 MB each
      const files = Math.ceil((gb * 1e9) / (Buffer.byteLength(unit) * perFile));
      const text = Array.from({ length: perFile }, () => unit).join('\n');
      for (let i = 0; i < files; i++) await writeFile(join(big, `part${String(i).padStart(2, '0')}.sql`), text);
      const bytes = files * Buffer.byteLength(text);
      for (const format of ['csv', 'json']) {
        const r = await runProcess(process.execPath, sqlflowArgs(root, big, join(dir, `gb.${format}`), { format }));
        out(`${(bytes / 1e9).toFixed(2)} GB (${files} files) ${format.padEnd(5)} ${secs(r.ms)} ${mbps(bytes, r.ms).toFixed(2)} MB/s, peak RSS ${rss(r).trim()}, exit ${r.code}${r.code === 0 ? '' : `: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`}`);
        await rm(join(dir, `gb.${format}`), { force: true });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
