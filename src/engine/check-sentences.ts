import type { Status } from '../model/finding.js';
import { STATUSES } from '../model/vocabulary.js';

/** One check's sentence in a finding's explanation, with the status that check reached. */
export interface CheckSentence {
  readonly status: Status;
  readonly text: string;
}

/**
 * Joins a finding's check sentences worst status first, so that the reason for a fail or a
 * pending comes before the checks that passed; checks of the same status keep the rule's order.
 *
 * @example
 * joinCheckSentences([{ status: 'pass', text: 'Checked.' }, { status: 'fail', text: 'Late.' }]);
 * // 'Late. Checked.'
 */
export function joinCheckSentences(sentences: readonly CheckSentence[]): string {
  let out = '';
  for (const status of STATUSES) {
    for (const s of sentences) {
      if (s.status === status) out = out === '' ? s.text : `${out} ${s.text}`;
    }
  }
  return out;
}
