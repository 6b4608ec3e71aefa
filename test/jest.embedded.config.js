// Embedded tier: what `npm start` runs with nothing configured. HTTP specs of test/http run against
// the embedded PostgreSQL and the in-process broker instead of the real services (the workflow from
// filing to feedback, the claims race, the monitoring projector, rebuild and figures), and the
// `npm start` entry itself holds concurrent user sessions (test/embedded).
const HTTP_SPECS = ['claims', 'transitions', 'timeline', 'track', 'feedback', 'monitoring-rebuild', 'monitoring-figures'];

module.exports = {
  ...require('./jest.preset'),
  displayName: 'embedded',
  testMatch: [...HTTP_SPECS.map((name) => `<rootDir>/test/http/${name}.e2e-spec.ts`), '<rootDir>/test/embedded/*.embedded-spec.ts'],
  globalSetup: '<rootDir>/test/setup/embedded-setup.ts',
  globalTeardown: '<rootDir>/test/setup/embedded-teardown.ts',
  testTimeout: 60000,
};
