/**
 * Compiled conditions, case by case, where json-rules-engine's semantics are easy to get wrong
 * (the evaluator-equivalence test compares them with json-rules-engine at large, but slowly).
 */
import { describe, expect, it } from 'vitest';
import { compileCondition, conditionFacts } from '../../src/engine/conditions.js';
import type { Condition } from '../../src/model/rule.js';

const holds = (c: Condition, facts: Record<string, unknown>) => compileCondition(c)(facts);

describe('conditionFacts', () => {
  it('lists the fact a leaf reads, and the fact it compares with', () => {
    expect(conditionFacts({ fact: 'a', operator: 'equal', value: 1 })).toEqual(['a']);
    expect(conditionFacts({ fact: 'a', operator: 'equal', value: null })).toEqual(['a']);
    expect(conditionFacts({ fact: 'a', operator: 'in', value: [1, 2] })).toEqual(['a']);
    expect(conditionFacts({ fact: 'a', operator: 'lessThan', value: { fact: 'b', path: '$.n' } })).toEqual([
      'a',
      'b',
    ]);
  });

  it('looks inside not, all and any', () => {
    const leaf = (fact: string) => ({ fact, operator: 'equal', value: 1 }) as const;
    expect(conditionFacts({ not: leaf('a') })).toEqual(['a']);
    expect(conditionFacts({ all: [leaf('a'), { any: [leaf('b'), { not: leaf('c') }] }] })).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('a path into a fact', () => {
  it('is not followed into a value that is not an object: the value itself is read', () => {
    expect(holds({ fact: 'n', path: '$.late', operator: 'equal', value: 3 }, { n: 3 })).toBe(true);
    expect(holds({ fact: 'n', path: '$.late', operator: 'equal', value: null }, { n: null })).toBe(true);
  });

  it('gives nothing where a step is missing', () => {
    const c = { fact: 'n', path: '$.a.b', operator: 'equal', value: undefined } as unknown as Condition;
    expect(holds(c, { n: { a: 0 } })).toBe(true);
    expect(holds(c, { n: { a: { b: 1 } } })).toBe(false);
  });
});

describe('the order operators', () => {
  it('hold only for a number-like fact value (null and a list are not, though JavaScript compares them)', () => {
    const below1 = { fact: 'x', operator: 'lessThan', value: 1 } as const;
    expect(holds(below1, { x: 0 })).toBe(true);
    expect(holds(below1, { x: '0.5' })).toBe(true);
    expect(holds(below1, { x: null })).toBe(false);
    expect(holds(below1, { x: [] })).toBe(false);
    expect(holds(below1, { x: '' })).toBe(false);
  });
});

describe('contains and doesNotContain', () => {
  const contains = { fact: 'xs', operator: 'contains', value: 'b' } as const;
  const lacks = { fact: 'xs', operator: 'doesNotContain', value: 'b' } as const;

  it('look the value up in a list fact value, wherever it is', () => {
    expect(holds(contains, { xs: ['b'] })).toBe(true);
    expect(holds(contains, { xs: ['a', 'b'] })).toBe(true);
    expect(holds(contains, { xs: ['a'] })).toBe(false);
    expect(holds(contains, { xs: [] })).toBe(false);
    expect(holds(lacks, { xs: ['a'] })).toBe(true);
    expect(holds(lacks, { xs: [] })).toBe(true);
    expect(holds(lacks, { xs: ['a', 'b'] })).toBe(false);
    expect(holds(lacks, { xs: ['b'] })).toBe(false);
  });

  it('hold for no fact value that is not a list, not even a string holding the value', () => {
    for (const xs of ['b', 'abc', undefined, null, 3, { b: 1 }]) {
      expect(holds(contains, { xs }), JSON.stringify(xs)).toBe(false);
      expect(holds(lacks, { xs }), JSON.stringify(xs)).toBe(false);
    }
  });
});
