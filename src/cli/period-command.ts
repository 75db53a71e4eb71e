import { type Period, parsePeriod } from '../period/period.js';
import { kpiTimescales, type PeriodReport, tallyPeriod } from '../period/period-report.js';
import { readCases } from '../readers/read-cases.js';
import {
  formatPeriodCsv,
  formatPeriodJson,
  formatPeriodMarkdown,
  formatPeriodText,
} from '../reporters/period.js';
import { dayFromIsoDate, yearOfDay } from '../time/days.js';
import type { CheckOptions } from './check-options.js';
import { type CheckSetup, setUpCheck } from './check-setup.js';
import { type CheckPool, poolForOptions } from './check-workers.js';
import { forTerminal } from './display.js';
import { EXIT, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { writeText } from './io.js';
import { periodOutcomes } from './period-judge.js';
import { writeReportFile } from './report-files.js';
import { buildReportMeta, type RunFacts } from './report-meta.js';

/** The formats `report --period` writes. */
export const PERIOD_FORMATS = ['text', 'json', 'markdown', 'csv'] as const;
export type PeriodFormat = (typeof PERIOD_FORMATS)[number];

/** Options of {@link runPeriodReport}, as the command line gives them: `check`'s that apply, and the period's. */
export type PeriodReportCommandOptions = Pick<
  CheckOptions,
  | 'inputs'
  | 'inputFormat'
  | 'sortedByCase'
  | 'mapping'
  | 'config'
  | 'ruleset'
  | 'asOf'
  | 'strict'
  | 'allowEmpty'
  | 'limits'
  | 'ocel'
  | 'pretty'
  | 'workers'
> & {
  period: string;
  reports: readonly { format: PeriodFormat; path: string }[];
  population?: number | undefined;
};

function _render(format: PeriodFormat, report: PeriodReport, pretty: boolean): string {
  switch (format) {
    case 'json':
      return formatPeriodJson(report, pretty);
    case 'markdown':
      return formatPeriodMarkdown(report);
    case 'csv':
      return formatPeriodCsv(report);
    default:
      return formatPeriodText(report);
  }
}

/** `--period FROM..TO`, or a usage error saying what is wrong. */
function _period(text: string): Period {
  try {
    return parsePeriod(text);
  } catch (e) {
    throw new UsageError(`--period: ${(e as Error).message}`);
  }
}

/**
 * `service-standards report --period FROM..TO`: the complaints performance indicators of a
 * period (`mchp-scotland.md`, section K), for rulesets whose manifest offers them
 * (`periodOutputs: ["kpi"]`), set up as `check` is (`check-setup.ts`) and read on N threads with
 * `--workers N` (the output is the same). Exit 2 for usage, configuration or input errors
 * (rejected cases included: the report is still written), else 0.
 *
 * @example
 * const code = await runPeriodReport({ inputs: ['log.ndjson'], period: '2024-04-01..2025-03-31', reports: [{ format: 'text', path: '-' }], ruleset: 'mchp-scotland-2020' }, io);
 */
export async function runPeriodReport(options: PeriodReportCommandOptions, io: CliIo): Promise<number> {
  const pool = poolForOptions(options);
  try {
    return await _runPeriodReport(options, io, pool);
  } finally {
    await pool?.destroy();
  }
}

async function _runPeriodReport(
  options: PeriodReportCommandOptions,
  io: CliIo,
  pool: CheckPool | undefined,
): Promise<number> {
  const setup = await setUpCheck(options, io);
  const { ruleset, prepared, asOfMs } = setup;
  if (!(ruleset.manifest.periodOutputs ?? []).includes('kpi'))
    throw new UsageError(
      `report --period: the ruleset ${ruleset.manifest.id} offers no period report (its manifest declares no "kpi" period output); try --ruleset mchp-scotland-2020`,
    );
  const period = _period(options.period);
  const work = { period, timescales: kpiTimescales(ruleset, prepared.config) };
  const reader = readCases(options.inputs, {
    inputFormat: options.inputFormat,
    mapping: setup.mapping,
    sortedByCase: options.sortedByCase,
    stdin: io.stdin,
    allowEmpty: options.allowEmpty,
    limits: options.limits,
    ocel: options.ocel,
  });
  const stats = reader.stats;
  let taken = 0;
  const outcomes = periodOutcomes(reader, setup, pool, {
    work,
    strict: options.strict === true,
    ruleset: options.ruleset,
    onOutcome: () => taken++,
  });
  const report = await tallyPeriod(outcomes, {
    prepared,
    period,
    asOfMs,
    population: options.population,
    strict: options.strict,
  });
  // Nothing is lost: every case read is counted or rejected (unless --strict stopped early).
  if (!report.stopped && stats.cases !== taken)
    throw new Error(`internal error: ${stats.cases} cases read but ${taken} counted or rejected`);
  const full = _withRunMeta(report, setup, io, stats.inputs);
  for (const target of options.reports) {
    const text = _render(target.format, full, options.pretty === true);
    if (target.path === '-') await writeText(io.stdout, text);
    else await writeReportFile(target.path, text);
  }
  for (const w of [...setup.calendarWarnings, ...stats.warnings])
    await writeText(io.stderr, `warning: ${forTerminal(w)}\n`);
  return _settle(report, io);
}

/** The report with the meta of check (hashes, calendar, versions), its period and population beside it. */
function _withRunMeta(
  report: PeriodReport,
  setup: CheckSetup,
  io: CliIo,
  inputs: RunFacts['inputs'],
): PeriodReport {
  const { period } = report.meta;
  const meta = buildReportMeta({
    prepared: setup.prepared,
    asOfMs: setup.asOfMs,
    asOfSource: setup.asOfSource,
    detail: 'summary',
    generatedAt: io.now(),
    inputs,
    mapping: setup.mappingFile,
    config: setup.configFile,
    years: [yearOfDay(dayFromIsoDate(period.from)), yearOfDay(dayFromIsoDate(period.to))],
  });
  const { population } = report.meta;
  return {
    ...report,
    meta: { ...report.meta, ...meta, period, ...(population ? { population } : {}) } as PeriodReport['meta'],
  };
}

/** The exit code, with what the person running it must know: rejected input, else fine. */
async function _settle(report: PeriodReport, io: CliIo): Promise<number> {
  if (report.stopped) {
    await writeText(
      io.stderr,
      `stopped at the first invalid case (--strict): ${report.rejected.at(-1)?.caseId}\n`,
    );
    return EXIT.input;
  }
  if (report.rejected.length > 0) {
    await writeText(
      io.stderr,
      `${report.rejected.length} case(s) rejected as invalid; see the report's rejected list\n`,
    );
    return EXIT.input;
  }
  return EXIT.ok;
}
