import { flesch } from 'flesch';
import { syllable } from 'syllable';
import type { FactSpec } from '../../model/rule.js';
import { requireString } from '../../model/usage-error.js';
import { isoDateFromDay } from '../../time/days.js';
import { candidateEvents, type FactFn, orderedIds, type TemplateScope } from '../fact-context.js';
import { compileFilter } from '../filter.js';
import { memoize } from '../memo.js';

type Spec = Extract<FactSpec, { template: 'readability' }>;

/** Readability of one communication: the score and the counts it came from (never the text). */
export interface ReadabilityScore {
  id: string;
  /** Local date the communication was sent. */
  date: string;
  score: number;
  /** Where the score came from: computed from the text, or given by the case system. */
  source: 'text' | 'given';
  words?: number;
  sentences?: number;
  syllables?: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?]+(?=\s|$)/g;

/**
 * Counts words, sentences and syllables of an English text, and its Flesch reading ease;
 * `syllablesOf` counts one word's syllables (a compiled rule passes a memo of its own).
 *
 * @example
 * measureText('We have received your complaint. We will reply soon.'); // { words: 9, sentences: 2, ... }
 */
export function measureText(
  text: string,
  syllablesOf: (word: string) => number = syllable,
): {
  words: number;
  sentences: number;
  syllables: number;
  score: number;
} {
  requireString('measureText', text, 'text', "measureText('We have received your complaint.')");
  const words = text.match(WORD) ?? [];
  const sentences = Math.max(
    1,
    (text.trim().match(SENTENCE_END) ?? []).length + (/[.!?]\s*$/.test(text.trim()) ? 0 : 1),
  );
  let syllables = 0;
  for (const w of words) syllables += Math.max(1, syllablesOf(w));
  const score = flesch({ sentence: sentences, word: words.length, syllable: syllables });
  return {
    score,
    sentences,
    syllables,
    words: words.length,
  };
}

/**
 * Readability (`docs/engine.md`): Flesch reading ease of each judged text (matching the filter,
 * not excluded, at least `minWords` words) or the score the case system gave; texts are read
 * here and never copied into the result.
 */
export function compileReadability(spec: Spec, scope: TemplateScope): FactFn {
  const match = compileFilter(spec.filter, scope);
  const exclude = spec.exclude ? compileFilter(spec.exclude, scope) : undefined;
  const min = typeof spec.minScore === 'number' ? spec.minScore : scope.params[spec.minScore.param];
  if (typeof min !== 'number') throw new Error('the readability threshold must be a number');
  // Letters repeat their words: this rule counts each word's syllables once.
  const syllablesOf = memoize(syllable, 50_000);
  return (ctx) => {
    const communications = candidateEvents(ctx, match).filter((e) => match(e));
    const scores: ReadabilityScore[] = [];
    for (const e of communications) {
      if (exclude?.(e)) continue;
      const given = (e.data.readability as { fleschReadingEase?: unknown } | undefined)?.fleschReadingEase;
      if (typeof given === 'number') {
        scores.push({
          date: isoDateFromDay(e.day),
          id: e.id,
          score: given,
          source: 'given',
        });
        continue;
      }
      const text = e.data.text;
      if (typeof text !== 'string') continue;
      const m = measureText(text, syllablesOf);
      if (m.words < spec.minWords) continue;
      scores.push({
        date: isoDateFromDay(e.day),
        id: e.id,
        score: Math.round(m.score * 10) / 10,
        sentences: m.sentences,
        source: 'text',
        syllables: m.syllables,
        words: m.words,
      });
    }
    const below = scores.filter((s) => s.score < min);
    const lowest = scores.reduce<ReadabilityScore | undefined>(
      (lo, s) => (!lo || s.score < lo.score ? s : lo),
      undefined,
    );
    return {
      below,
      belowCount: below.length,
      communications: communications.length,
      eventIds: orderedIds(
        ctx,
        scores.map((s) => s.id),
      ),
      judged: scores.length,
      lowest,
      minScore: min,
      scores,
    };
  };
}
