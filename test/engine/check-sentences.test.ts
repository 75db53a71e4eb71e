import { describe, expect, it } from 'vitest';
import { joinCheckSentences } from '../../src/engine/check-sentences.js';

describe('joinCheckSentences', () => {
  it('puts the worst status first and keeps the rule order within a status', () => {
    expect(
      joinCheckSentences(
        ['pass', 'pending', 'fail', 'pass', 'fail', 'insufficient_evidence'],
        ['A passed.', 'B is due.', 'C failed.', 'D passed.', 'E failed.', 'F is unknown.'],
      ),
    ).toBe('C failed. E failed. F is unknown. B is due. A passed. D passed.');
  });

  it('gives one sentence as it is, and nothing for none', () => {
    expect(joinCheckSentences(['not_applicable'], ['Only.'])).toBe('Only.');
    expect(joinCheckSentences([], [])).toBe('');
  });

  it('reads only the first count sentences (the lists are refilled finding after finding)', () => {
    expect(joinCheckSentences(['fail', 'pass', 'fail'], ['Late.', 'Checked.', 'Stale.'], 2)).toBe(
      'Late. Checked.',
    );
  });
});
