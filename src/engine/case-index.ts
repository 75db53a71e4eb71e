import type { Anchor } from '../model/rule.js';
import type { PausedDays, WorkingCalendar } from '../time/calendar.js';
import { isoDateFromDay } from '../time/days.js';
import { formatInstant, localDayOf } from '../time/instant.js';
import { type PauseEventKind, pauseIntervals } from '../time/paused.js';
import type { ZoneClock } from '../time/zone-clock.js';
import type { CaseEvent, NormalizedCase } from './case-event.js';
import { isClosure, type StageTimeline, stageTimeline } from './stage-timeline.js';

/** An instant a rule measures from or to, and the event that set it (none for `asOf`). */
export interface AnchorPoint {
  readonly ms: number;
  readonly day: number;
  readonly eventId?: string;
}

/**
 * What every rule needs to know about a case, computed once per case (`indicators.md`,
 * "Words used below"): receipt, closure, first decision, outside remit, the end of the case,
 * and the paused days.
 */
export interface CaseIndex {
  readonly case: NormalizedCase;
  readonly events: readonly CaseEvent[];
  /**
   * Each input event's position in `events` (time order), by its index in the input; -1 for
   * events after `asOf`. With the case's `inputIndexById`, it finds events by id
   * ({@link positionOf}).
   */
  readonly positionOfInput: readonly number[];
  /** The events of each type, in time order. */
  readonly byType: ReadonlyMap<string, readonly CaseEvent[]>;
  readonly anchors: Readonly<Partial<Record<Anchor, AnchorPoint>>>;
  readonly paused: PausedDays;
  /** Each pause with the events that began and ended it (`paused` merges their days). */
  readonly pauses: readonly Pause[];
  /** The stages of a two-stage procedure (`mchp-scotland.md`), as positions in `events`. */
  readonly stages: StageTimeline;
  /** The always-present `case` fact: plain JSON the conditions can read. */
  readonly state: CaseState;
  /**
   * Each event as facts cite it, by its index in the input: made when first cited, then shared
   * (frozen) by every fact of the case that cites it ({@link citeEvent}).
   */
  readonly citations: (EventCitation | undefined)[];
}

/** An event as cited in a fact: its id, instant (in the zone) and local date. */
export interface EventCitation {
  readonly id: string;
  readonly at: string;
  readonly date: string;
}

/** One pause: its `case.paused` and `case.resumed` event ids (no resume while it lasts), and its days. */
export interface Pause {
  readonly ids: readonly string[];
  readonly days: PausedDays;
}

/** The `case` fact. */
export interface CaseState {
  received: boolean;
  /** No receipt at or before `asOf`, and one after it: the complaint came after the assessment's date. */
  receivedAfterAsOf: boolean;
  closed: boolean;
  /** The local date of the closure (`YYYY-MM-DD`), when the case is closed. */
  closedDate?: string;
  decided: boolean;
  /** Closed, or a decision issued. */
  concluded: boolean;
  open: boolean;
  outsideRemit: boolean;
  events: number;
  pausedWorkingDays: number;
  /** The latest stage entered by `asOf` (`stage_1`, `stage_2`); null without a receipt. */
  stage: 'stage_1' | 'stage_2' | null;
  /** How stage 2 was reached (`direct`, `escalated`); null with no stage 2. */
  track: 'direct' | 'escalated' | null;
}

const _point = (e: CaseEvent): AnchorPoint => ({ ms: e.atMs, day: e.day, eventId: e.id });

const _pauseKind = (e: CaseEvent): PauseEventKind =>
  isClosure(e)
    ? 'closed'
    : e.type === 'case.paused'
      ? 'paused'
      : e.type === 'case.resumed'
        ? 'resumed'
        : undefined;

const _isOutsideRemit = (e: CaseEvent) =>
  e.type === 'case.outside_remit' ||
  ((e.type === 'decision.issued' || e.type === 'case.closed') && e.data.outcome === 'outside_remit');

/**
 * Indexes a normalized case once, so that no fact scans for its anchors again.
 *
 * @example
 * const index = indexCase(normalized, calendar, asOfMs);
 * index.anchors.receipt?.day;
 */
