// HTTP tier: the api over supertest, against the real PostgreSQL and Kafka.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'http',
  roots: ['<rootDir>/test/http'],
  testRegex: '\\.e2e-spec\\.ts$',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  testTimeout: 60000,
};
