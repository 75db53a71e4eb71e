import { createHash } from 'node:crypto';
import { jsonCopy } from '../engine/json-copy.js';
import type { PreparedEvaluation } from '../engine/prepare.js';
import type { Detail } from '../model/finding.js';
import type { ReportMeta } from '../model/report.js';
import type { InputStats } from '../readers/stats.js';
import { HOLIDAY_CORRECTIONS, holidayCorrectionsFor } from '../time/holiday-corrections.js';
import { resolvePublicHolidays } from '../time/holidays.js';
import { formatInstant } from '../time/instant.js';
import { readVersions } from './versions.js';

/** What the command knows about a run, from which {@link buildReportMeta} writes `meta`. */
export interface RunFacts {
  prepared: PreparedEvaluation;
  asOfMs: number;
  asOfSource: 'option' | 'now';
  /** How much of what the facts measured the findings carry (`--detail`). */
  detail: Detail;
  generatedAt: Date;
  inputs: readonly InputStats[];
  mapping?: { file: string; bytes: Buffer } | undefined;
  config?: { file: string; bytes: Buffer } | undefined;
  /** Calendar years the events span (for the holidays listed). */
  years: readonly [number, number] | undefined;
  only?: readonly string[] | undefined;
  skip?: readonly string[] | undefined;
}

const _sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Describes where the holidays came from, in one line. */
export function describeHolidaySource(source: PreparedEvaluation['holidaySource']): string {
  if ('country' in source) {
    const codes = [source.country, source.state, source.region].filter(Boolean).join('/');
    const corrected = HOLIDAY_CORRECTIONS.some((c) => c.country === source.country.toUpperCase());
    return `date-holidays ${codes} (public)${corrected ? ', with the proclaimed one-off changes it lacks' : ''}`;
  }
  if ('dates' in source) return 'explicit list';
  return 'none';
}

/**
 * Each judged indicator's resolved parameters by ref, keys sorted: `meta.parameters`, so that
 * findings need not repeat them. Indicators without parameters are left out.
 *
 * @example
 * resolvedParameters(prepared)['1.2.1']; // { processExplainedWithin: 5 }
 */
export function resolvedParameters(prepared: PreparedEvaluation): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const rule of prepared.rules) {
    if (rule.source.parameters.length > 0) out[rule.ref] = jsonCopy(rule.params);
  }
  return out;
}

/**
 * The report's `meta`: everything needed to reproduce the run (hashes of inputs, mapping,
 * config and ruleset; the resolved calendar; versions). Only `generatedAt` varies between runs.
 *
 * @example
 * const meta = buildReportMeta({ prepared, asOfMs, asOfSource: 'option', generatedAt: new Date(), inputs: stats.inputs, years: [2024, 2025] });
 */
export function buildReportMeta(facts: RunFacts): ReportMeta {
  const { prepared } = facts;
  const { manifest, sha256 } = prepared.ruleset;
  const versions = readVersions();
  const zone = prepared.zone;
  const asOfYear = Number(formatInstant(facts.asOfMs, zone).slice(0, 4));
  const [from, to] = facts.years ?? [asOfYear, asOfYear];
  const cal = prepared.config.calendar;
  const [fromYear, toYear] = [Math.min(from, asOfYear), Math.max(to, asOfYear)];
  const source = prepared.holidaySource;
  const corrections = 'country' in source ? holidayCorrectionsFor(source.country, fromYear, toYear) : [];
  const holidays = [
    ...resolvePublicHolidays(source, fromYear, toYear),
    ...(cal?.extraHolidays ?? []).map((h) => ({ date: h.date, name: h.name ?? 'Extra holiday' })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const meta: ReportMeta = {
    tool: 'service-standards',
    version: versions.version,
    ruleset: { id: manifest.id, version: manifest.version, source: manifest.source, sha256 },
    asOf: formatInstant(facts.asOfMs, zone),
    asOfSource: facts.asOfSource,
    generatedAt: facts.generatedAt.toISOString(),
    inputs: facts.inputs.map((i) => ({ file: i.file, sha256: i.sha256 ?? _sha256('') })),
    config: {
      ...(facts.config ? { file: facts.config.file } : {}),
      sha256: facts.config ? _sha256(facts.config.bytes) : _sha256(JSON.stringify(prepared.config)),
      zone,
    },
    calendar: {
      zone,
      holidaySource: describeHolidaySource(prepared.holidaySource),
      countReceiptDay: prepared.calendar.countReceiptDay,
      holidays,
      closures: (cal?.closures ?? []).map((c) => ({ ...c })),
      ...(corrections.length > 0
        ? {
            holidayCorrections: corrections.map(({ date, name, change, source }) => ({
              date,
              name,
              change,
              source,
            })),
          }
        : {}),
    },
    parameters: resolvedParameters(prepared),
    detail: facts.detail,
    dependencies: versions.dependencies,
  };
  if (facts.mapping) meta.mapping = { file: facts.mapping.file, sha256: _sha256(facts.mapping.bytes) };
  if (facts.only && facts.only.length > 0) meta.only = [...facts.only];
  if (facts.skip && facts.skip.length > 0) meta.skip = [...facts.skip];
  return meta;
}
