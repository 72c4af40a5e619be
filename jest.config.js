// One jest config; the suites differ only in which folders they match. The swc transformer
// keeps decorator metadata (NestJS needs it) and skips type checking, which `npm run typecheck`
// does once for the whole tree instead of once per test file.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2023', keepClassNames: true } }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/src/**/*.spec.ts', '<rootDir>/indexer/**/*.spec.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/build/'],
  // Devnet-backed suites spend their time waiting on a child process, not the CPU.
  testTimeout: 120_000,
  setupFiles: ['<rootDir>/test/setup.ts'],
};
