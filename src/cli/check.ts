import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { resolveAsOfMs, withoutDrillDown } from '../engine/evaluate-case.js';
import { type CaseOutcome, evaluateCases, type RejectedCase } from '../engine/evaluate-cases.js';
import {
  ConfigError,
  type PreparedEvaluation,
  type PrepareEvaluationOptions,
  prepareEvaluation,
} from '../engine/prepare.js';
import type { Ruleset } from '../engine/ruleset.js';
import { createSummaryBuilder } from '../engine/summarize.js';
import type { Config } from '../model/config.js';
import type { CaseResult, Detail } from '../model/finding.js';
import type { Mapping } from '../model/mapping.js';
import type { Report, ReportMeta } from '../model/report.js';
import type { Summary } from '../model/summary.js';
import type { ReadLimits } from '../readers/limits.js';
import { parseMapping } from '../readers/load-mapping.js';
import { locateIssues } from '../readers/locate.js';
import { withMappingCalendar } from '../readers/mapping-calendar.js';
import type { OcelOptions } from '../readers/ocel.js';
import { readCases } from '../readers/read-cases.js';
import { createReadStats } from '../readers/stats.js';
import { type InputFormat, isRejected, type ReadItem, type SourceRef } from '../readers/types.js';
import { createHtmlReport } from '../reporters/html/index.js';
import { createNdjsonWriter, type NdjsonWriter } from '../reporters/ndjson-writer.js';
import { loadRuleset, rulesetDirOf } from '../rules/load-ruleset.js';
import { formatInstant, parseInstant } from '../time/instant.js';
import { prepareCheckAudit } from './check-audit.js';
import { type CheckPool, createCheckPool, evaluateInWorkers } from './check-workers.js';
import { forTerminal } from './display.js';
import { EXIT, UsageError } from './errors.js';
import { type EvaluatorName, evaluatorNamed } from './evaluator-option.js';
import type { CliIo } from './io.js';
import { writeChunks, writeText } from './io.js';
import { readJsonFile } from './load-json.js';
import { createProgress } from './progress.js';
import { type DocumentFormat, renderDocument } from './render-document.js';
import { buildReportMeta } from './report-meta.js';
import {
  assertKnownThresholdRefs,
  type FailOn,
  type MinCompliance,
  thresholdBreaches,
} from './thresholds.js';
import { createZoneWatch } from './zone-watch.js';

/** A report to write: a format and where (`-` is standard output). */
export interface ReportTarget {
  format: DocumentFormat | 'ndjson';
  path: string;
}

/** Options of {@link runCheck}, as the command line gives them. */
export interface CheckOptions {
  inputs: readonly string[];
  reports: readonly ReportTarget[];
  inputFormat?: InputFormat | undefined;
  sortedByCase?: boolean | undefined;
  mapping?: string | undefined;
  config?: string | undefined;
  ruleset?: string | undefined;
  asOf?: string | undefined;
  only?: readonly string[] | undefined;
  skip?: readonly string[] | undefined;
  failOn?: FailOn | undefined;
  minCompliance?: readonly MinCompliance[] | undefined;
  strict?: boolean | undefined;
  quiet?: boolean | undefined;
  color?: boolean | undefined;
  /** Worker threads to judge on (`--workers`); one (the default) judges on the main thread. */
  workers?: number | undefined;
  /** An empty input, or no case at all, is not an error (`--allow-empty`). */
  allowEmpty?: boolean | undefined;
  /** Bounds on line length, case size and decompressed size (`--max-*`). */
  limits?: Partial<ReadLimits> | undefined;
  /** How OCEL inputs become cases (`--case-object-type`, `--through-related-objects`). */
  ocel?: OcelOptions | undefined;
  /** A review file (`--reviews`): accepted exceptions and overridden statuses. */
  reviews?: string | undefined;
  /** An earlier report (`--baseline`): each finding is new, unchanged or updated against it. */
  baseline?: string | undefined;
  /** `--fail-on` counts only findings new or updated against the baseline (`--fail-on-new`). */
  failOnNew?: boolean | undefined;
  /** Called once the run is prepared, with its calendar and `asOf` (for `due`). */
  onPrepared?: ((run: { prepared: PreparedEvaluation; asOfMs: number }) => void) | undefined;
  /** Called with each judged case as reported (for `due`, which reads findings, not reports). */
  onResult?: ((result: CaseResult) => void) | undefined;
  /** Called with each rejected case, its problems located (for `due`, which writes no report to list them). */
  onRejected?: ((rejected: RejectedCase) => void) | undefined;
  /** Called once every case is judged, with the run's `meta` and summary (for `self-assessment`). */
  onFinished?: ((run: { meta: ReportMeta; summary: Summary }) => void) | undefined;
  /** Thresholds (`--fail-on`, `--min-compliance`, the config's) are not checked: exit 1 never comes from them. */
  ignoreThresholds?: boolean | undefined;
  /** How conditions are decided (`--evaluator`): each rule's compiled tests unless named. */
  evaluator?: EvaluatorName | undefined;
  /** How much each finding's `measured` holds (`--detail`, default `findings`). */
  detail?: Detail | undefined;
  /** Indented JSON (`--pretty`); compact by default. */
  pretty?: boolean | undefined;
  /** The most cases the HTML report lists (`--html-max-cases`, default 20,000). */
  htmlMaxCases?: number | undefined;
}

