import { type EvaluateCaseOptions, preparedFor, resolveAsOfMs } from '../engine/evaluate-case.js';
import type { PreparedEvaluation } from '../engine/prepare.js';
import type { Ruleset } from '../engine/ruleset.js';
import type { Config } from '../model/config.js';
import type { InputIssue } from '../model/issues.js';
import type { PeriodOutput } from '../model/rule.js';
import { UsageError } from '../model/usage-error.js';
import { formatInstant } from '../time/instant.js';
import { createKpiTally, type Figure, NOT_FROM_LOG, type NotFromLog } from './kpi.js';
import { type Period, type PeriodMeta, parsePeriod, periodMeta } from './period.js';
import { type PeriodOutcome, periodOutcome } from './period-case.js';
import type { ClosureWithoutResponse, KpiTimescales } from './stage-records.js';

/** Options of {@link periodReport}. */
export interface PeriodReportOptions {
  ruleset: Ruleset;
  /** `{ from, to }` (local dates, inclusive) or `'FROM..TO'`. */
  period: Period | string;
  /** The instant cases are evaluated as of. */
  asOf: EvaluateCaseOptions['asOf'];
  config?: Config | undefined;
  /** The ruleset already prepared for `config` (the command prepares it once). */
  prepared?: PreparedEvaluation | undefined;
  /** A body's population: K.4 and K.5 also per 1,000 of it. */
  population?: number | undefined;
  /** Stop reading at the first invalid case (it is listed under `rejected`; `stopped` says so). */
  strict?: boolean | undefined;
}

/** The complaints performance indicators of a period (`mchp-scotland.md`, section K). */
export interface PeriodReport {
  meta: {
    ruleset: { id: string; version: string };
    asOf: string;
    zone: string;
    period: PeriodMeta;
    population?: number;
  };
  figures: Figure[];
  closuresWithoutResponse: ClosureWithoutResponse[];
  notFromLog: NotFromLog[];
  rejected: { caseId: string; problems: InputIssue[] }[];
  /** With `strict`: reading stopped at the first invalid case, so the figures are partial. */
  stopped?: boolean;
}

/**
 * Throws unless the ruleset's manifest offers this period output (`periodOutputs`).
 *
 * @example
 * requirePeriodOutput(ruleset, 'kpi');
 */
export function requirePeriodOutput(ruleset: Ruleset, output: PeriodOutput): void {
  if (!(ruleset.manifest.periodOutputs ?? []).includes(output))
    throw new UsageError(
      'no_period_output',
      `the ruleset ${ruleset.manifest.id} offers no "${output}" period output (its manifest's periodOutputs: ${JSON.stringify(ruleset.manifest.periodOutputs ?? [])})`,
    );
}

/**
 * K.8's base timescales: the manifest's `kpi.timescale.stage1` / `.stage2`, as configured.
 *
 * @example
 * kpiTimescales(ruleset, config); // { stage1: 5, stage2: 20 }
 */
export function kpiTimescales(ruleset: Ruleset, config: Config): KpiTimescales {
  const value = (name: string) => {
    const v = config.parameters?.[name] ?? ruleset.manifest.parameters[name]?.default;
    if (typeof v !== 'number')
      throw new UsageError('no_period_output', `parameter ${name} must be a number of working days`);
    return v;
  };
  return { stage1: value('kpi.timescale.stage1'), stage2: value('kpi.timescale.stage2') };
}

/**
 * The period report: reads every case (one at a time), keeps one small record per receipt and
 * stage closure in the period, and returns the figures of section K with the cases behind each,
 * the closures without response, the figures a person must supply (`notFromLog`) and the cases
 * rejected as invalid (never dropped). Cases are evaluated as of `asOf`; the period selects what
 * is counted.
 *
 * @example
 * const report = await periodReport(readCases(['log.ndjson']), {
 *   ruleset, period: { from: '2024-04-01', to: '2025-03-31' }, asOf: '2025-04-30T17:00:00+01:00' });
 * report.figures.find((f) => f.id === 'received')?.value;
 */
export async function periodReport(
  cases: AsyncIterable<unknown> | Iterable<unknown>,
  options: PeriodReportOptions,
): Promise<PeriodReport> {
  const prepared = preparedFor(options, 'periodReport');
  requirePeriodOutput(prepared.ruleset, 'kpi');
  const period = typeof options.period === 'string' ? parsePeriod(options.period) : options.period;
  const asOfMs = resolveAsOfMs(options.asOf, prepared.calendar.clock);
  const work = { period, timescales: kpiTimescales(prepared.ruleset, prepared.config) };
  async function* outcomes(): AsyncGenerator<PeriodOutcome> {
    for await (const c of cases) yield periodOutcome(c, prepared, asOfMs, work);
  }
  return tallyPeriod(outcomes(), {
    prepared,
    period,
    asOfMs,
    population: options.population,
    strict: options.strict,
  });
}

/** Options of {@link tallyPeriod}: what {@link periodReport} settled before reading. */
export interface TallyPeriodOptions {
  prepared: PreparedEvaluation;
  period: Period;
  asOfMs: number;
  population?: number | undefined;
  strict?: boolean | undefined;
}

/**
 * The period report from each case's share of it ({@link periodOutcome}), taken in input order
 * wherever they were worked out; with `strict`, it stops at the first rejected case.
 *
 * @example
 * const report = await tallyPeriod(outcomes, { prepared, period, asOfMs });
 */
export async function tallyPeriod(
  outcomes: AsyncIterable<PeriodOutcome> | Iterable<PeriodOutcome>,
  options: TallyPeriodOptions,
): Promise<PeriodReport> {
  const { prepared, period, asOfMs } = options;
  const zone = prepared.zone;
  const tally = createKpiTally();
  const rejected: PeriodReport['rejected'] = [];
  let stopped = false;
  for await (const o of outcomes) {
    if (o.kind === 'records') {
      tally.add(o.records);
      continue;
    }
    rejected.push({ caseId: o.rejected.caseId, problems: o.rejected.problems });
    stopped = options.strict === true;
    if (stopped) break;
  }
  const { figures, closuresWithoutResponse } = tally.figures(options.population);
  const { manifest } = prepared.ruleset;
  return {
    meta: {
      ruleset: { id: manifest.id, version: manifest.version },
      asOf: formatInstant(asOfMs, zone),
      zone,
      period: periodMeta(period, asOfMs, zone),
      ...(options.population ? { population: options.population } : {}),
    },
    figures,
    closuresWithoutResponse,
    notFromLog: NOT_FROM_LOG.map((n) => ({ ...n })),
    rejected,
    ...(stopped ? { stopped } : {}),
  };
}
