/** execArgv for worker threads started by the code under test: TypeScript sources through ts-hooks.mjs. */
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.js';

export const TS_WORKER_EXEC_ARGV = ['--import', pathToFileURL(`${ROOT}/test/helpers/ts-register.mjs`).href];
