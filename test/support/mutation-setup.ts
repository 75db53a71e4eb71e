/**
 * Setup of the mutation runs only (`vitest.mutation.config.ts`, never CI's): each property runs at
 * most `MUTATION_PROPERTY_RUNS` examples (200 unless set), from seed 1 when the test fixes none.
 * Every surviving mutant runs every property that reaches its code, so thousands of examples a
 * property would make a file of a few hundred mutants take hours on two cores; the fixed seed makes
 * a rerun give the same result. The full counts still run in CI.
 */
import type * as FastCheck from 'fast-check';
import { vi } from 'vitest';

vi.mock('fast-check', async (importOriginal) => {
  const fc = (await importOriginal<{ default: typeof FastCheck }>()).default;
  const cap = Number(process.env.MUTATION_PROPERTY_RUNS ?? 200);
  const bounded = <P extends { numRuns?: number; seed?: number }>(params: P | undefined): P =>
    ({ ...params, numRuns: Math.min(params?.numRuns ?? 100, cap), seed: params?.seed ?? 1 }) as P;
  // fast-check's assert is overloaded (sync and async properties); this forwards both.
  const assert = ((property: Parameters<typeof fc.assert>[0], params?: Parameters<typeof fc.assert>[1]) =>
    fc.assert(property, bounded(params))) as typeof fc.assert;
  const sample: typeof fc.sample = (generator, params) =>
    fc.sample(generator, typeof params === 'number' ? Math.min(params, cap) : bounded(params));
  const mocked = { ...fc, assert, sample };
  return { ...mocked, default: mocked };
});
