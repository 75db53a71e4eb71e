import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
import { formatDay } from '../../time/format.js';
import { parseInstant } from '../../time/instant.js';
import type { CaseEvent } from '../case-event.js';
import { eventById, positionOf } from '../case-index.js';
import {
  endOfDayIso,
  endOfDayMs,
  type FactContext,
  type FactFn,
  orderedIds,
  resolveWorkingDays,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter, compilePath, type EventPredicate } from '../filter.js';
import { formatList } from '../render.js';
import type { StageSpan, StageTimeline } from '../stage-timeline.js';
import { measureRuns, type RunPoint } from './longest-gap.js';

type Spec = Extract<FactSpec, { template: 'stageClock' }>;

/** One extension notified during the stage, and what it did to the deadline. */
interface ExtensionItem {
  id: string;
  date: string;
  revisedDate?: string;
  /** Made on or before the deadline it would replace. */
  inTime: boolean;
  reasonGiven: boolean;
  beyondCap: boolean;
  /** With `extensionMax`: its date lies beyond the original deadline plus the maximum. */
  beyondMax?: boolean;
  /** With `extensionTells`: the topics neither it nor a same-day event covered. */
  missingTopics?: string[];
  /** Who agreed it (`authorisedBy` role, else id), reported and not judged. */
  authorisedBy?: string;
}

/** The options of a clock, compiled once per rule. */
interface Compiled {
  stage: Spec['stage'];
  within: number;
  capDays?: number;
  isExtension?: EventPredicate;
  isAnswer?: EventPredicate;
  responseAnswers: boolean;
  isClosing?: EventPredicate;
  revised: (e: CaseEvent) => unknown;
  ack?: { by: EventPredicate; within: number };
  extensionMax?: number;
  tells?: { topics: readonly string[]; sameDay: EventPredicate };
  updates?: { marks: EventPredicate; interval: number };
}

/**
 * The clock of one stage of a two-stage procedure (`docs/engine.md`, stageClock): from the stage
 * start (or its acknowledgement, with `startAtAcknowledgement`), `within` working days, replaced
 * by the stage's extensions made in time (never beyond the `cap`), ended by the stage response,
 * a transfer to stage 2 or a closure (or a `closedBy` event); or, with `answeredBy`, by the first
 * such event in the stage (or the stage response).
 */
export function compileStageClock(spec: Spec, scope: TemplateScope): FactFn {
  const ack = spec.startAtAcknowledgement;
  const c: Compiled = {
    stage: spec.stage,
    within: resolveWorkingDays(spec.within, scope.params),
    responseAnswers: spec.responseAnswers !== false,
    revised: compilePath(spec.revisedTargetField ?? 'data.revisedTargetAt'),
  };
  if (spec.cap !== undefined) c.capDays = resolveWorkingDays(spec.cap, scope.params);
  if (spec.extension) c.isExtension = compileFilter(spec.extension, scope);
  if (spec.answeredBy) c.isAnswer = compileFilter(spec.answeredBy, scope);
  if (spec.closedBy) c.isClosing = compileFilter(spec.closedBy, scope);
  if (ack) c.ack = { by: compileFilter(ack.by, scope), within: resolveWorkingDays(ack.within, scope.params) };
  if (spec.extensionMax !== undefined) c.extensionMax = resolveWorkingDays(spec.extensionMax, scope.params);
  if (spec.extensionTells)
    c.tells = {
      topics: spec.extensionTells.topics,
      sameDay: compileFilter(spec.extensionTells.sameDay, scope),
    };
  if (spec.updates)
    c.updates = {
      marks: compileFilter(spec.updates.marks, scope),
      interval: resolveWorkingDays(spec.updates.interval, scope.params),
    };
  return (ctx) => _measure(c, ctx);
}

