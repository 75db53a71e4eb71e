/**
 * `service-standards check`: sets the run up, judges every case read, hands each to the reports
 * as it is judged, and settles the exit code. Each step is its own module (`check-*.ts`,
 * `report-writers.ts`); this one puts them in order.
 */
import type { RejectedCase } from '../engine/evaluate-cases.js';
import { createSummaryBuilder } from '../engine/summarize.js';
import type { CaseResult } from '../model/finding.js';
import type { ReportMeta } from '../model/report.js';
import type { Summary } from '../model/summary.js';
import { locateIssues } from '../readers/locate.js';
import { readCases, readCasesWithText } from '../readers/read-cases.js';
import { createReadStats, type ReadStats } from '../readers/stats.js';
import { type CheckAudit, prepareCheckAudit } from './check-audit.js';
import { type JudgedItem, judgeAll } from './check-judge.js';
import type { CheckOptions } from './check-options.js';
import { type CheckSetup, setUpCheck } from './check-setup.js';
import { type CheckPool, poolForOptions } from './check-workers.js';
import { createYearsSeen } from './check-years.js';
import { forTerminal } from './display.js';
import { EXIT } from './errors.js';
import type { CliIo } from './io.js';
import { writeText } from './io.js';
import { createProgress } from './progress.js';
import { buildReportMeta } from './report-meta.js';
import { openReportWriters, type ReportWriters } from './report-writers.js';
import { thresholdBreaches } from './thresholds.js';

export type { CheckOptions } from './check-options.js';
export { prepareWithConfigFile } from './check-setup.js';
export { createReportStream, writeReportFile } from './report-files.js';
export type { ReportTarget } from './report-writers.js';

/**
 * `service-standards check`: reads the inputs, judges every case, writes every report asked
 * for and returns the exit code (`interface.md`): 2 when anything could not be read or a case
 * was rejected (the reports are still written), else 1 when findings reach `--fail-on` or a
 * compliance rate is under a threshold, else 0.
 *
 * @example
 * const code = await runCheck({ inputs: ['log.ndjson'], reports: [{ format: 'text', path: '-' }], asOf: '2025-06-30' }, processIo());
 */
export async function runCheck(options: CheckOptions, io: CliIo): Promise<number> {
  const pool = poolForOptions(options);
  try {
    return await _runCheck(options, io, pool);
  } finally {
    await pool?.destroy();
  }
}

async function _runCheck(options: CheckOptions, io: CliIo, pool: CheckPool | undefined): Promise<number> {
  const setup = await setUpCheck(options, io);
  const { ruleset, prepared, asOfMs } = setup;
  const audit = await prepareCheckAudit({ ...options, ruleset, asOfMs, zone: prepared.zone });
  options.onPrepared?.({ prepared, asOfMs });
  const stats = createReadStats();
  // With worker threads, a case's text is handed on rather than the parsed case cloned.
  const reader = (pool ? readCasesWithText : readCases)(options.inputs, {
    inputFormat: options.inputFormat,
    mapping: setup.mapping,
    sortedByCase: options.sortedByCase,
    stdin: io.stdin,
    stats,
    allowEmpty: options.allowEmpty,
    limits: options.limits,
    ocel: options.ocel,
  });
  const writers = openReportWriters(options.reports, {
    io,
    ruleset,
    detail: options.detail ?? 'findings',
    pretty: options.pretty === true,
    color: options.color === true,
    inputs: stats.inputs,
    indicators: prepared.rules.map((r) => ({ ref: r.ref, id: r.id })),
    htmlMaxCases: options.htmlMaxCases,
  });
  try {
    const judging = {
      timeline: writers.timeline,
      lines: writers.lines && !audit,
      // Whoever takes each result (a document report, `onResult`) reads whole findings, not the slim ones.
      full: writers.documents || options.onResult !== undefined,
    };
    const run = await _judgeEveryCase(judgeAll(reader, setup, options, pool, judging), {
      options,
      io,
      setup,
      audit,
      writers,
      stats,
    });
    options.onFinished?.({ meta: run.meta, summary: run.summary });
    await writers.finish(run.meta, run.summary);
    return await _settle(run, setup, options, io, stats);
  } finally {
    writers.dispose();
  }
}