/** Loads the config file named on the command line (or none). */
async function _loadConfig(file: string | undefined): Promise<{ config: Config; bytes?: Buffer }> {
  if (!file) return { config: {} };
  const { value, bytes } = await readJsonFile(file, 'config');
  return { config: value as Config, bytes };
}

async function _loadMapping(file: string | undefined): Promise<{ mapping?: Mapping; bytes?: Buffer }> {
  if (!file) return {};
  const { value, bytes } = await readJsonFile(file, 'mapping');
  return { mapping: parseMapping(value, file), bytes };
}

/**
 * {@link prepareEvaluation}, with the configuration's problems naming the file they are in.
 *
 * @example
 * const prepared = prepareWithConfigFile(ruleset, { config }, 'config.json');
 */
export function prepareWithConfigFile(
  ruleset: Ruleset,
  options: PrepareEvaluationOptions,
  file: string | undefined,
) {
  try {
    return prepareEvaluation(ruleset, options);
  } catch (e) {
    if (!(e instanceof ConfigError) || !file) throw e;
    // Problems of the rules themselves (`rules.<ref>`) are not in the config file.
    throw new ConfigError(e.issues.map((i) => (i.path[0] === 'rules' ? i : { ...i, file: i.file ?? file })));
  }
}

const _yearOf = (at: unknown) => (typeof at === 'string' ? Number(at.slice(0, 4)) : Number.NaN);

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
  // The workers start (and load the ruleset) while this thread does the same.
  const pool =
    (options.workers ?? 1) > 1
      ? createCheckPool(options.workers ?? 1, {
          rulesetDir: options.ruleset ? resolve(rulesetDirOf(options.ruleset)) : undefined,
          configFile: options.config ? resolve(options.config) : undefined,
          only: options.only,
          skip: options.skip,
        })
      : undefined;
  try {
    return await _runCheck(options, io, pool);
  } finally {
    await pool?.destroy();
  }
}

