import { describe, expect, it } from 'vitest';
import { joinCheckSentences } from '../../src/engine/check-sentences.js';

describe('joinCheckSentences', () => {
  it('puts the worst status first and keeps the rule order within a status', () => {
    expect(
      joinCheckSentences([
        { status: 'pass', text: 'A passed.' },
        { status: 'pending', text: 'B is due.' },
        { status: 'fail', text: 'C failed.' },
        { status: 'pass', text: 'D passed.' },
        { status: 'fail', text: 'E failed.' },
        { status: 'insufficient_evidence', text: 'F is unknown.' },
      ]),
    ).toBe('C failed. E failed. F is unknown. B is due. A passed. D passed.');
  });

  it('gives one sentence as it is, and nothing for none', () => {
    expect(joinCheckSentences([{ status: 'not_applicable', text: 'Only.' }])).toBe('Only.');
    expect(joinCheckSentences([])).toBe('');
  });
});
