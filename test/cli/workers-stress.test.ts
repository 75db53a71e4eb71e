/**
 * No abort, ever: worker threads started and stopped many times, several runs at once, on a
 * tiny input (the pool is stopped while workers are still starting) and on the sample. Before the
 * worker entry was CommonJS, about one run in twelve of this shape ended with exit 134
 * ("v8::Module::IsGraphAsync ... instantiated module"): a worker stopped while Node was still
 * loading its ES module.
 */
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, cli, SAMPLE, SAMPLE_AS_OF, SMALL, SMALL_AS_OF, useCliSuite } from './_cli.js';

const RUNS = 24;
const AT_ONCE = 4;

describe('check --workers under stress', { timeout: CLI_TIMEOUT * 3 }, () => {
  useCliSuite();

  it(`ends with 0, 1 or 2 in each of ${RUNS} runs on 2 to 4 threads, ${AT_ONCE} at a time`, async () => {
    const runs = Array.from({ length: RUNS }, (_, i) => {
      const [input, asOf] = i % 3 === 2 ? [SAMPLE, SAMPLE_AS_OF] : [SMALL, SMALL_AS_OF];
      return [
        'check',
        input,
        '--as-of',
        asOf,
        '--workers',
        String(2 + (i % 3)),
        '--quiet',
        '--format',
        'ndjson',
      ];
    });
    const codes: string[] = [];
    for (let i = 0; i < runs.length; i += AT_ONCE) {
      const batch = await Promise.all(runs.slice(i, i + AT_ONCE).map((args) => cli(args)));
      for (const [k, r] of batch.entries()) {
        const ok = r.code === 0 || r.code === 1 || r.code === 2;
        codes.push(ok ? 'ok' : `run ${i + k}: exit ${r.code} ${r.stderr.slice(0, 300)}`);
      }
    }
    expect(codes.filter((c) => c !== 'ok')).toEqual([]);
  });
});
