/**
 * `sqlflow` from the TypeScript sources, for tests that need real separate processes:
 * `node --import ./test/helpers/ts-register.mjs test/helpers/sqlflow-ts.mjs <args...>`.
 */
const { main } = await import('../../src/cli/main.js');
await main(process.argv);
