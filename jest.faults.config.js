// npm run test:faults: the long fault scenarios (minutes each), against the same real services as the e2e suites
// (test/setup/global-setup.ts). Not part of npm test.
const base = require('./jest.config.js');

const e2e = base.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  testTimeout: 20 * 60_000,
  projects: [{ ...e2e, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'] }],
};