function _measure(c: Compiled, ctx: FactContext) {
  const { index, calendar } = ctx;
  const zoneClock = calendar.clock;
  const timeline = index.stages;
  const span: StageSpan | undefined = c.stage === 'stage_1' ? timeline.stage1 : timeline.stage2;
  if (!span) return { eventIds: [], exists: false };
  const events = index.events;
  const start = events[span.start] as CaseEvent;
  const cited = [start.id];
  const bound = _stageBound(c, timeline, events.length);
  const clock = c.ack ? _clockStart(c.ack, ctx, span, bound) : undefined;
  if (clock?.ackId) cited.push(clock.ackId);
  const clockDay = clock?.day ?? start.day;
  const cap = c.capDays === undefined ? undefined : calendar.deadline(start.day, c.capDays, index.paused);
  const original = calendar.deadline(clockDay, c.within, index.paused);
  const maxDay =
    c.extensionMax === undefined ? undefined : calendar.deadline(original, c.extensionMax, index.paused);
  const stageEnd = _stageEnd(c, span, events);
  let deadline = original;
  let deadlineSource = 'target';
  const extensions: ExtensionItem[] = [];
  const faults: string[] = [];
  for (let i = span.start + 1; c.isExtension && i < (stageEnd.at ?? events.length); i++) {
    const e = events[i] as CaseEvent;
    if (!c.isExtension(e)) continue;
    cited.push(e.id);
    const v = c.revised(e);
    const parsed = typeof v === 'string' ? parseInstant(v, zoneClock, 'end') : undefined;
    const revisedDay = parsed && !('error' in parsed) ? parsed.day : undefined;
    const inTime = e.atMs <= endOfDayMs(deadline, zoneClock);
    const reasonGiven = typeof e.data.reason === 'string' && e.data.reason.trim() !== '';
    const beyondCap = cap !== undefined && revisedDay !== undefined && revisedDay > cap;
    const item: ExtensionItem = { id: e.id, date: isoDateFromDay(e.day), inTime, reasonGiven, beyondCap };
    if (revisedDay !== undefined) item.revisedDate = isoDateFromDay(revisedDay);
    if (maxDay !== undefined) item.beyondMax = revisedDay !== undefined && revisedDay > maxDay;
    if (c.tells) item.missingTopics = _untold(c.tells, e, events, cited);
    const by = _authorisedBy(e);
    if (by) item.authorisedBy = by;
    extensions.push(item);
    faults.push(..._faults(item, e, cap));
    if (!inTime || revisedDay === undefined) continue;
    deadline = beyondCap && cap !== undefined ? cap : revisedDay;
    deadlineSource = beyondCap ? 'cap' : 'extension';
  }
  const ended = c.isAnswer ? _answer(c, span, events, bound) : stageEnd;
  const end = ended.at === undefined ? undefined : (events[ended.at] as CaseEvent);
  if (end) cited.push(end.id);
  const asOfDay = index.anchors.asOf?.day ?? start.day;
  const endDay = end ? end.day : asOfDay;
  const state = _state(ended.kind, endDay <= deadline);
  const first = extensions[0] && eventById(index, extensions[0].id);
  const updates =
    c.updates && first ? _updates(ctx, first, end, ended.at ?? events.length, c.updates) : undefined;
  if (updates) cited.push(...updates.cited);
  const pauseNote = calendar.pausesStopClocks ? undefined : _pauseNote(events, span.start, ended.at, cited);
  return {
    authorisedCount: extensions.filter((x) => x.authorisedBy !== undefined).length,
    capDate: cap === undefined ? undefined : isoDateFromDay(cap),
    capped: deadlineSource === 'cap',
    deadline: isoDateFromDay(deadline),
    deadlineSource,
    dueAt: state === 'open' ? endOfDayIso(deadline, zoneClock) : undefined,
    elapsed: calendar.elapsedWorkingDays(clockDay, endDay, index.paused),
    endDate: isoDateFromDay(endDay),
    endId: end?.id,
    endKind: ended.kind,
    eventIds: orderedIds(ctx, cited),
    exists: true,
    extended: deadlineSource !== 'target',
    extensionCount: extensions.length,
    extensions,
    faultCount: faults.length,
    faults,
    // Two extensions' sentences joined by semicolons never read as one sentence naming a date twice.
    faultsText: faults.join('; '),
    pauseNote,
    startDate: isoDateFromDay(start.day),
    startId: start.id,
    startType: start.type,
    state,
    target: c.within,
    track: timeline.track,
    updates: updates?.value,
    ...(clock ? _clockFields(clock, original) : {}),
    ...(c.isClosing ? _closingFields(c.isClosing, span, events, bound) : {}),
    ...(maxDay === undefined ? {} : _maxFields(calendar, original, deadline, maxDay, c.extensionMax)),
  };
}

