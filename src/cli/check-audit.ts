/** `check --reviews`, `--baseline`: the audit layer applied to each judged case. */
import { createAuditTally } from '../audit/audit-summary.js';
import { createBaseline } from '../audit/baseline.js';
import { createReviewBook, DuplicateReviewError } from '../audit/reviews.js';
import type { Ruleset } from '../engine/ruleset.js';
import type { CaseResult } from '../model/finding.js';
import type { Summary } from '../model/summary.js';
import { isoDateFromDay } from '../time/days.js';
import { localDayOf } from '../time/instant.js';
import { UsageError } from './errors.js';
import { readAllReportCases } from './read-report.js';
import { loadReviews } from './review-file.js';

/** The audit layer of one run: apply it to each judged case, then add its parts to the summary. */
export interface CheckAudit {
  apply(result: CaseResult): CaseResult;
  summaryParts(): Pick<Summary, 'reviewed' | 'baseline'>;
}

/**
 * Loads the review file and the baseline report named on the command line; undefined when neither
 * was given. Reviews lapse against `asOf`'s local date in the calendar's zone.
 */
export async function prepareCheckAudit(options: {
  reviews?: string | undefined;
  baseline?: string | undefined;
  failOnNew?: boolean | undefined;
  ruleset: Ruleset;
  asOfMs: number;
  zone: string;
}): Promise<CheckAudit | undefined> {
  if (options.failOnNew && !options.baseline) throw new UsageError('--fail-on-new needs --baseline REPORT');
  if (!options.reviews && !options.baseline) return undefined;
  const asOfDate = isoDateFromDay(localDayOf(options.asOfMs, options.zone));
  let book: ReturnType<typeof createReviewBook> | undefined;
  if (options.reviews) {
    try {
      book = createReviewBook(await loadReviews(options.reviews), { asOfDate });
    } catch (e) {
      if (e instanceof DuplicateReviewError)
        throw new UsageError(`review file ${options.reviews}: ${e.message}`);
      throw e;
    }
  }
  const baseline = options.baseline ? createBaseline(await readAllReportCases(options.baseline)) : undefined;
  const tally = createAuditTally(options.ruleset, { reviews: book, baseline });
  return {
    apply(result) {
      let out = book ? book.apply(result) : result;
      if (baseline) out = baseline.classify(out);
      tally.add(out);
      return out;
    },
    summaryParts: () => tally.result(),
  };
}
