import { describe, expect, it } from 'vitest';
import type { CompiledRule, Stage } from '../../src/engine/compiled-rule.js';
import { createJsonRulesEngineEvaluator } from '../../src/engine/json-rules-engine-evaluator.js';
import type { Condition } from '../../src/model/rule.js';

/** A rule as the evaluator reads it: only its stages' keys and conditions. */
function ruleOf(conditions: Record<string, Condition>): CompiledRule {
  const stages: Stage[] = Object.entries(conditions).map(([key, condition]) => ({
    key,
    condition,
    test: () => {
      throw new Error('the reference evaluator must not run the compiled test');
    },
  }));
  return { stages } as unknown as CompiledRule;
}

const rule = ruleOf({
  // A bare comparison: json-rules-engine wants `all`, `any` or `not` at the top.
  applies: { fact: 'late', operator: 'equal', value: true },
  'check.0.outcome.0': { any: [{ fact: 'days', operator: 'greaterThan', value: 20 }] },
  'check.0.outcome.1': { not: { fact: 'days', operator: 'lessThan', value: 0 } },
  'check.0.outcome.2': {
    all: [
      { fact: 'late', operator: 'equal', value: true },
      { fact: 'days', operator: 'lessThanInclusive', value: 20 },
    ],
  },
});

describe('createJsonRulesEngineEvaluator', () => {
  it('names itself and gives a verdict for every stage, in stage order', async () => {
    const evaluator = createJsonRulesEngineEvaluator();
    expect(evaluator.name).toBe('json-rules-engine');
    expect(await evaluator.evaluate(rule, { late: true, days: 12 })).toEqual([true, false, true, true]);
    expect(await evaluator.evaluate(rule, { late: false, days: 25 })).toEqual([false, true, true, false]);
    expect(await evaluator.evaluate(rule, { late: true, days: -1 })).toEqual([true, false, false, true]);
  });

  it('reads a path into a fact', async () => {
    const evaluator = createJsonRulesEngineEvaluator();
    const byPath = ruleOf({ applies: { fact: 'days', path: '$.n', operator: 'lessThan', value: 0 } });
    expect(await evaluator.evaluate(byPath, { days: { n: -1 } })).toEqual([true]);
    expect(await evaluator.evaluate(byPath, { days: { n: 3 } })).toEqual([false]);
  });

  it('gives no verdicts for a rule without stages', async () => {
    expect(await createJsonRulesEngineEvaluator().evaluate(ruleOf({}), {})).toEqual([]);
  });

  it('refuses a fact the facts do not hold instead of reading it as undefined', async () => {
    const evaluator = createJsonRulesEngineEvaluator();
    await expect(evaluator.evaluate(rule, { late: true })).rejects.toThrow(/days/);
  });

  it('judges calls made at once, before json-rules-engine has loaded, alike', async () => {
    const evaluator = createJsonRulesEngineEvaluator();
    const facts = [
      { late: true, days: 12 },
      { late: false, days: 25 },
      { late: true, days: -1 },
    ];
    const verdicts = await Promise.all(facts.map((f) => evaluator.evaluate(rule, f)));
    expect(verdicts).toEqual([
      [true, false, true, true],
      [false, true, true, false],
      [true, false, false, true],
    ]);
  });

  it('leaves the rule and the facts as they were (json-rules-engine writes into what it is given)', async () => {
    const frozen = Object.freeze({ late: true, days: Object.freeze({ n: 5 }) });
    const byPath = ruleOf({
      applies: Object.freeze({ fact: 'days', path: '$.n', operator: 'greaterThan', value: 1 }),
    });
    const before = structuredClone(byPath.stages[0]?.condition);
    expect(await createJsonRulesEngineEvaluator().evaluate(byPath, frozen)).toEqual([true]);
    expect(byPath.stages[0]?.condition).toEqual(before);
  });
});