/** Where the stage's events stop: for stage 1, at the stage 2 start. */
function _stageBound(c: Compiled, timeline: StageTimeline, length: number): number {
  return c.stage === 'stage_1' ? (timeline.stage2?.start ?? length) : length;
}

interface ClockStart {
  day: number;
  ackId?: string;
  counted: boolean;
  ackDeadline: number;
}

/** The response clock start: the acknowledgement's date, never later than its deadline. */
function _clockStart(
  ack: NonNullable<Compiled['ack']>,
  ctx: FactContext,
  span: StageSpan,
  bound: number,
): ClockStart {
  const { index, calendar } = ctx;
  const events = index.events;
  const ackDeadline = calendar.deadline((events[span.start] as CaseEvent).day, ack.within, index.paused);
  for (let i = span.start + 1; i < bound; i++) {
    const e = events[i] as CaseEvent;
    if (!ack.by(e) && i !== span.response) continue;
    const counted = e.day <= ackDeadline;
    return { day: counted ? e.day : ackDeadline, ackId: e.id, counted, ackDeadline };
  }
  return { day: ackDeadline, counted: false, ackDeadline };
}

function _clockFields(clock: ClockStart, original: number) {
  return {
    acknowledgeDeadline: isoDateFromDay(clock.ackDeadline),
    acknowledgementId: clock.ackId,
    clockStartDate: isoDateFromDay(clock.day),
    clockStartSource: clock.counted ? 'acknowledgement' : 'acknowledgement_deadline',
    originalDeadline: isoDateFromDay(original),
  };
}

function _maxFields(
  calendar: FactContext['calendar'],
  original: number,
  deadline: number,
  maxDay: number,
  extensionMax: number | undefined,
) {
  return {
    beyondMax: deadline > maxDay,
    extendedBy: deadline > original ? calendar.elapsedWorkingDays(original, deadline) : 0,
    extensionMax,
    maxDate: isoDateFromDay(maxDay),
    originalDeadline: isoDateFromDay(original),
  };
}

/** The first `closedBy` event in the stage (a non-acceptance), whether or not it ended the clock. */
function _closingFields(
  isClosing: EventPredicate,
  span: StageSpan,
  events: readonly CaseEvent[],
  bound: number,
) {
  for (let i = span.start + 1; i < bound; i++) {
    const e = events[i] as CaseEvent;
    if (isClosing(e)) return { closingDate: isoDateFromDay(e.day), closingId: e.id };
  }
  return {};
}

/** How the stage ended, a `closedBy` event before its end counting as a closure. */
function _stageEnd(
  c: Compiled,
  span: StageSpan,
  events: readonly CaseEvent[],
): { at?: number; kind: string } {
  const until = span.end ?? events.length;
  for (let i = span.start + 1; c.isClosing && i < until; i++)
    if (c.isClosing(events[i] as CaseEvent)) return { at: i, kind: 'closure' };
  return span.end === undefined ? { kind: span.endKind } : { at: span.end, kind: span.endKind };
}

/** With `answeredBy`: the first answer (or the stage response) in the stage, or a `closedBy` event before it. */
function _answer(
  c: Compiled,
  span: StageSpan,
  events: readonly CaseEvent[],
  bound: number,
): { at?: number; kind: string } {
  for (let i = span.start + 1; i < bound; i++) {
    const e = events[i] as CaseEvent;
    if (c.isAnswer?.(e) || (c.responseAnswers && i === span.response)) return { at: i, kind: 'response' };
    if (c.isClosing?.(e)) return { at: i, kind: 'closure' };
  }
  return { kind: 'open' };
}

