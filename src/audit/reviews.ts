/**
 * Applying reviews to findings. A review applies only to the finding it was made on (same
 * fingerprint) and only until it expires; a review that no longer applies is listed as stale or
 * lapsed, never applied silently, and one whose case or indicator the run did not judge is listed
 * as unmatched.
 */
import type { AppliedReview, CaseResult, Finding } from '../model/finding.js';
import type { Review } from '../model/review.js';
import { requireIterable, requireObject } from '../model/usage-error.js';
import { fingerprintFinding } from './fingerprint.js';

/** A review that did not apply, and why. */
export interface UnappliedReview {
  review: Review;
  /** `stale`: the finding changed since it was reviewed; `lapsed`: past `expiresOn`; `unmatched`: no such finding in the run. */
  state: 'stale' | 'lapsed' | 'unmatched';
  /** For a stale review, the finding's fingerprint now (to review it again). */
  fingerprint?: string;
}

/** What became of a run's reviews. */
export interface ReviewOutcomes {
  applied: number;
  /** Stale, lapsed and unmatched reviews, by case id and ref. */
  notApplied: UnappliedReview[];
}

/** Reviews prepared for one run: apply them case by case, then read what became of them. */
export interface ReviewBook {
  /** The case with each reviewed finding gaining `review`; the same object when none applies. */
  apply(result: CaseResult): CaseResult;
  outcomes(): ReviewOutcomes;
}

/** Two reviews of the same finding: which one holds would be a guess. */
export class DuplicateReviewError extends Error {
  constructor(readonly review: Review) {
    super(`two reviews of case ${review.caseId}, indicator ${review.ref}: keep one`);
    this.name = 'DuplicateReviewError';
  }
}

const _key = (caseId: string, ref: string) => `${caseId}\u0000${ref}`;

function _applied(review: Review, finding: Finding): AppliedReview {
  return {
    decision: review.decision,
    status: review.decision === 'override' ? (review.status ?? finding.status) : 'accepted',
    reason: review.reason,
    reviewer: review.reviewer,
    reviewedOn: review.reviewedOn,
    ...(review.expiresOn !== undefined ? { expiresOn: review.expiresOn } : {}),
  };
}

/**
 * Prepares reviews for a run judged as of `asOfDate` (the local date of `asOf`): a review whose
 * `expiresOn` is before that date has lapsed.
 *
 * @example
 * const book = createReviewBook(file.reviews, { asOfDate: '2025-06-30' });
 * const reviewed = results.map((r) => book.apply(r));
 * book.outcomes(); // { applied: 3, notApplied: [{ state: 'stale', ... }] }
 */
export function createReviewBook(reviews: readonly Review[], options: { asOfDate: string }): ReviewBook {
  const call = "createReviewBook(file.reviews, { asOfDate: '2025-06-30' })";
  requireIterable('createReviewBook', reviews, 'reviews', call);
  requireObject('createReviewBook', options, 'options', call);
  const byFinding = new Map<string, Review>();
  for (const r of reviews) {
    const key = _key(r.caseId, r.ref);
    if (byFinding.has(key)) throw new DuplicateReviewError(r);
    byFinding.set(key, r);
  }
  const matched = new Set<string>();
  const notApplied: UnappliedReview[] = [];
  let applied = 0;
  return {
    apply(result) {
      let findings: Finding[] | undefined;
      result.findings.forEach((finding, i) => {
        const key = _key(result.caseId, finding.ref);
        const review = byFinding.get(key);
        if (!review) return;
        matched.add(key);
        if (review.expiresOn !== undefined && review.expiresOn < options.asOfDate) {
          notApplied.push({ review, state: 'lapsed' });
          return;
        }
        const fingerprint = fingerprintFinding(finding);
        if (fingerprint !== review.fingerprint) {
          notApplied.push({ review, state: 'stale', fingerprint });
          return;
        }
        applied++;
        findings ??= [...result.findings];
        findings[i] = { ...finding, review: _applied(review, finding) };
      });
      return findings ? { ...result, findings } : result;
    },
    outcomes() {
      const unmatched = [...byFinding.entries()]
        .filter(([key]) => !matched.has(key))
        .map(([, review]) => ({ review, state: 'unmatched' as const }));
      const all = [...notApplied, ...unmatched].sort(
        (a, b) =>
          (a.review.caseId < b.review.caseId ? -1 : a.review.caseId > b.review.caseId ? 1 : 0) ||
          (a.review.ref < b.review.ref ? -1 : a.review.ref > b.review.ref ? 1 : 0),
      );
      return { applied, notApplied: all };
    },
  };
}
