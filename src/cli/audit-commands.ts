/** `diff` and `review`: the audit commands that read earlier reports. */
import { createComparison } from '../audit/compare.js';
import { fingerprintFinding } from '../audit/fingerprint.js';
import type { Finding } from '../model/finding.js';
import type { Review } from '../model/review.js';
import {
  type ComparisonFormat,
  formatComparisonJson,
  formatComparisonMarkdown,
  formatComparisonText,
} from '../reporters/comparison.js';
import { UsageError } from './errors.js';
import { type CliIo, writeText } from './io.js';
import { readReportCases } from './read-report.js';
import { addReview } from './review-file.js';

/**
 * `service-standards diff OLD NEW`: what changed between two reports (JSON or NDJSON) of the same
 * cases: status transitions per case and indicator, cases added and gone, counts by transition.
 *
 * @example
 * await runDiff({ before: 'june.ndjson', after: 'july.ndjson', format: 'markdown' }, processIo());
 */
export async function runDiff(
  options: { before: string; after: string; format: ComparisonFormat },
  io: CliIo,
): Promise<number> {
  const diff = createComparison();
  try {
    for await (const r of readReportCases(options.before)) diff.addBefore(r);
    for await (const r of readReportCases(options.after)) diff.addAfter(r);
  } catch (e) {
    throw _usage(e);
  }
  const c = diff.result();
  const text =
    options.format === 'json'
      ? formatComparisonJson(c)
      : options.format === 'markdown'
        ? formatComparisonMarkdown(c)
        : formatComparisonText(c);
  await writeText(io.stdout, text);
  return 0;
}

/** Options of {@link runReview}, as the command line gives them. */
export interface ReviewCommandOptions {
  report: string;
  caseId: string;
  indicator: string;
  decision: 'accept' | 'override';
  status?: 'pass' | 'fail' | 'not_applicable' | undefined;
  reason: string;
  reviewer: string;
  /** The review's date (default: today, from the clock). */
  date?: string | undefined;
  expires?: string | undefined;
  file: string;
}

async function _findFinding(report: string, caseId: string, indicator: string): Promise<Finding> {
  try {
    for await (const r of readReportCases(report)) {
      if (r.caseId !== caseId) continue;
      const f = r.findings.find((x) => x.ref === indicator || x.id === indicator);
      if (!f) throw new UsageError(`${report}: case ${caseId} has no finding for indicator ${indicator}`);
      return f;
    }
  } catch (e) {
    throw _usage(e);
  }
  throw new UsageError(`${report}: no case ${caseId}`);
}

/**
 * `service-standards review REPORT --case ID --indicator REF ...`: adds a review of one finding of
 * a report to a review file, with the finding's fingerprint filled in, so nobody writes
 * fingerprints by hand.
 */
export async function runReview(options: ReviewCommandOptions, io: CliIo): Promise<number> {
  const finding = await _findFinding(options.report, options.caseId, options.indicator);
  const review: Review = {
    caseId: options.caseId,
    ref: finding.ref,
    decision: options.decision,
    ...(options.status !== undefined ? { status: options.status } : {}),
    reason: options.reason,
    reviewer: options.reviewer,
    reviewedOn: options.date ?? io.now().toISOString().slice(0, 10),
    ...(options.expires !== undefined ? { expiresOn: options.expires } : {}),
    fingerprint: fingerprintFinding(finding),
  };
  let replaced: Review | undefined;
  try {
    replaced = await addReview(options.file, review);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const issue = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    throw new UsageError(issue ? `${issue.path.join('.')}: ${issue.message}` : (e as Error).message);
  }
  const what = `${finding.ref} of case ${options.caseId} (${finding.status})`;
  await writeText(
    io.stderr,
    replaced
      ? `replaced the review of ${replaced.reviewedOn} of ${what} in ${options.file}\n`
      : `added a review of ${what} to ${options.file}\n`,
  );
  return 0;
}

const _usage = (e: unknown) =>
  e instanceof UsageError || !(e instanceof Error) ? e : new UsageError(e.message);
