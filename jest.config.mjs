import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/__tests__/**/*.test.ts', '<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/.next/', '/e2e/'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  // Loaded as the ES module it is by dependency-cruiser (testing/__tests__/layers.test.ts), not compiled to CommonJS.
  transformIgnorePatterns: ['/\\.dependency-cruiser\\.mjs$'],
  // Each worker opens its own database; two workers keep this 2-core machine responsive.
  maxWorkers: 2,
  testTimeout: 60_000,
};

export default createJestConfig(config);
