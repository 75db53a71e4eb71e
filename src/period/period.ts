/**
 * Reporting periods, shared by the period outputs (`report --period`, `self-assessment`):
 * `parsePeriod('FROM..TO')`, `PeriodSchema`, `inPeriod` (local-date inclusive in the zone),
 * `periodComplete` / `periodMeta` (complete once `asOf` reaches the end of `to`), and
 * `selectByAnchor` (findings placed by their rule's `periodAnchor`). Pure: the zone and `asOf`
 * are parameters.
 */
import { z } from 'zod';
import type { Period } from '../model/contract.js';
import { dayFromIsoDate } from '../time/days.js';
import { localDayOf, startOfDayMs } from '../time/instant.js';

export type { Period } from '../model/contract.js';

const _isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
  .refine((s) => {
    try {
      dayFromIsoDate(s);
      return true;
    } catch {
      return false;
    }
  }, 'is not a date that exists');

/**
 * A reporting period (`mchp-scotland.md`, section K): local dates in the configured zone, both
 * inclusive (`to` ends at the end of that local day).
 *
 * @example
 * PeriodSchema.parse({ from: '2024-04-01', to: '2025-03-31' });
 */
export const PeriodSchema = z
  .strictObject({ from: _isoDate, to: _isoDate })
  .refine((p) => p.from <= p.to, { message: '`from` must be on or before `to`' });

/** A period as the reports print it: its dates, and whether `asOf` is past its end. */
export interface PeriodMeta {
  readonly from: string;
  readonly to: string;
  /** False when `asOf` is before the end of `to`: figures may still change. */
  readonly complete: boolean;
}

/**
 * Reads `FROM..TO` (two local dates, inclusive). Throws a `RangeError` saying what is wrong.
 *
 * @example
 * parsePeriod('2024-04-01..2025-03-31'); // { from: '2024-04-01', to: '2025-03-31' }
 */
export function parsePeriod(text: string): Period {
  const parts = text.split('..');
  if (parts.length !== 2)
    throw new RangeError(`period "${text}" must be FROM..TO, two dates such as 2024-04-01..2025-03-31`);
  const parsed = PeriodSchema.safeParse({ from: parts[0]?.trim(), to: parts[1]?.trim() });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.');
    throw new RangeError(`period "${text}": ${field ? `${field} ` : ''}${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

/**
 * Whether an instant (epoch ms, or an ISO instant such as a finding's `periodAnchor`) falls in
 * the period: its local date in `zone` is on or after `from` and on or before `to`.
 *
 * @example
 * inPeriod(period, '2025-03-31T23:30:00.000+01:00', 'Europe/London'); // true
 */
export function inPeriod(period: Period, instant: number | string, zone: string): boolean {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`"${String(instant)}" is not an instant`);
  const day = localDayOf(ms, zone);
  return day >= dayFromIsoDate(period.from) && day <= dayFromIsoDate(period.to);
}

/**
 * Whether the period is over at `asOf`: `asOf` is at or after the end of `to`'s local day, so
 * no later event inside the period can change what it counts.
 *
 * @example
 * periodComplete({ from: '2024-04-01', to: '2025-03-31' }, Date.parse('2025-04-01T00:00:00+01:00'), 'Europe/London'); // true
 */
export function periodComplete(period: Period, asOfMs: number, zone: string): boolean {
  return asOfMs >= startOfDayMs(dayFromIsoDate(period.to) + 1, zone) - 1;
}

/**
 * The period's dates and completeness at `asOf`, as `meta.period` prints them.
 *
 * @example
 * periodMeta(period, asOfMs, 'Europe/London'); // { from: '2024-04-01', to: '2025-03-31', complete: true }
 */
export function periodMeta(period: Period, asOfMs: number, zone: string): PeriodMeta {
  return { from: period.from, to: period.to, complete: periodComplete(period, asOfMs, zone) };
}

/**
 * The findings placed in the period by their `periodAnchor` (a finding without one is in no
 * period), in their order. Rules declare the anchor (`periodAnchor` in the rule file).
 *
 * @example
 * selectByAnchor(result.findings, period, 'Europe/London');
 */
export function selectByAnchor<T extends { readonly periodAnchor?: string | undefined }>(
  findings: Iterable<T>,
  period: Period,
  zone: string,
): T[] {
  const out: T[] = [];
  for (const f of findings)
    if (f.periodAnchor !== undefined && inPeriod(period, f.periodAnchor, zone)) out.push(f);
  return out;
}