async function _runCheck(options: CheckOptions, io: CliIo, pool: CheckPool | undefined): Promise<number> {
  const ruleset = await loadRuleset(options.ruleset ? { dir: rulesetDirOf(options.ruleset) } : {});
  const { config: configFile, bytes: configBytes } = await _loadConfig(options.config);
  const { mapping, bytes: mappingBytes } = await _loadMapping(options.mapping);
  // The mapping may carry the log's calendar; the config's own settings win.
  const { config, warnings: calendarWarnings } = withMappingCalendar(configFile, mapping);
  for (const [flag, selectors] of [
    ['--only', options.only],
    ['--skip', options.skip],
  ] as const) {
    // A typo must not quietly judge nothing (or everything).
    for (const s of selectors ?? []) {
      if (!ruleset.rules.some((r) => s === r.id || s === r.ref || r.ref.startsWith(`${s}.`)))
        throw new UsageError(`${flag}: no indicator has ref or id "${s}" or a ref under it`);
    }
  }
  const prepared = prepareWithConfigFile(
    ruleset,
    { config, only: options.only, skip: options.skip },
    options.config,
  );
  const minimums = [
    ...(config.thresholds?.minCompliance !== undefined ? [{ percent: config.thresholds.minCompliance }] : []),
    ...Object.entries(config.thresholds?.indicators ?? {}).map(([ref, percent]) => ({ ref, percent })),
    ...(options.minCompliance ?? []),
  ];
  assertKnownThresholdRefs(ruleset, minimums);
  const failOn = (options.failOn ?? config.thresholds?.failOn ?? 'fail') as FailOn;
  const asOfSource = options.asOf ? 'option' : 'now';
  let asOfMs: number;
  const asOfInstant = _asOfInstant(options.asOf, prepared.zone);
  try {
    asOfMs = resolveAsOfMs(asOfInstant ?? io.now(), prepared.zone);
  } catch (e) {
    // The message names the value as given, not the instant a date alone resolved to.
    const message = (e as Error).message
      .replace(/^asOf: /, '')
      .replace(String(asOfInstant), options.asOf ?? '');
    throw new UsageError(`--as-of: ${message}`);
  }

  const audit = await prepareCheckAudit({ ...options, ruleset, asOfMs, zone: prepared.zone });
  options.onPrepared?.({ prepared, asOfMs });

  const stats = createReadStats();
  const reader = readCases(options.inputs, {
    inputFormat: options.inputFormat,
    mapping,
    sortedByCase: options.sortedByCase,
    stdin: io.stdin,
    stats,
    allowEmpty: options.allowEmpty,
    limits: options.limits,
    ocel: options.ocel,
  });
  // evaluateCases pulls one item, judges it and yields it before pulling the next, so the item
  // last read is the one each outcome is about: that is where its source comes from.
  let current: ReadItem | undefined;
  let minYear = Number.POSITIVE_INFINITY;
  let maxYear = Number.NEGATIVE_INFINITY;
  // The holidays listed are those of the years judged: events of judged cases (valid, so within
  // the calendar's years), up to asOf's year (later events are left out of judging).
  const asOfYear = Number(formatInstant(asOfMs, prepared.zone).slice(0, 4));
  const zoneWatch = createZoneWatch(prepared.zone, mapping);
  const countYears = (item: ReadItem) => {
    if (isRejected(item)) return;
    for (const e of item.events) {
      const at = (e as { at?: unknown }).at;
      zoneWatch.see(at);
      const y = _yearOf(at);
      if (y > asOfYear) continue;
      if (y < minYear) minYear = y;
      if (y > maxYear) maxYear = y;
    }
  };
  async function* tracked(): AsyncGenerator<ReadItem> {
    for await (const item of reader) {
      current = item;
      yield item;
    }
  }

  const summary = createSummaryBuilder(ruleset);
  const documents = options.reports.filter((r) => r.format !== 'ndjson' && r.format !== 'html');
  // The HTML report takes each case as it is judged and keeps at most --html-max-cases.
  const htmlReports = options.reports
    .filter((r) => r.format === 'html')
    .map((r) => ({ path: r.path, html: createHtmlReport(ruleset, { maxCases: options.htmlMaxCases }) }));
  const keepResults = documents.length > 0;
  const results: CaseResult[] = [];
  const ndjson: { writer: NdjsonWriter; stream: Writable; own: boolean }[] = options.reports
    .filter((r) => r.format === 'ndjson')
    .map((r) => {
      const stream = r.path === '-' ? io.stdout : createReportStream(r.path);
      return { writer: createNdjsonWriter(stream), stream, own: r.path !== '-' };
    });
  const progress = createProgress({
    stream: io.stderr,
    env: io.env,
    quiet: options.quiet === true,
    input: stats,
  });
  let stoppedAt: RejectedCase | undefined;
  let judged = 0;
  // The audit report's drill-down shows each case's timeline.
  const timeline = options.reports.some((r) => r.format === 'html');
  const detail = options.detail ?? 'findings';
  /** Takes one case's outcome (in input order); false when --strict stops the run there. */
  const take = async (
    outcome: CaseOutcome,
    source: SourceRef | undefined,
    line?: Uint8Array | undefined,
  ): Promise<boolean> => {
    if (outcome.kind === 'rejected') {
      const problems = locateIssues(outcome.rejected.problems, source);
      const rejected = { ...outcome.rejected, problems };
      summary.addRejected(rejected);
      options.onRejected?.(rejected);
      if (options.strict) {
        stoppedAt = rejected;
        return false;
      }
      return true;
    }
    const judgedResult: CaseResult = source
      ? { ...outcome.result, source: { file: source.file, line: source.line } }
      : outcome.result;
    const result = audit ? audit.apply(judgedResult) : judgedResult;
    summary.addResult(result);
    options.onResult?.(result);
    for (const h of htmlReports) h.html.add(result);
    judged++;
    progress.tick(judged);
    // At `--detail summary` the NDJSON report is its summary line alone.
    for (const n of detail === 'summary' ? [] : ndjson) {
      if (line === undefined || audit) await n.writer.writeCase(withoutDrillDown(result));
      else if (!n.stream.write(line)) await once(n.stream, 'drain');
    }
    if (keepResults) results.push(result);
    return true;
  };
  if (pool) {
    // The same outcomes from worker threads, in input order; each result already carries its
    // source and, for NDJSON, its line (`worker.ts`).
    let rewind: (() => void) | undefined;
    for await (const o of evaluateInWorkers(reader, {
      pool,
      workers: options.workers ?? 1,
      stats,
      strict: options.strict === true,
      // The main thread judges batches too, with the ruleset it has prepared already.
      local: { ruleset, prepared },
      setup: {
        rulesetDir: options.ruleset ? resolve(rulesetDirOf(options.ruleset)) : undefined,
        config,
        only: options.only,
        skip: options.skip,
        asOfMs,
        timeline,
        detail,
        // Reviews and a baseline change the line, so the main thread writes it then.
        line: ndjson.length > 0 && !audit,
        // Whoever takes each result (`onResult`) reads whole findings, not the slim ones.
        full: keepResults || htmlReports.length > 0 || options.onResult !== undefined,
        evaluator: options.evaluator,
      },
    })) {
      if (o.kind !== 'rejected') countYears(o.item);
      const go =
        o.kind === 'rejected'
          ? await take(o, o.item.source)
          : await take({ kind: 'judged', result: o.result }, undefined, o.line);
      if (!go) {
        rewind = o.restoreStats;
        break;
      }
    }
    // Reading ran ahead of the case --strict stopped at: the stats go back to that case.
    rewind?.();
  } else {
    for await (const outcome of evaluateCases(tracked(), {
      ruleset,
      prepared,
      asOf: asOfMs,
      timeline,
      evaluator: evaluatorNamed(options.evaluator),
      detail,
    }) as AsyncGenerator<CaseOutcome>) {
      if (outcome.kind === 'judged' && current) countYears(current);
      if (!(await take(outcome, current?.source))) break;
    }
  }
  progress.done();
  for (const [activity, count] of stats.unmappedActivities) summary.addUnmapped(activity, count);
  const s = { ...summary.result(), ...audit?.summaryParts() };
  // Nothing is lost: every case read is judged or rejected (unless --strict stopped early).
  if (!stoppedAt && stats.cases !== s.cases + s.rejected.length) {
    throw new Error(
      `internal error: ${stats.cases} cases read but ${s.cases} judged and ${s.rejected.length} rejected`,
    );
  }
  const meta = buildReportMeta({
    prepared,
    asOfMs,
    asOfSource,
    detail,
    generatedAt: io.now(),
    inputs: stats.inputs,
    mapping: options.mapping && mappingBytes ? { file: options.mapping, bytes: mappingBytes } : undefined,
    config: options.config && configBytes ? { file: options.config, bytes: configBytes } : undefined,
    years: Number.isFinite(minYear) ? [minYear, maxYear] : undefined,
    only: options.only,
    skip: options.skip,
  });
  options.onFinished?.({ meta, summary: s });
  for (const n of ndjson) {
    await n.writer.writeSummary(meta, s);
    if (n.own)
      await new Promise<void>((resolve, reject) =>
        n.stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
      );
  }
  // Document reports list cases by id, so their bytes do not depend on the input's order.
  results.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const report: Report = { meta, cases: timeline ? results.map(withoutDrillDown) : results, summary: s };
  for (const h of htmlReports) {
    const stream = h.path === '-' ? io.stdout : createReportStream(h.path);
    await writeChunks(stream, h.html.chunks(meta, s), h.path !== '-');
  }
  for (const target of documents) {
    const format = target.format as DocumentFormat;
    const text = renderDocument(format, report, ruleset, {
      color: target.path === '-' && options.color === true,
      env: io.env,
      cwd: io.cwd,
      pretty: options.pretty === true,
    });
    if (target.path === '-') await writeText(io.stdout, text);
    else await writeReportFile(target.path, text);
  }
  for (const w of [...calendarWarnings, ...zoneWatch.warnings(), ...stats.warnings])
    await writeText(io.stderr, `warning: ${forTerminal(w)}\n`);
  if (stoppedAt) {
    await writeText(io.stderr, `stopped at the first invalid case (--strict): ${stoppedAt.caseId}\n`);
    return EXIT.input;
  }
  if (s.rejected.length > 0) {
    await writeText(
      io.stderr,
      `${s.rejected.length} case(s) rejected as invalid; see the report's "rejected" list\n`,
    );
    return EXIT.input;
  }
  const breaches = options.ignoreThresholds
    ? []
    : thresholdBreaches(s, failOn, minimums, { newOnly: options.failOnNew });
  for (const b of breaches) await writeText(io.stderr, `${b}\n`);
  return breaches.length > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * `--as-of` as an instant: a date alone is the end of that local day in the calendar's zone
 * (its last millisecond: `--as-of 2025-06-30` judges everything that happened on 30 June).
 */
function _asOfInstant(asOf: string | undefined, zone: string): string | number | undefined {
  if (asOf === undefined) return undefined;
  const parsed = parseInstant(asOf, zone, 'end');
  return 'error' in parsed || !parsed.dateOnly ? asOf : parsed.epochMs;
}

/** A report file's stream (check's and summarize's), its folder created when missing (`--report` creates missing folders). */
export function createReportStream(path: string): Writable {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
  } catch (e) {
    throw new UsageError(
      `cannot write the report ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  return createWriteStream(path);
}

/** Writes a whole report file, creating its folder when missing. */
export async function writeReportFile(path: string, text: string): Promise<void> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  try {
    await mkdir(dirname(resolve(path)), { recursive: true });
    await writeFile(path, text);
  } catch (e) {
    throw new UsageError(
      `cannot write the report ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}
