import { describe, expect, it } from 'vitest';
import { worstStatus } from '../../src/engine/status.js';
import { STATUSES } from '../../src/model/vocabulary.js';

describe('worstStatus', () => {
  it('is not_applicable when there are no statuses (a case no rule applies to)', () => {
    expect(worstStatus([])).toBe('not_applicable');
  });

  it('picks the first status in the order error, fail, insufficient_evidence, pending, pass, not_applicable', () => {
    expect(STATUSES).toEqual(['error', 'fail', 'insufficient_evidence', 'pending', 'pass', 'not_applicable']);
    STATUSES.forEach((worst, i) => {
      const better = STATUSES.slice(i);
      expect(worstStatus(better)).toBe(worst);
      expect(worstStatus([...better].reverse())).toBe(worst);
    });
  });

  it('reads any iterable once, a generator included', () => {
    function* statuses() {
      yield 'pass' as const;
      yield 'pending' as const;
      yield 'pass' as const;
    }
    expect(worstStatus(statuses())).toBe('pending');
  });
});