/** The topics an extension neither covers itself nor through a `sameDay` event of its local date (cited). */
function _untold(
  tells: NonNullable<Compiled['tells']>,
  e: CaseEvent,
  events: readonly CaseEvent[],
  cited: string[],
): string[] {
  const covered = new Set(_covers(e));
  for (const o of events) {
    if (o.day !== e.day || o === e || !tells.sameDay(o)) continue;
    const more = _covers(o).filter((t) => tells.topics.includes(t) && !covered.has(t));
    if (more.length === 0) continue;
    cited.push(o.id);
    for (const t of more) covered.add(t);
  }
  return tells.topics.filter((t) => !covered.has(t));
}

const _covers = (e: CaseEvent): string[] =>
  Array.isArray(e.data.covers) ? (e.data.covers as unknown[]).filter((t) => typeof t === 'string') : [];

/** Each requirement an extension broke, as a sentence. */
function _faults(item: ExtensionItem, e: CaseEvent, cap: number | undefined): string[] {
  const broke: string[] = [];
  if (!item.inTime) broke.push('was notified after the deadline had passed');
  if (!item.reasonGiven) broke.push('gave no reason');
  // The cap is one date for every extension: the rule's sentence names it once.
  if (item.beyondCap && cap !== undefined) broke.push('set a date beyond the cap');
  if (item.missingTopics?.length)
    broke.push(`did not cover ${item.missingTopics.map((t) => t.replaceAll('_', ' ')).join(' or ')}`);
  // One sentence per extension, naming it once: "e4 (Mon 3 Jun 2024) was late and gave no reason".
  if (broke.length === 0) return [];
  const last = broke.pop() as string;
  return [`${e.id} (${formatDay(e.day)}) ${broke.length > 0 ? `${broke.join(', ')} and ${last}` : last}`];
}

/**
 * Updates while extended: the runs from the first extension to the clock's end (`asOf` while
 * open) between events matching `marks`, as longestGap measures them.
 */
function _updates(
  ctx: FactContext,
  first: CaseEvent,
  end: CaseEvent | undefined,
  endAt: number,
  updates: NonNullable<Compiled['updates']>,
) {
  const { index } = ctx;
  const points: RunPoint[] = [{ id: first.id, day: first.day }];
  for (let i = (positionOf(index, first.id) ?? 0) + 1; i < endAt; i++) {
    const e = index.events[i] as CaseEvent;
    if (updates.marks(e)) points.push({ id: e.id, day: e.day });
  }
  points.push(end ? { id: end.id, day: end.day } : { day: index.anchors.asOf?.day ?? first.day });
  const { cited, ...value } = measureRuns(ctx, points, updates.interval, end === undefined);
  return { cited, value: { ...value, marks: points.length - 2, measured: true } };
}

function _authorisedBy(e: CaseEvent): string | undefined {
  const by = e.data.authorisedBy as { role?: unknown; id?: unknown } | undefined;
  const name = by?.role ?? by?.id;
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

/**
 * Pauses are reported, not deducted, where the procedure has no clock stop: the `case.paused`
 * events from the stage start to the clock's end (`asOf` while open), in a sentence.
 */
function _pauseNote(
  events: readonly CaseEvent[],
  start: number,
  endAt: number | undefined,
  cited: string[],
): string | undefined {
  const paused: CaseEvent[] = [];
  for (let i = start + 1; i < (endAt ?? events.length); i++) {
    const e = events[i] as CaseEvent;
    if (e.type === 'case.paused') paused.push(e);
  }
  if (paused.length === 0) return undefined;
  for (const e of paused) cited.push(e.id);
  // Pauses of one date are named together, so no date is written twice.
  const days = [...new Set(paused.map((e) => e.day))];
  const when = days
    .map((day) => `${formatDay(day)} (${formatList(paused.filter((e) => e.day === day).map((e) => e.id))})`)
    .join(', ');
  return `The case was paused on ${when}; this procedure has no clock stop, so paused days count.`;
}

function _state(endKind: string, inTime: boolean): string {
  switch (endKind) {
    case 'response':
      return inTime ? 'met' : 'late';
    case 'transfer':
      return inTime ? 'transferred' : 'transferredLate';
    case 'closure':
      return inTime ? 'closedUnanswered' : 'closedLate';
    default:
      return inTime ? 'open' : 'overdue';
  }
}
