import type { CaseEvent } from './case-event.js';

/** How a stage ended: its response, a transfer to stage 2 (stage 1 only), a closure without a response, or not yet. */
export type StageEndKind = 'response' | 'transfer' | 'closure' | 'open';

/** One stage of a two-stage procedure (`mchp-scotland.md`, "Stages: words used below"). */
export interface StageSpan {
  /** Position in `index.events` of the event that started the stage. */
  readonly start: number;
  /** Position of the stage response, if any. */
  readonly response?: number;
  /** Position of the event that ended the stage (the response, the stage 2 start, a closure); none while open. */
  readonly end?: number;
  readonly endKind: StageEndKind;
  /** Position of the latest `decision.issued` with an outcome recorded while the stage was current. */
  readonly outcome?: number;
}

/** The stages of one case, as positions in `index.events` (time order). */
export interface StageTimeline {
  readonly stage1?: StageSpan;
  readonly stage2?: StageSpan;
  /** `direct`: received at stage 2, or moved there before any stage 1 response; `escalated`: after one. */
  readonly track?: 'direct' | 'escalated';
}

/** A `communication.sent` to the complainant or their representative. */
export const isComplainantFacing = (e: CaseEvent): boolean =>
  e.type === 'communication.sent' && (e.data.to === 'complainant' || e.data.to === 'representative');

/** A complainant-facing communication covering `decision`: what stops a stage clock. */
export const isStageResponse = (e: CaseEvent): boolean =>
  isComplainantFacing(e) && Array.isArray(e.data.covers) && (e.data.covers as unknown[]).includes('decision');

const _toStage2 = (e: CaseEvent) => e.type === 'case.stage_changed' && e.data.stage === 'stage_2';
/** A closure: `case.closed`, or a stage change to `closed` (`events.md`). */
export const isClosure = (e: CaseEvent): boolean =>
  e.type === 'case.closed' || (e.type === 'case.stage_changed' && e.data.stage === 'closed');

function _first(
  events: readonly CaseEvent[],
  from: number,
  test: (e: CaseEvent) => boolean,
): number | undefined {
  for (let i = from; i < events.length; i++) if (test(events[i] as CaseEvent)) return i;
  return undefined;
}

/**
 * The request each `escalation.refused` answers, as positions in `events`: the one its
 * `requestId` names, else the latest request before it not yet refused. A refusal answering no
 * logged request is left out.
 *
 * @example
 * refusedRequests(index.events).get(7); // 5: the refusal at 7 answers the request at 5
 */
export function refusedRequests(events: readonly CaseEvent[]): Map<number, number> {
  const open: number[] = [];
  const answered = new Map<number, number>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as CaseEvent;
    if (e.type === 'escalation.requested') open.push(i);
    else if (e.type === 'escalation.refused') {
      const id = e.data.requestId;
      const k =
        typeof id === 'string' ? open.findIndex((p) => (events[p] as CaseEvent).id === id) : open.length - 1;
      if (k >= 0) answered.set(i, open.splice(k, 1)[0] as number);
    }
  }
  return answered;
}

/** Positions of the escalation requests no `escalation.refused` answers by `asOf`. */
function _unrefused(events: readonly CaseEvent[]): Set<number> {
  const refused = new Set(refusedRequests(events).values());
  const out = new Set<number>();
  for (let i = 0; i < events.length; i++)
    if ((events[i] as CaseEvent).type === 'escalation.requested' && !refused.has(i)) out.add(i);
  return out;
}

/**
 * Rule (c): a request before any stage 1 response, followed by a stage change to stage 2 with
 * neither a refusal nor a stage 1 response between (the body agreed to skip stage 1).
 */
function _skipRequest(
  events: readonly CaseEvent[],
  from: number,
  response: number | undefined,
): number | undefined {
  const until = response ?? events.length;
  for (let i = from; i < until; i++) {
    if ((events[i] as CaseEvent).type !== 'escalation.requested') continue;
    for (let j = i + 1; j < until; j++) {
      const e = events[j] as CaseEvent;
      if (e.type === 'escalation.refused') break;
      if (_toStage2(e)) return i;
    }
  }
  return undefined;
}

function _min(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

function _latestOutcome(events: readonly CaseEvent[], from: number, until: number): number | undefined {
  let found: number | undefined;
  for (let i = from; i < until; i++) {
    const e = events[i] as CaseEvent;
    // Validation requires every decision's outcome.
    if (e.type === 'decision.issued') found = i;
  }
  return found;
}

function _span(
  events: readonly CaseEvent[],
  start: number,
  response: number | undefined,
  next: number | undefined,
): StageSpan {
  const closure = _first(events, start + 1, isClosure);
  const outcome = _latestOutcome(events, start, next ?? events.length);
  if (response !== undefined) return { start, response, end: response, endKind: 'response', outcome };
  const end = _min(next, closure);
  if (end === undefined) return { start, endKind: 'open', outcome };
  return { start, end, endKind: end === next ? 'transfer' : 'closure', outcome };
}

/**
 * The stage timeline of a case (`mchp-scotland.md`): stage 1 start (the receipt, unless received
 * at stage 2), its response, the stage 2 start (a stage change to stage 2; an unrefused
 * escalation request after the stage 1 response; or an agreed request to skip stage 1), the
 * track, the stage 2 response, and how each stage ended. Positions, not copies: pure, and a
 * few passes over the events, made once per case by `indexCase` (`index.stages`).
 *
 * @example
 * stageTimeline(index.events).stage2?.endKind; // 'response'
 */
export function stageTimeline(events: readonly CaseEvent[]): StageTimeline {
  const receipt = _first(events, 0, (e) => e.type === 'complaint.received');
  if (receipt === undefined) return {};
  if ((events[receipt] as CaseEvent).data.stage === 'stage_2') {
    return { stage2: _stage2(events, receipt), track: 'direct' };
  }
  const candidate = _first(events, receipt + 1, isStageResponse);
  const changed = _first(events, receipt + 1, _toStage2);
  const skipped = _skipRequest(events, receipt + 1, candidate);
  const early = _min(changed, skipped);
  // Stryker disable next-line EqualityOperator: early (a stage change or request) and candidate (a communication) are never one event
  if (early !== undefined && (candidate === undefined || early < candidate)) {
    return {
      stage1: _span(events, receipt, undefined, early),
      stage2: _stage2(events, early),
      track: 'direct',
    };
  }
  // (b) needs a stage 1 response; requests are in time order, so the first after it is the earliest.
  const after = candidate ?? events.length;
  // Stryker disable next-line EqualityOperator: a request is never the response, nor at events.length
  const requested = [..._unrefused(events)].find((p) => p > after);
  const start2 = _min(changed, requested);
  const stage1 = _span(events, receipt, candidate, start2);
  if (start2 === undefined) return { stage1 };
  return { stage1, stage2: _stage2(events, start2), track: 'escalated' };
}

function _stage2(events: readonly CaseEvent[], start: number): StageSpan {
  return _span(events, start, _first(events, start + 1, isStageResponse), undefined);
}
