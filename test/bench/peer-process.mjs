#!/usr/bin/env node
// node-sql-parser's parse-only run of a whole file as its own process: the peer of a cold
// `sqlflow analyze` run. Prints "<statements> <failed>" on stdout.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { splitStatements } from './input.mjs';

const { Parser } = createRequire(import.meta.url)('node-sql-parser');
const parser = new Parser();
let failed = 0;
const statements = splitStatements(readFileSync(process.argv[2], 'utf8'));
for (const stmt of statements) {
  try {
    parser.parse(stmt, { database: 'postgresql' });
  } catch {
    failed++;
  }
}
process.stdout.write(`${statements.length} ${failed}\n`);
