/** `diff`, `review` and `due`: the audit commands. */

import { createComparison } from '../audit/compare.js';
import { dueItems } from '../audit/due.js';
import { fingerprintFinding } from '../audit/fingerprint.js';
import type { PreparedEvaluation } from '../engine/prepare.js';
import type { CaseResult, Finding } from '../model/finding.js';
import { formatIssue } from '../model/issues.js';
import type { Review } from '../model/review.js';
import {
  type ComparisonFormat,
  formatComparisonJson,
  formatComparisonMarkdown,
  formatComparisonText,
} from '../reporters/comparison.js';
import {
  formatWorklistCsv,
  formatWorklistIcal,
  formatWorklistJson,
  formatWorklistText,
  type WorklistFormat,
} from '../reporters/worklist.js';
import { type CheckOptions, runCheck } from './check.js';
import { forTerminal, forTerminalDeep } from './display.js';
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

/** Options of {@link runDue}: those of `check` that choose and judge the cases, and the list's own. */
export interface DueCommandOptions
  extends Omit<CheckOptions, 'reports' | 'failOn' | 'minCompliance' | 'onResult' | 'onPrepared'> {
  within?: number | undefined;
  format: WorklistFormat;
}

/**
 * `service-standards due INPUT --as-of ... [--within N]`: judges the cases and lists every pending
 * finding that falls due, soonest first, with the working days left; findings due "before the
 * decision" are listed apart. The exit code is `check`'s for bad input (2), else 0.
 */
export async function runDue(options: DueCommandOptions, io: CliIo): Promise<number> {
  const pending: CaseResult[] = [];
  let run: { prepared: PreparedEvaluation; asOfMs: number } | undefined;
  // The worklist has no place for rejected cases: their problems go to standard error.
  const problems: string[] = [];
  const code = await runCheck(
    {
      ...options,
      reports: [],
      failOn: 'none',
      quiet: true,
      onPrepared: (r) => {
        run = r;
      },
      // Only pending findings are kept, so the worklist's memory is what it lists.
      onResult: (r) => {
        const findings = r.findings.filter((f) => f.status === 'pending');
        if (findings.length > 0) pending.push({ ...r, findings });
      },
      onRejected: (r) => {
        for (const p of r.problems) problems.push(`rejected ${r.caseId}: ${formatIssue(p)}`);
      },
    },
    io,
  );
  for (const p of problems) await writeText(io.stderr, `${forTerminal(p)}\n`);
  if (!run) return code;
  const list = dueItems(pending, {
    asOfMs: run.asOfMs,
    calendar: run.prepared.calendar,
    ruleset: run.prepared.ruleset,
    within: options.within,
  });
  // A log's text never reaches a terminal, a spreadsheet or a calendar raw (JSON escapes its own).
  const shown = forTerminalDeep(list);
  const text =
    options.format === 'json'
      ? formatWorklistJson(list)
      : options.format === 'csv'
        ? formatWorklistCsv(shown)
        : options.format === 'ical'
          ? formatWorklistIcal(shown, { asOfMs: run.asOfMs })
          : formatWorklistText(shown);
  await writeText(io.stdout, text);
  return code;
}
