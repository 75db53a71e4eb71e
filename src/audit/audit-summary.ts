/**
 * The parts of a run's summary that reviews and a baseline add: counts and rates after review
 * (beside the summary's own, which stay as judged), and counts against the baseline.
 */

import type { Ruleset } from '../engine/ruleset.js';
import { complianceRate, rollUpCounts, zeroCounts } from '../engine/summarize.js';
import { requireRulesetValue } from '../engine/usage.js';
import type { CaseResult, Finding, Status, StatusCounts } from '../model/finding.js';
import type { BaselineSummary, ReviewedSummary } from '../model/summary.js';
import { requireObject } from '../model/usage-error.js';
import { STATUSES } from '../model/vocabulary.js';
import type { Baseline } from './baseline.js';
import type { ReviewBook } from './reviews.js';

/** Tallies reviewed and baselined cases as they stream by. */
export interface AuditTally {
  /** A case after {@link ReviewBook.apply} and {@link Baseline.classify}. */
  add(result: CaseResult): void;
  result(): { reviewed?: ReviewedSummary; baseline?: BaselineSummary };
}

/** A finding's status after review, or undefined when it was accepted as an exception. */
export function reviewedStatus(f: Finding): Status | undefined {
  requireObject('reviewedStatus', f, 'finding', 'reviewedStatus(result.findings[0])');
  return f.review === undefined ? f.status : f.review.status === 'accepted' ? undefined : f.review.status;
}

function _reviewedSummary(
  ruleset: Ruleset,
  counts: Map<string, StatusCounts>,
  accepted: Map<string, number>,
  book: ReviewBook,
): ReviewedSummary {
  const overall = zeroCounts();
  for (const c of counts.values()) for (const s of STATUSES) overall[s] += c[s];
  const acceptedIn = (refs: readonly string[]) => refs.reduce((n, ref) => n + (accepted.get(ref) ?? 0), 0);
  const { indicators, standards, commitments } = rollUpCounts(ruleset, counts);
  const indicatorsUnder = new Map<string, readonly string[]>();
  for (const cm of ruleset.manifest.commitments) {
    indicatorsUnder.set(
      cm.ref,
      cm.standards.flatMap((st) => st.indicators),
    );
    for (const st of cm.standards) indicatorsUnder.set(st.ref, st.indicators);
  }
  const scope = (
    x: { ref: string; byStatus: StatusCounts; complianceRate: number | null },
    refs: readonly string[],
  ) => ({
    ref: x.ref,
    byStatus: x.byStatus,
    accepted: acceptedIn(refs),
    complianceRate: x.complianceRate,
  });
  const { applied, notApplied } = book.outcomes();
  return {
    applied,
    accepted: acceptedIn([...accepted.keys()]),
    byStatus: overall,
    complianceRate: complianceRate(overall),
    indicators: indicators.map((i) => scope(i, [i.ref])),
    standards: standards.map((s) => scope(s, indicatorsUnder.get(s.ref) ?? [])),
    commitments: commitments.map((c) => scope(c, indicatorsUnder.get(c.ref) ?? [])),
    notApplied: notApplied.map(({ review, state, fingerprint }) => ({
      caseId: review.caseId,
      ref: review.ref,
      state,
      reviewer: review.reviewer,
      reviewedOn: review.reviewedOn,
      ...(review.expiresOn !== undefined ? { expiresOn: review.expiresOn } : {}),
      ...(fingerprint !== undefined ? { fingerprint } : {}),
    })),
  };
}

/**
 * Starts a tally for a run with reviews, a baseline, or both.
 *
 * @example
 * const tally = createAuditTally(ruleset, { reviews: book, baseline });
 * for (const r of results) tally.add(baseline.classify(book.apply(r)));
 * tally.result().reviewed?.complianceRate;
 */
export function createAuditTally(
  ruleset: Ruleset,
  options: { reviews?: ReviewBook | undefined; baseline?: Baseline | undefined },
): AuditTally {
  requireRulesetValue('createAuditTally', ruleset, 'the ruleset');
  requireObject(
    'createAuditTally',
    options,
    'options',
    'createAuditTally(ruleset, { reviews: book, baseline })',
  );
  const counts = new Map<string, StatusCounts>();
  const accepted = new Map<string, number>();
  const states = { new: 0, unchanged: 0, updated: 0 };
  const newOrUpdated = zeroCounts();
  return {
    add(result) {
      for (const f of result.findings) {
        const status = reviewedStatus(f);
        if (options.reviews) {
          // Every judged indicator is listed, even when all its findings were accepted.
          const c = counts.get(f.ref) ?? zeroCounts();
          counts.set(f.ref, c);
          if (status === undefined) accepted.set(f.ref, (accepted.get(f.ref) ?? 0) + 1);
          else c[status]++;
        }
        if (options.baseline && f.baseline !== undefined) {
          states[f.baseline]++;
          if (f.baseline !== 'unchanged' && status !== undefined) newOrUpdated[status]++;
        }
      }
    },
    result() {
      const out: { reviewed?: ReviewedSummary; baseline?: BaselineSummary } = {};
      if (options.reviews) out.reviewed = _reviewedSummary(ruleset, counts, accepted, options.reviews);
      if (options.baseline) {
        const absent = options.baseline.absent();
        out.baseline = {
          ...states,
          absent: absent.length,
          newOrUpdatedByStatus: newOrUpdated,
          absentFindings: absent.filter((a) => a.status === 'error' || a.status === 'fail'),
        };
      }
      return out;
    },
  };
}
