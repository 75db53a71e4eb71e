import { describe, expect, it } from 'vitest';
import { loadRuleset } from '../../src/index.js';
import type { Condition } from '../../src/model/rule.js';
import { conditionText } from '../../src/rules/condition-text.js';

const leaf = (fact: string, path: string, operator: string, value: unknown) =>
  ({ fact, path, operator, value }) as Condition;

describe('conditionText', () => {
  it.each([
    [leaf('gaps', '$.exceeded', 'greaterThan', 0), 'gaps.exceeded > 0'],
    [leaf('case', '$.closed', 'equal', true), 'case.closed = true'],
    [
      leaf('time', '$.first.elapsed', 'lessThanInclusive', { fact: 'params', path: '$.limit' }),
      'time.first.elapsed ≤ params.limit',
    ],
    [leaf('x', '$.stage', 'in', ['a', 'b']), 'x.stage is one of ["a", "b"]'],
    [{ fact: 'n', operator: 'notEqual', value: 'z' } as Condition, 'n ≠ "z"'],
    [
      {
        all: [
          leaf('a', '$.n', 'greaterThan', 0),
          { any: [leaf('b', '$.m', 'equal', 1), { not: leaf('c', '$.k', 'equal', 2) }] },
        ],
      },
      'a.n > 0 and (b.m = 1 or (not c.k = 2))',
    ],
  ])('%j', (c, text) => {
    expect(conditionText(c)).toBe(text);
  });

  it('writes every condition of the shipped rules without a raw operator name', async () => {
    const ruleset = await loadRuleset();
    for (const rule of ruleset.rules)
      for (const check of rule.checks)
        for (const o of check.outcomes)
          expect(conditionText(o.when)).not.toMatch(/greaterThan|lessThan|equal/);
  });
});
