// Unit tier: pure domain code beside its sources; needs no database and no broker.
// The web app's specs (apps/web) are vitest's: the `web` tier runs them.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'unit',
  roots: ['<rootDir>/libs', '<rootDir>/apps'],
  testRegex: '\\.spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
};
