// Unit tests (*.spec.ts beside the code) and end-to-end tests (test/**/*.e2e-spec.ts) against real services,
// which test/setup/global-setup.ts starts: an in-memory Temporal dev server, maildev and a fresh database.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const moduleNameMapper = {
  '^@duyet/workflows$': '<rootDir>/workflows/src/definitions',
  // The browser app's aliases to the server's pure checks (apps/web/vite.config.mts), for its unit specs.
  '^@shared/plan-content/(.*)$': '<rootDir>/libs/domain/src/plan-content/$1',
  '^@shared/plan-moves$': '<rootDir>/workflows/src/plan-moves',
  '^@shared/attachments$': '<rootDir>/libs/domain/src/attachments/attachment-rules',
  '^@duyet/(config|database|domain|mail|storage|temporal)$': '<rootDir>/libs/$1/src',
};

module.exports = {
  // A global option: Jest ignores it inside a project.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/{apps,libs,workflows,bench}/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      // Node's, with a hook that screenshots the browser tests' pages when a test fails.
      testEnvironment: '<rootDir>/test/setup/e2e-environment.ts',
      transform,
      moduleNameMapper,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
