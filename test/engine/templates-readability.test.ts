/**
 * The readability template (docs/engine.md) and measureText: every matching communication is
 * judged without an `exclude` filter; the lowest score; the threshold's type; how words and
 * sentences are counted (Flesch: 206.835 - 1.015 words/sentences - 84.6 syllables/words).
 */
import { describe, expect, it } from 'vitest';
import { measureText } from '../../src/engine/templates/readability.js';
import { ev, measure } from './templates.helpers.js';

const given = (id: string, day: string, fleschReadingEase: number) =>
  ev(id, 'communication.sent', `2024-05-${day}T10:00`, {
    to: 'complainant',
    readability: { fleschReadingEase },
  });
const spec = {
  template: 'readability',
  filter: { type: 'communication.sent' },
  minWords: 5,
  minScore: 60,
} as const;

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

describe('readability: the lowest score and the threshold', () => {
  it('names the lowest score, the first of equals', () => {
    const f = measure(
      spec,
      [given('a', '01', 50), given('b', '02', 30), given('c', '03', 40), given('d', '07', 30)],
      {
        asOf: '2024-06-30T12:00',
      },
    );
    expect(f.lowest).toEqual({ id: 'b', date: '2024-05-02', score: 30, source: 'given' });
    expect((f.below as { id: string }[]).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    const none = measure(spec, [], { asOf: '2024-06-30T12:00' });
    expect(none).toMatchObject({ judged: 0, belowCount: 0, below: [], scores: [] });
    expect(none.lowest).toBeUndefined();
  });

  it('counts a score equal to the threshold as not below it', () => {
    const f = measure(spec, [given('a', '01', 60)], { asOf: '2024-06-30T12:00' });
    expect(f).toMatchObject({ belowCount: 0, judged: 1 });
  });

  it('refuses a threshold parameter that is not a number', () => {
    expect(() =>
      measure({ ...spec, minScore: { param: 'minEase' } }, [], {
        asOf: '2024-06-30T12:00',
        params: { minEase: 'sixty' },
      }),
    ).toThrow('the readability threshold must be a number');
  });
});

describe('measureText', () => {
  it('counts a last sentence without a full stop', () => {
    // 3 words, 1 sentence, 3 syllables: 206.835 - 3.045 - 84.6 = 119.19.
    const m = measureText('We got it');
    expect(m).toMatchObject({ words: 3, sentences: 1, syllables: 3 });
    expect(m.score).toBeCloseTo(119.19, 2);
    expect(measureText('We got it. You will hear soon').sentences).toBe(2);
  });

  it('ends sentences at full stops, question and exclamation marks before a space or the end', () => {
    expect(measureText('Thank you. Can we help? Yes!').sentences).toBe(3);
    expect(measureText('It cost 3.5 pounds.').sentences).toBe(1);
    expect(measureText('Really?! We did.').sentences).toBe(2);
  });

  it("reads words joined by an apostrophe or a hyphen as one, and counts each word's syllables", () => {
    expect(measureText("We don't know the well-known cause.")).toMatchObject({ words: 6, sentences: 1 });
    expect(measureText('Communication').syllables).toBe(5);
  });
});
