// Fuzz tier: generated requests against the api in this process, on the real PostgreSQL and Kafka.
// It runs on a database of its own (FUZZ_DATABASE_URL, else the test database's name + "_fuzz"), so
// the write fingerprint it takes around each request sees its own writes only.
const fuzzDatabase = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/governance_test');
if (!fuzzDatabase.pathname.endsWith('_fuzz')) fuzzDatabase.pathname += '_fuzz';
process.env.TEST_DATABASE_URL = process.env.FUZZ_DATABASE_URL ?? fuzzDatabase.toString();

const cases = Number(process.env.FUZZ_CASES ?? 2000);

module.exports = {
  ...require('./jest.preset'),
  displayName: 'fuzz',
  roots: ['<rootDir>/test/fuzz'],
  testRegex: '\\.fuzz-spec\\.ts$',
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  // Two minutes of set-up and a generous second per case: a slow machine is not a failure.
  testTimeout: 120_000 + cases * 1000,
};
