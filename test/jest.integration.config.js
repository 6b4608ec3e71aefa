// Integration tier: the apps with the real PostgreSQL and the real Kafka broker, end to end.
const path = require('node:path');
module.exports = {
  ...require('../jest.preset'),
  rootDir: path.join(__dirname, '..'),
  displayName: 'integration',
  roots: ['<rootDir>/test/integration'],
  testRegex: '\\.int-spec\\.ts$',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  testTimeout: 120000,
};
