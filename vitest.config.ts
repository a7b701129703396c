import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    reporters: ['default', './tests/totals-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