interface _Run {
  meta: ReportMeta;
  summary: Summary;
  stoppedAt: RejectedCase | undefined;
  warnings: string[];
}

/** Takes every outcome in input order: to the summary, the audit layer, `onResult` and the reports. */
async function _judgeEveryCase(
  judged: AsyncGenerator<JudgedItem>,
  run: {
    options: CheckOptions;
    io: CliIo;
    setup: CheckSetup;
    audit: CheckAudit | undefined;
    writers: ReportWriters;
    stats: ReadStats;
  },
): Promise<_Run> {
  const { options, io, setup, audit, writers, stats } = run;
  const summary = createSummaryBuilder(setup.ruleset);
  const years = createYearsSeen(setup.asOfMs, setup.prepared.zone, setup.mapping);
  const progress = createProgress({
    stream: io.stderr,
    env: io.env,
    quiet: options.quiet === true,
    input: stats,
  });
  let stoppedAt: RejectedCase | undefined;
  let count = 0;
  for await (const { outcome, item, source, line, restoreStats } of judged) {
    if (outcome.kind === 'rejected') {
      const rejected = { ...outcome.rejected, problems: locateIssues(outcome.rejected.problems, source) };
      summary.addRejected(rejected);
      options.onRejected?.(rejected);
      if (!options.strict) continue;
      stoppedAt = rejected;
      // Reading ran ahead of the case --strict stopped at: the stats go back to that case.
      restoreStats?.();
      break;
    }
    years.see(item);
    const sourced: CaseResult = source
      ? { ...outcome.result, source: { file: source.file, line: source.line } }
      : outcome.result;
    const result = audit ? audit.apply(sourced) : sourced;
    summary.addResult(result);
    options.onResult?.(result);
    count++;
    progress.tick(count);
    // Reviews and a baseline change the line a worker made, so it is made again here then.
    await writers.add(result, audit ? undefined : line);
  }
  progress.done();
  for (const [activity, n] of stats.unmappedActivities) summary.addUnmapped(activity, n);
  const s = { ...summary.result(), ...audit?.summaryParts() };
  // Nothing is lost: every case read is judged or rejected (unless --strict stopped early).
  if (!stoppedAt && stats.cases !== s.cases + s.rejected.length) {
    throw new Error(
      `internal error: ${stats.cases} cases read but ${s.cases} judged and ${s.rejected.length} rejected`,
    );
  }
  const meta = buildReportMeta({
    prepared: setup.prepared,
    asOfMs: setup.asOfMs,
    asOfSource: setup.asOfSource,
    detail: options.detail ?? 'findings',
    generatedAt: io.now(),
    inputs: stats.inputs,
    mapping: setup.mappingFile,
    config: setup.configFile,
    years: years.range(),
    only: options.only,
    skip: options.skip,
  });
  return { meta, summary: s, stoppedAt, warnings: years.warnings() };
}

/** The warnings, then the exit code: rejected input, else thresholds breached, else fine. */
async function _settle(
  run: _Run,
  setup: CheckSetup,
  options: CheckOptions,
  io: CliIo,
  stats: ReadStats,
): Promise<number> {
  for (const w of [...setup.calendarWarnings, ...run.warnings, ...stats.warnings])
    await writeText(io.stderr, `warning: ${forTerminal(w)}\n`);
  if (run.stoppedAt) {
    await writeText(io.stderr, `stopped at the first invalid case (--strict): ${run.stoppedAt.caseId}\n`);
    return EXIT.input;
  }
  const s = run.summary;
  if (s.rejected.length > 0) {
    await writeText(
      io.stderr,
      `${s.rejected.length} case(s) rejected as invalid; see the report's "rejected" list\n`,
    );
    return EXIT.input;
  }
  const breaches = options.ignoreThresholds
    ? []
    : thresholdBreaches(s, setup.failOn, setup.minimums, { newOnly: options.failOnNew });
  for (const b of breaches) await writeText(io.stderr, `${b}\n`);
  return breaches.length > 0 ? EXIT.findings : EXIT.ok;
}
