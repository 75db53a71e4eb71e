// The scaled-down mutation check CI runs (`npm run mutation:ci`, a few minutes on two cores): the
// day arithmetic every deadline is counted in, pauses and the dates explanations print
// (src/time/days.ts, paused.ts, format.ts) with their unit tests, failing under 85%. The full
// runs are `scripts/mutation.sh` (see docs/mutation.md).
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/time/days.ts', 'src/time/paused.ts', 'src/time/format.ts'],
  incremental: false,
  thresholds: { high: 95, low: 85, break: 85 },
  reporters: ['clear-text', 'progress'],
};
