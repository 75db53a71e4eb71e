import { resolveAsOfMs } from '../engine/evaluate-case.js';
import type { Config } from '../model/config.js';
import type { Mapping } from '../model/mapping.js';
import { type Period, parsePeriod } from '../period/period.js';
import { type PeriodReport, periodReport } from '../period/period-report.js';
import type { ReadLimits } from '../readers/limits.js';
import { parseMapping } from '../readers/load-mapping.js';
import { withMappingCalendar } from '../readers/mapping-calendar.js';
import type { OcelOptions } from '../readers/ocel.js';
import { readCases } from '../readers/read-cases.js';
import { createReadStats } from '../readers/stats.js';
import type { InputFormat } from '../readers/types.js';
import {
  formatPeriodCsv,
  formatPeriodJson,
  formatPeriodMarkdown,
  formatPeriodText,
} from '../reporters/period.js';
import { loadRuleset, rulesetDirOf } from '../rules/load-ruleset.js';
import { dayFromIsoDate, yearOfDay } from '../time/days.js';
import { parseInstant } from '../time/instant.js';
import { prepareWithConfigFile, writeReportFile } from './check.js';
import { forTerminal } from './display.js';
import { EXIT, UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { writeText } from './io.js';
import { readJsonFile } from './load-json.js';
import { buildReportMeta } from './report-meta.js';

/** The formats `report --period` writes. */
export const PERIOD_FORMATS = ['text', 'json', 'markdown', 'csv'] as const;
export type PeriodFormat = (typeof PERIOD_FORMATS)[number];

/** Options of {@link runPeriodReport}, as the command line gives them. */
export interface PeriodReportCommandOptions {
  inputs: readonly string[];
  period: string;
  reports: readonly { format: PeriodFormat; path: string }[];
  population?: number | undefined;
  inputFormat?: InputFormat | undefined;
  sortedByCase?: boolean | undefined;
  mapping?: string | undefined;
  config?: string | undefined;
  ruleset?: string | undefined;
  asOf?: string | undefined;
  strict?: boolean | undefined;
  allowEmpty?: boolean | undefined;
  limits?: Partial<ReadLimits> | undefined;
  ocel?: OcelOptions | undefined;
  pretty?: boolean | undefined;
}

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
 * (`periodOutputs: ["kpi"]`). Exit 2 for usage, configuration or input errors (rejected cases
 * included: the report is still written), else 0.
 *
 * @example
 * const code = await runPeriodReport({ inputs: ['log.ndjson'], period: '2024-04-01..2025-03-31', reports: [{ format: 'text', path: '-' }], ruleset: 'mchp-scotland-2020' }, io);
 */
export async function runPeriodReport(options: PeriodReportCommandOptions, io: CliIo): Promise<number> {
  const ruleset = await loadRuleset(options.ruleset ? { dir: rulesetDirOf(options.ruleset) } : {});
  if (!(ruleset.manifest.periodOutputs ?? []).includes('kpi'))
    throw new UsageError(
      `report --period: the ruleset ${ruleset.manifest.id} offers no period report (its manifest declares no "kpi" period output); try --ruleset mchp-scotland-2020`,
    );
  const period = _period(options.period);
  const configRead = options.config ? await readJsonFile(options.config, 'config') : undefined;
  const mappingRead = options.mapping ? await readJsonFile(options.mapping, 'mapping') : undefined;
  const mapping: Mapping | undefined = mappingRead
    ? parseMapping(mappingRead.value, options.mapping)
    : undefined;
  const { config, warnings } = withMappingCalendar((configRead?.value ?? {}) as Config, mapping);
  const prepared = prepareWithConfigFile(ruleset, { config }, options.config);
  let asOfMs: number;
  try {
    const parsed = options.asOf === undefined ? undefined : parseInstant(options.asOf, prepared.zone, 'end');
    const instant = parsed && !('error' in parsed) && parsed.dateOnly ? parsed.epochMs : options.asOf;
    asOfMs = resolveAsOfMs(instant ?? io.now(), prepared.zone);
  } catch (e) {
    throw new UsageError(`--as-of: ${(e as Error).message.replace(/^asOf: /, '')}`);
  }
  const stats = createReadStats();
  const cases = readCases(options.inputs, {
    inputFormat: options.inputFormat,
    mapping,
    sortedByCase: options.sortedByCase,
    stdin: io.stdin,
    stats,
    allowEmpty: options.allowEmpty,
    limits: options.limits,
    ocel: options.ocel,
  });
  const report = await periodReport(cases, {
    ruleset,
    prepared,
    period,
    asOf: asOfMs,
    population: options.population,
    strict: options.strict,
  });
  const meta = buildReportMeta({
    prepared,
    asOfMs,
    asOfSource: options.asOf ? 'option' : 'now',
    detail: 'summary',
    generatedAt: io.now(),
    inputs: stats.inputs,
    mapping: options.mapping && mappingRead ? { file: options.mapping, bytes: mappingRead.bytes } : undefined,
    config: options.config && configRead ? { file: options.config, bytes: configRead.bytes } : undefined,
    years: [yearOfDay(dayFromIsoDate(period.from)), yearOfDay(dayFromIsoDate(period.to))],
  });
  // The meta of check (hashes, calendar, versions), with the period and population beside it.
  const { period: periodMeta, population } = report.meta;
  const full: PeriodReport = {
    ...report,
    meta: {
      ...report.meta,
      ...meta,
      period: periodMeta,
      ...(population ? { population } : {}),
    } as PeriodReport['meta'],
  };
  for (const target of options.reports) {
    const text = _render(target.format, full, options.pretty === true);
    if (target.path === '-') await writeText(io.stdout, text);
    else await writeReportFile(target.path, text);
  }
  for (const w of [...warnings, ...stats.warnings])
    await writeText(io.stderr, `warning: ${forTerminal(w)}\n`);
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
