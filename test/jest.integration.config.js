// Integration tier: the apps with the real PostgreSQL and the real Kafka broker, end to end.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'integration',
  roots: ['<rootDir>/test/integration'],
  testRegex: '\\.int-spec\\.ts$',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  testTimeout: 120000,
};
