/**
 * The readability template (docs/engine.md) without an `exclude` filter: every matching
 * communication is judged, whatever its format.
 */
import { describe, expect, it } from 'vitest';
import { ev, measure } from './templates.helpers.js';

describe('readability without exclude', () => {
  it('judges every matching communication', () => {
    const f = measure(
      {
        template: 'readability',
        filter: { type: 'communication.sent', where: { 'data.to': 'complainant' } },
        minWords: 5,
        minScore: 60,
      },
      [
        ev('g', 'communication.sent', '2024-05-01T10:00', {
          to: 'complainant',
          format: 'language:gd',
          readability: { fleschReadingEase: 70 },
        }),
      ],
      { asOf: '2024-06-30T12:00' },
    );
    expect(f).toMatchObject({
      communications: 1,
      judged: 1,
      belowCount: 0,
      scores: [{ id: 'g', score: 70, source: 'given' }],
    });
  });
});
