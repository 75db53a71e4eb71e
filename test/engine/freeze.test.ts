import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../src/engine/freeze.js';

describe('deepFreeze', () => {
  it('freezes every object and array of a graph, in place, and returns it', () => {
    const rule = { id: '1.1.1', checks: [{ outcomes: [{ when: { fact: 'x' } }] }], note: null, n: 3 };
    const frozen = deepFreeze(rule);
    expect(frozen).toBe(rule);
    expect(Object.isFrozen(rule)).toBe(true);
    expect(Object.isFrozen(rule.checks)).toBe(true);
    expect(Object.isFrozen(rule.checks[0])).toBe(true);
    expect(Object.isFrozen(rule.checks[0]?.outcomes[0]?.when)).toBe(true);
    expect(rule).toEqual({
      id: '1.1.1',
      checks: [{ outcomes: [{ when: { fact: 'x' } }] }],
      note: null,
      n: 3,
    });
  });

  it('returns values that are not objects as they are', () => {
    expect(deepFreeze('text')).toBe('text');
    expect(deepFreeze(null)).toBe(null);
    expect(deepFreeze(undefined)).toBe(undefined);
    expect(deepFreeze(7)).toBe(7);
  });

  it('ends on a graph with a cycle (an object is walked once, when it is frozen)', () => {
    const node: { name: string; self?: unknown; list: unknown[] } = { name: 'a', list: [] };
    node.self = node;
    node.list.push(node);
    expect(deepFreeze(node)).toBe(node);
    expect(Object.isFrozen(node.list)).toBe(true);
  });
});
