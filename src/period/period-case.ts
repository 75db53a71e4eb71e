/**
 * What one case gives a period report, worked out alone so that any thread can do it: the same
 * function serves `periodReport` on one thread and `report --period --workers N` on many.
 */
import { indexCase } from '../engine/case-index.js';
import { isReaderRejection, type RejectedCase } from '../engine/evaluate-cases.js';
import { normalizeCase } from '../engine/normalize.js';
import type { PreparedEvaluation } from '../engine/prepare.js';
import type { Period } from './period.js';
import { type CaseRecords, caseRecords, type KpiTimescales } from './stage-records.js';

/** What every case of one period report shares: the period and K.8's base timescales. */
export interface PeriodWork {
  readonly period: Period;
  readonly timescales: KpiTimescales;
}

/** One case's share of a period report: its records, or its problems (never dropped). */
export type PeriodOutcome =
  | { kind: 'records'; records: CaseRecords }
  | { kind: 'rejected'; rejected: RejectedCase };

/**
 * A case (or an item a reader already rejected) read as of `asOfMs`: the records it contributes
 * to the period, or why it was rejected.
 *
 * @example
 * const outcome = periodOutcome(item, prepared, asOfMs, { period, timescales: { stage1: 5, stage2: 20 } });
 */
export function periodOutcome(
  item: unknown,
  prepared: PreparedEvaluation,
  asOfMs: number,
  work: PeriodWork,
): PeriodOutcome {
  if (isReaderRejection(item)) return { kind: 'rejected', rejected: item.rejected };
  const normalized = normalizeCase(item, { zone: prepared.calendar.clock, asOfMs });
  if (!normalized.success) {
    const events = (item as { events?: unknown } | null)?.events;
    return {
      kind: 'rejected',
      rejected: {
        caseId: normalized.caseId,
        events: Array.isArray(events) ? events.length : 0,
        problems: normalized.issues,
      },
    };
  }
  const index = indexCase(normalized.case, prepared.calendar, asOfMs);
  return { kind: 'records', records: caseRecords(index, prepared.calendar, work.period, work.timescales) };
}
