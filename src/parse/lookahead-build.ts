/**
 * Build step (`npm run build`, after tsc): records the lookahead sequences of every dialect's
 * grammar into dist/lookahead-cache.json (see lookahead.ts). Run from dist: `node dist/src/parse/lookahead-build.js`.
 */
import { writeFileSync } from 'node:fs';
import { DIALECTS } from '../dialects/registry.js';
import { parserFor } from './parse.js';
import { startRecording, type LookaheadCacheFile } from '../../grammars/lookahead.js';

const grammars = startRecording();
for (const dialect of DIALECTS) parserFor(dialect);
const file: LookaheadCacheFile = { version: 1, grammars };
const url = new URL('../../lookahead-cache.json', import.meta.url);
writeFileSync(url, JSON.stringify(file));
const entries = Object.values(grammars).reduce((n, g) => n + Object.keys(g).length, 0);
process.stderr.write(`lookahead cache: ${Object.keys(grammars).length} grammars, ${entries} productions\n`);
