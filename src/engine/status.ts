import type { Status } from '../model/finding.js';
import { requireIterable } from '../model/usage-error.js';
import { STATUSES } from '../model/vocabulary.js';

/** The worse of two statuses, in the order error, fail, insufficient_evidence, pending, pass, not_applicable. */
export function worseStatus(a: Status, b: Status): Status {
  // Stryker disable next-line EqualityOperator: at equal places a and b are the same status
  return STATUSES.indexOf(a) <= STATUSES.indexOf(b) ? a : b;
}

/** The worst of several statuses; `not_applicable` when there are none. */
export function worstStatus(statuses: Iterable<Status>): Status {
  requireIterable('worstStatus', statuses, 'statuses', "worstStatus(['pass', 'fail'])");
  let worst: Status = 'not_applicable';
  for (const s of statuses) worst = worseStatus(worst, s);
  return worst;
}
