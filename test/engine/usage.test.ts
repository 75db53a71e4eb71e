/**
 * What every entry point says when it is given something other than a ruleset, or no options:
 * a UsageError naming the function, the argument, and what to pass instead.
 */
import { describe, expect, it } from 'vitest';
import {
  createSummaryBuilder,
  evaluateCase,
  loadRuleset,
  prepareEvaluation,
  type Ruleset,
  summarize,
  UsageError,
} from '../../src/index.js';

const ruleset = await loadRuleset();
const LOAD = 'const ruleset = await loadRuleset()';

/** The UsageError `run` throws or rejects with (fails the test if there is none). */
async function usageError(run: () => unknown): Promise<UsageError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('the ruleset passed', () => {
  it('is missing when null, as when undefined', async () => {
    const e = await usageError(() => createSummaryBuilder(null as never));
    expect(e.code).toBe('missing_ruleset');
    expect(e.message).toBe(`createSummaryBuilder: its argument is missing: pass the ruleset (${LOAD}).`);
  });

  it('is not a ruleset without a manifest object and a list of rules', async () => {
    for (const notOne of [
      { rules: [] },
      { manifest: null, rules: [] },
      { manifest: ruleset.manifest },
      'spso',
    ]) {
      const e = await usageError(() => prepareEvaluation(notOne as unknown as Ruleset));
      expect(e.code).toBe('not_a_ruleset');
      expect(e.message).toBe(
        `prepareEvaluation: the ruleset (its first argument) is not a ruleset: pass what loadRuleset() or createRuleset() gives (${LOAD}).`,
      );
    }
  });
});

describe('the options of a call that needs them', () => {
  it('are missing when undefined, null or not an object, and the message shows the call', async () => {
    for (const options of [undefined, null, 'ruleset']) {
      const e = await usageError(() => summarize([], options as never));
      expect(e.code).toBe('missing_options');
      expect(e.message).toBe(
        `summarize: the options are missing: call summarize(results, { ruleset }), with the ruleset ${LOAD} gives.`,
      );
    }
  });

  it('name the option the ruleset is missing from', async () => {
    const e = await usageError(() => evaluateCase({ caseId: 'C-1', events: [] }, { ruleset: null } as never));
    expect(e.message).toBe(`evaluateCase: options.ruleset is missing: pass the ruleset (${LOAD}).`);
  });
});
