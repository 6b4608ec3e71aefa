// Shared by the three test tiers: TypeScript through ts-jest, path aliases as in tsconfig.json.
/** @type {import('jest').Config} */
const path = require('node:path');

module.exports = {
  rootDir: path.join(__dirname, '..'),
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@app/common/http$': '<rootDir>/libs/common/src/http',
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
};