export function indexCase(c: NormalizedCase, calendar: WorkingCalendar, asOfMs: number): CaseIndex {
  const events = c.events;
  const byType = new Map<string, CaseEvent[]>();
  // One table from input order to time order (validation already mapped ids to input order). A
  // plain array: for a few dozen entries a typed array's separate backing store costs more to make.
  const positionOfInput = _unplaced(c.eventsRead);
  let receipt: CaseEvent | undefined;
  let closure: CaseEvent | undefined;
  let decision: CaseEvent | undefined;
  let outside: CaseEvent | undefined;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as CaseEvent;
    positionOfInput[e.seq] = i;
    const sameType = byType.get(e.type);
    if (sameType) sameType.push(e);
    else byType.set(e.type, [e]);
    if (!receipt && e.type === 'complaint.received') receipt = e;
    if (!decision && e.type === 'decision.issued') decision = e;
    if (!outside && _isOutsideRemit(e)) outside = e;
    if (!closure && isClosure(e)) closure = e;
  }
  // A procedure without a clock stop (`pausesStopClocks: false`) counts paused days like any other.
  const intervals = calendar.pausesStopClocks ? pauseIntervals(events, _pauseKind, asOfMs) : [];
  const paused = calendar.pausedDaysFrom(intervals);
  const asOf: AnchorPoint = { ms: asOfMs, day: localDayOf(asOfMs, calendar.clock) };
  const anchors: Partial<Record<Anchor, AnchorPoint>> = { asOf };
  if (receipt) anchors.receipt = _point(receipt);
  if (closure) anchors.closure = _point(closure);
  if (decision) anchors.firstDecision = _point(decision);
  if (outside) anchors.outsideRemit = _point(outside);
  const decisionOrClosure = decision ?? closure;
  if (decisionOrClosure) anchors.decisionOrClosure = _point(decisionOrClosure);
  anchors.end = closure ? _point(closure) : decision ? _point(decision) : asOf;
  const receiptDay = receipt?.day;
  const stages = stageTimeline(events);
  _stageAnchors(anchors, events, stages);
  const state: CaseState = {
    received: receipt !== undefined,
    receivedAfterAsOf: receipt === undefined && c.receivedAfterAsOf,
    closed: closure !== undefined,
    ...(closure ? { closedDate: isoDateFromDay(closure.day) } : {}),
    decided: decision !== undefined,
    concluded: closure !== undefined || decision !== undefined,
    open: closure === undefined && decision === undefined,
    outsideRemit: outside !== undefined,
    events: events.length,
    pausedWorkingDays:
      receiptDay === undefined ? 0 : calendar.countPausedWorkingDays(receiptDay, anchors.end.day, paused),
    stage: stages.stage2 ? 'stage_2' : stages.stage1 ? 'stage_1' : null,
    track: stages.track ?? null,
  };
  const pauses = intervals.map((p) => ({ ids: p.ids, days: calendar.pausedDaysFrom([p]) }));
  const citations: (EventCitation | undefined)[] = [];
  return { case: c, events, positionOfInput, byType, anchors, paused, pauses, stages, state, citations };
}

/** The stage anchors (`stage1Start` ... `stage2Response`) of the case's stage timeline. */
function _stageAnchors(
  anchors: Partial<Record<Anchor, AnchorPoint>>,
  events: readonly CaseEvent[],
  stages: StageTimeline,
): void {
  const set = (anchor: Anchor, position: number | undefined) => {
    if (position !== undefined) anchors[anchor] = _point(events[position] as CaseEvent);
  };
  set('stage1Start', stages.stage1?.start);
  set('stage1Response', stages.stage1?.response);
  set('stage2Start', stages.stage2?.start);
  set('stage2Response', stages.stage2?.response);
}

/**
 * An event as facts cite it. A case's facts cite the same few events again and again: the
 * citation is made once per case, which halved what the occurrences facts allocate.
 *
 * @example
 * citeEvent(index, index.events[0], calendar.clock); // { id: 'e1', at: '2024-05-01T09:00:00.000+01:00', date: '2024-05-01' }
 */
export function citeEvent(index: CaseIndex, e: CaseEvent, clock: ZoneClock): EventCitation {
  const made = index.citations[e.seq];
  // Stryker disable next-line ConditionalExpression: a citation made again is the same; keeping it only saves making it
  if (made !== undefined) return made;
  const citation = Object.freeze({ id: e.id, at: formatInstant(e.atMs, clock), date: isoDateFromDay(e.day) });
  index.citations[e.seq] = citation;
  return citation;
}

/**
 * The position in `events` (time order) of the event with this id; undefined for an id of no
 * event, or of one after `asOf`.
 *
 * @example
 * index.events[positionOf(index, 'e3') ?? -1]?.type; // 'decision.issued'
 */
export function positionOf(index: CaseIndex, id: string): number | undefined {
  const input = index.case.inputIndexById.get(id);
  if (input === undefined) return undefined;
  const p = index.positionOfInput[input];
  return p === undefined || p < 0 ? undefined : p;
}

/**
 * The event with this id (none for an id of no event, or of one after `asOf`).
 *
 * @example
 * eventById(index, 'e3')?.type; // 'decision.issued'
 */
export function eventById(index: CaseIndex, id: string): CaseEvent | undefined {
  const p = positionOf(index, id);
  return p === undefined ? undefined : index.events[p];
}

/**
 * `n` entries of -1. Beyond V8's limit for preallocated fast arrays (about 16,000 items)
 * `new Array(n)` would make a slow dictionary-mode array, so a long table grows as it is filled.
 */
function _unplaced(n: number): number[] {
  const out = n <= 16_000 ? new Array<number>(n) : [];
  for (let i = 0; i < n; i++) out[i] = -1;
  return out;
}
