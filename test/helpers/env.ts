/** Jest setup: worker threads started by the code under test load the TypeScript sources (src/deep/run.ts). */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

process.env.SQLFLOW_WORKER_HOOKS ??= pathToFileURL(join(process.cwd(), 'test', 'helpers', 'ts-hooks.mjs')).href;
