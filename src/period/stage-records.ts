import type { CaseEvent } from '../engine/case-event.js';
import type { CaseIndex } from '../engine/case-index.js';
import type { StageSpan } from '../engine/stage-timeline.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { dayFromIsoDate, isoDateFromDay } from '../time/days.js';
import type { Period } from './period.js';

/** How a stage closure is labelled (`mchp-scotland.md`, section K). */
export const CLOSURE_LABELS = ['stage1', 'stage2direct', 'stage2escalated'] as const;
export type ClosureLabel = (typeof CLOSURE_LABELS)[number];

/** One stage response in the period: what K.5 to K.9 count. */
export interface StageClosure {
  readonly caseId: string;
  readonly label: ClosureLabel;
  readonly stageStart: string;
  readonly stageEnd: string;
  /** Elapsed working days from the stage start to the response. */
  readonly workingDays: number;
  /** The stage outcome: the latest `decision.issued` outcome while the stage was current; null for none. */
  readonly outcome: string | null;
  readonly withinTimescale: boolean;
  /** The stage had at least one stage extension. */
  readonly extended: boolean;
  readonly evidence: readonly string[];
}

/** A stage ended by closure without a response, in the period (K.5, listed apart). */
export interface ClosureWithoutResponse {
  readonly caseId: string;
  readonly label: ClosureLabel;
  readonly at: string;
  readonly outcome: string | null;
  readonly evidence: readonly string[];
}

/** A receipt in the period (K.4), or a stage 2 start after a stage 1 response (given beside it). */
export interface StageEntry {
  readonly caseId: string;
  readonly label: 'stage1' | 'stage2';
  readonly date: string;
  readonly evidence: readonly string[];
}

/** What one case contributes to a period report: a few small records, never its events. */
export interface CaseRecords {
  readonly received?: StageEntry;
  readonly escalated?: StageEntry;
  readonly closures: readonly StageClosure[];
  readonly withoutResponse: readonly ClosureWithoutResponse[];
}

/** The base timescales of K.8, in working days. */
export interface KpiTimescales {
  readonly stage1: number;
  readonly stage2: number;
}

const _inDays = (day: number, from: number, to: number) => day >= from && day <= to;

/**
 * The records a case contributes to the period (section K): its receipt and escalation if in
 * the period, and each stage response (a closure) or closure without response whose local date
 * is in it. Read from the stage timeline; pure.
 *
 * @example
 * const records = caseRecords(index, calendar, { from: '2024-04-01', to: '2025-03-31' }, { stage1: 5, stage2: 20 });
 */
export function caseRecords(
  index: CaseIndex,
  calendar: WorkingCalendar,
  period: Period,
  timescales: KpiTimescales,
): CaseRecords {
  const from = dayFromIsoDate(period.from);
  const to = dayFromIsoDate(period.to);
  const { stages, events } = index;
  const caseId = index.case.caseId;
  const closures: StageClosure[] = [];
  const withoutResponse: ClosureWithoutResponse[] = [];
  const out: { -readonly [K in keyof CaseRecords]: CaseRecords[K] } = { closures, withoutResponse };
  const receipt = index.anchors.receipt;
  if (receipt && _inDays(receipt.day, from, to)) {
    const label = stages.stage1 ? 'stage1' : 'stage2';
    out.received = { caseId, label, date: isoDateFromDay(receipt.day), evidence: [receipt.eventId ?? ''] };
  }
  const stage2 = stages.stage2;
  if (stage2 && stages.track === 'escalated') {
    const start = events[stage2.start] as CaseEvent;
    if (_inDays(start.day, from, to))
      out.escalated = { caseId, label: 'stage2', date: isoDateFromDay(start.day), evidence: [start.id] };
  }
  const spans: [StageSpan | undefined, ClosureLabel, number][] = [
    [stages.stage1, 'stage1', timescales.stage1],
    [stage2, stages.track === 'escalated' ? 'stage2escalated' : 'stage2direct', timescales.stage2],
  ];
  for (const [span, label, timescale] of spans) {
    if (!span || span.end === undefined) continue;
    const end = events[span.end] as CaseEvent;
    if (!_inDays(end.day, from, to)) continue;
    const outcomeEvent = span.outcome === undefined ? undefined : events[span.outcome];
    const outcome = typeof outcomeEvent?.data.outcome === 'string' ? outcomeEvent.data.outcome : null;
    if (span.endKind === 'closure') {
      const closedWith = typeof end.data.outcome === 'string' ? end.data.outcome : outcome;
      withoutResponse.push({
        caseId,
        label,
        at: isoDateFromDay(end.day),
        outcome: closedWith,
        evidence: [end.id],
      });
      continue;
    }
    if (span.endKind !== 'response') continue; // a transfer to stage 2 is not a stage 1 closure
    const start = events[span.start] as CaseEvent;
    const workingDays = calendar.elapsedWorkingDays(start.day, end.day, index.paused);
    // The events relied on, in time order: the start, extensions, the outcome, the response.
    const evidence: string[] = [];
    let extended = false;
    for (let i = span.start; i < events.length && i <= Math.max(span.end, span.outcome ?? 0); i++) {
      const e = events[i] as CaseEvent;
      const extension = i > span.start && i < span.end && e.type === 'case.extension_notified';
      if (extension) extended = true;
      if (i === span.start || i === span.end || i === span.outcome || extension) evidence.push(e.id);
    }
    closures.push({
      caseId,
      label,
      stageStart: isoDateFromDay(start.day),
      stageEnd: isoDateFromDay(end.day),
      workingDays,
      outcome,
      withinTimescale: workingDays <= timescale,
      extended,
      evidence,
    });
  }
  return out;
}
