// Mutation testing of the judging code (`npm run mutation`; not part of CI: a full run takes
// hours on two cores). One test process at a time, incremental (a rerun tests only the mutants
// whose code or tests changed), and only the tests of the time and engine modules and the
// fixture harnesses: the command's tests run the built bundle, which no mutant reaches.
// Narrow a run with `npm run mutation -- --mutate 'src/time/days.ts'`; `scripts/mutation.sh` runs
// named groups of files, each with the tests that reach it, keeping each group's results apart.
const name = process.env.MUTATION_NAME ?? 'all';
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/time/**/*.ts',
    // Data, not logic: the precomputed holiday table is checked against its generator instead.
    '!src/time/holidays-table.ts',
    'src/engine/**/*.ts',
  ],
  concurrency: 1,
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  // A mutant that loops for ever (a day-stepping loop that never advances) ends this long after
  // its tests' normal time, as a timeout (counted as killed).
  timeoutMS: 10_000,
  timeoutFactor: 1.5,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  ignoreStatic: true,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
