// Browser tier: the leaders' dashboard in headless Debian Chromium (playwright-core), against the
// api in this process with the real PostgreSQL and Kafka.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'browser',
  roots: ['<rootDir>/test/browser'],
  testRegex: '\\.browser-spec\\.ts$',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  testTimeout: 120000,
};
