/**
 * Library misuse raises a UsageError whose code says what went wrong and whose message says
 * what to pass, at every entry point that takes a ruleset; unknown refs in `only`/`skip` are
 * errors, as in the command.
 */
import { describe, expect, it } from 'vitest';
import {
  type CaseInput,
  createSummaryBuilder,
  evaluateCase,
  evaluateCases,
  loadRuleset,
  prepareEvaluation,
  type Ruleset,
  summarize,
  UsageError,
} from '../../src/index.js';

const ruleset = await loadRuleset();
const asOf = '2025-06-30T17:00:00+01:00';
const history: CaseInput = {
  caseId: 'C1',
  events: [{ type: 'complaint.received', at: '2025-06-02T09:00:00+01:00' }],
};

async function usageError(run: () => unknown): Promise<UsageError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('expected a UsageError');
}

async function drain(iterable: AsyncIterable<unknown>) {
  for await (const _ of iterable);
}

describe('misuse of the library', () => {
  it('summarize(results) without its options says to pass the ruleset', async () => {
    const result = await evaluateCase(history, { ruleset, asOf });
    // @ts-expect-error the options are required
    const e = await usageError(() => summarize([result]));
    expect(e.code).toBe('missing_options');
    expect(e.message).toMatch(/summarize\(results, \{ ruleset \}\).*loadRuleset\(\)/);
  });

  it('forgetting the ruleset names the option', async () => {
    // @ts-expect-error ruleset is required
    const e = await usageError(() => evaluateCase(history, { asOf }));
    expect(e.code).toBe('missing_ruleset');
    expect(e.message).toMatch(/evaluateCase: options\.ruleset is missing: pass the ruleset/);
    // @ts-expect-error ruleset is required
    expect((await usageError(() => drain(evaluateCases([history], { asOf })))).code).toBe('missing_ruleset');
    // @ts-expect-error summarize needs a ruleset
    expect((await usageError(() => summarize([], {}))).code).toBe('missing_ruleset');
    // @ts-expect-error a ruleset is required
    expect((await usageError(() => createSummaryBuilder())).code).toBe('missing_ruleset');
    // @ts-expect-error a ruleset is required
    expect((await usageError(() => prepareEvaluation(undefined))).code).toBe('missing_ruleset');
  });

  it('an unresolved loadRuleset() promise says to await it', async () => {
    const pending = loadRuleset() as unknown as Ruleset;
    for (const run of [
      () => evaluateCase(history, { ruleset: pending, asOf }),
      () => drain(evaluateCases([history], { ruleset: pending, asOf })),
      () => summarize([], { ruleset: pending }),
      () => createSummaryBuilder(pending),
      () => prepareEvaluation(pending),
    ]) {
      const e = await usageError(run);
      expect(e.code).toBe('unresolved_ruleset');
      expect(e.message).toMatch(/is a promise: await loadRuleset\(\) first/);
    }
  });

  it('something else in place of a ruleset is named as such', async () => {
    const e = await usageError(() =>
      evaluateCase(history, { ruleset: { rules: 'x' } as unknown as Ruleset, asOf }),
    );
    expect(e.code).toBe('not_a_ruleset');
  });

  it('a missing asOf says what to pass', async () => {
    // @ts-expect-error asOf is required
    const e = await usageError(() => evaluateCase(history, { ruleset }));
    expect(e.code).toBe('missing_as_of');
    expect(e.message).toMatch(/asOf.*2025-06-30T17:00:00\+01:00/);
  });

  it('unknown refs in only or skip are errors, listing the refs', async () => {
    const only = await usageError(() => evaluateCase(history, { ruleset, asOf, only: ['9.9'] }));
    expect(only.code).toBe('unknown_indicator');
    expect(only.message).toMatch(/^only: no indicator has ref or id "9\.9".*1\.1\.1, 1\.1\.2/);
    const skip = await usageError(() => evaluateCase(history, { ruleset, asOf, skip: ['1.1', 'nope'] }));
    expect(skip.message).toMatch(/^skip: no indicator has ref or id "nope"/);
    const result = await evaluateCase(history, { ruleset, asOf, only: ['1.1', 'L.2'] });
    expect(result.findings.map((f) => f.ref)).toEqual(['1.1.1', '1.1.2', 'L.2']);
  });
});
