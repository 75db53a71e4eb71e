/**
 * Counts, case by case, what the self-assessment needs from the findings: per indicator, the
 * findings placed in the period by their `periodAnchor`, by status, with the cases behind the
 * failures, the pending and those needing review; and the stage responses dated in the period
 * with their timeliness verdicts. One small record per indicator and per counted case id: the
 * findings themselves are not kept.
 */
import { zeroCounts } from '../engine/summarize.js';
import type { CaseResult, Finding, Status, StatusCounts } from '../model/finding.js';
import { inPeriod, type Period } from '../period/period.js';
import type { ProvisionList } from './provisions.js';

/** What the findings of one indicator in the period came to. */
export interface IndicatorTally {
  readonly ref: string;
  readonly byStatus: StatusCounts;
  readonly failedCases: readonly string[];
  readonly pendingCases: readonly string[];
  readonly reviewCases: readonly string[];
}

/** Stage responses in the period, and how many were within the Code's timescale. */
export interface StageTimescaleTally {
  readonly responses: number;
  readonly withinCode: number;
}

/** Everything {@link createSelfAssessmentTally} counted. */
export interface SelfAssessmentCounts {
  readonly indicators: ReadonlyMap<string, IndicatorTally>;
  readonly timescales: { readonly stage1: StageTimescaleTally; readonly stage2: StageTimescaleTally };
}

/** Takes judged cases one at a time; `counts()` gives the totals so far. */
export interface SelfAssessmentTally {
  add(result: CaseResult): void;
  counts(): SelfAssessmentCounts;
}

interface _Mutable {
  byStatus: StatusCounts;
  failed: Set<string>;
  pending: Set<string>;
  review: Set<string>;
}

const _sorted = (ids: Set<string>) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Which case list a status puts its case on, if any. */
function _listOf(status: Status): 'failed' | 'pending' | 'review' | undefined {
  switch (status) {
    case 'fail':
      return 'failed';
    case 'pending':
      return 'pending';
    case 'insufficient_evidence':
    case 'error':
      return 'review';
    default:
      return undefined;
  }
}

/** The clock values a timeliness finding carries in `measured` (`provisions.ts` checks they are read). */
function _answeredOn(finding: Finding, clock: string): string | undefined {
  const fact = finding.measured?.[clock];
  if (fact === null || typeof fact !== 'object') return undefined;
  // A stage clock ended by the stage response is `met` (in time) or `late` (`stageClock`).
  const { state, endDate } = fact as { state?: unknown; endDate?: unknown };
  return (state === 'met' || state === 'late') && typeof endDate === 'string' ? endDate : undefined;
}

/**
 * A tally over one period in one zone, for the indicators and timescales of a provision list.
 *
 * @example
 * const tally = createSelfAssessmentTally(list, { from: '2024-04-01', to: '2025-03-31' }, 'Europe/London');
 * for (const result of results) tally.add(result);
 * tally.counts().indicators.get('S1.1')?.byStatus.pass;
 */
export function createSelfAssessmentTally(
  list: ProvisionList,
  period: Period,
  zone: string,
): SelfAssessmentTally {
  const refs = new Set(list.provisions.flatMap((p) => p.indicators));
  const tallies = new Map<string, _Mutable>(
    [...refs].map((ref) => [
      ref,
      { byStatus: zeroCounts(), failed: new Set(), pending: new Set(), review: new Set() },
    ]),
  );
  const stages = [
    { key: 'stage1' as const, ...list.timescales.stage1, responses: 0, withinCode: 0 },
    { key: 'stage2' as const, ...list.timescales.stage2, responses: 0, withinCode: 0 },
  ];
  // A clock's end date is already a local date in the zone.
  const responseDay = (date: string) => date >= period.from && date <= period.to;
  return {
    add(result) {
      for (const f of result.findings) {
        const t = tallies.get(f.ref);
        if (t && f.periodAnchor !== undefined && inPeriod(period, f.periodAnchor, zone)) {
          t.byStatus[f.status]++;
          const list = _listOf(f.status);
          if (list) t[list].add(result.caseId);
        }
        for (const s of stages) {
          if (f.ref !== s.indicator) continue;
          const answered = _answeredOn(f, s.clock);
          if (answered === undefined || !responseDay(answered)) continue;
          s.responses++;
          if (f.status === 'pass') s.withinCode++;
        }
      }
    },
    counts() {
      const indicators = new Map<string, IndicatorTally>();
      for (const [ref, t] of tallies)
        indicators.set(ref, {
          ref,
          byStatus: { ...t.byStatus },
          failedCases: _sorted(t.failed),
          pendingCases: _sorted(t.pending),
          reviewCases: _sorted(t.review),
        });
      const [s1, s2] = stages as [(typeof stages)[0], (typeof stages)[0]];
      return {
        indicators,
        timescales: {
          stage1: { responses: s1.responses, withinCode: s1.withinCode },
          stage2: { responses: s2.responses, withinCode: s2.withinCode },
        },
      };
    },
  };
}
