import { defineConfig } from 'vitest/config';

// The tests that reach the judging code in process (see stryker.config.mjs). MUTATION_TESTS
// narrows them (comma-separated globs), e.g. `MUTATION_TESTS='test/time/**/*.test.ts'` when
// mutating `src/time` alone. Instrumented code on a shared machine runs many times slower than
// usual, hence the long per-test bound (this configuration is never CI's).
const tests = process.env.MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: tests ?? ['test/time/**/*.test.ts', 'test/engine/**/*.test.ts', 'test/fixtures/**/*.test.ts'],
    setupFiles: ['test/support/mutation-setup.ts'],
    testTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
