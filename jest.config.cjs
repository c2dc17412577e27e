// Tests run TypeScript through @swc/jest (no type checking here; `npm run typecheck` does that).
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2020', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!chinese-days)'],
  globalSetup: '<rootDir>/test/globalSetup.cjs',
  setupFiles: ['<rootDir>/test/setupTimezone.cjs'],
  testTimeout: 60000,
};
