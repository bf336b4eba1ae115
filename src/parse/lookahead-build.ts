/**
 * Build step (`npm run build`, after tsc): records every dialect's grammar (its rules as recorded,
 * and the lookahead sequences of its productions) into dist/lookahead-cache.json (see
 * grammars/lookahead.ts). Run from dist: `node dist/src/parse/lookahead-build.js`.
 */
import { writeFileSync } from 'node:fs';
import { DIALECTS } from '../dialects/registry.js';
import { parserFor } from './parse.js';
import { serializeProduction } from '../../grammars/gast.js';
import { startRecording, type LookaheadCacheFile } from '../../grammars/lookahead.js';

const { grammars, parsers } = startRecording();
const file: LookaheadCacheFile = { version: 2, grammars, rules: {}, parsers };
for (const dialect of DIALECTS) {
  const parser = parserFor(dialect);
  const fingerprint = parsers[dialect.vendor];
  if (fingerprint === undefined) throw new Error(`lookahead cache: no fingerprint recorded for ${dialect.vendor}`);
  file.rules[fingerprint] ??= Object.values(parser.getGAstProductions()).map(serializeProduction);
}
const url = new URL('../../lookahead-cache.json', import.meta.url);
writeFileSync(url, JSON.stringify(file));
const entries = Object.values(file.grammars).reduce((n, g) => n + Object.keys(g).length, 0);
process.stderr.write(`lookahead cache: ${Object.keys(file.grammars).length} grammars, ${entries} productions, ${Object.keys(file.parsers).length} parsers\n`);
