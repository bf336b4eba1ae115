/** Jest in ESM mode; TypeScript through ts-jest. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // Builds the HTML viewer's bundle when it is missing or older than its sources.
  globalSetup: '<rootDir>/test/viewer/global-setup.mjs',
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/helpers/env.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json', diagnostics: { warnOnly: false } }],
  },
};
