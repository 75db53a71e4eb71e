import type { Status } from '../model/finding.js';
import { STATUSES } from '../model/vocabulary.js';

/**
 * Joins a finding's check sentences (`texts[i]`, written by a check that reached `statuses[i]`;
 * the first `count`) worst status first, so that the reason for a fail or a pending comes before
 * the checks that passed; checks of the same status keep the rule's order. Two lists rather than
 * a list of pairs: the judge keeps them for a whole case and refills them for each finding.
 *
 * @example
 * joinCheckSentences(['pass', 'fail'], ['Checked.', 'Late.']); // 'Late. Checked.'
 */
export function joinCheckSentences(
  statuses: readonly Status[],
  texts: readonly string[],
  count = texts.length,
): string {
  let out = '';
  for (const status of STATUSES) {
    for (let i = 0; i < count; i++) {
      if (statuses[i] === status) out = out === '' ? (texts[i] as string) : `${out} ${texts[i]}`;
    }
  }
  return out;
}
