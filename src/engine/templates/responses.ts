import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
import { formatInstant, parseInstant } from '../../time/instant.js';
import type { CaseEvent } from '../case-event.js';
import { eventById } from '../case-index.js';
import {
  anchorPoint,
  candidateEvents,
  endOfDayMs,
  type FactContext,
  type FactFn,
  type FactValue,
  orderedIds,
  pausedIn,
  resolveWorkingDays,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter, compilePath, type EventPredicate } from '../filter.js';

type Spec = Extract<FactSpec, { template: 'responses' }>;
type State = 'met' | 'late' | 'missing' | 'open' | 'cancelled';

/** One trigger and how it was answered. */
export interface ResponseItem {
  triggerId: string;
  /** Local date the clock starts from (the trigger's, or a chained instant's). */
  startDate: string;
  /** The last day in time (a local date), or the instant when the deadline has a time of day or is an anchor. */
  deadline?: string;
  /** The anchor's event, when the deadline is an anchor. */
  deadlineId?: string;
  target?: number;
  responseId?: string;
  responseDate?: string;
  /** Working days from the start to the response (or to `asOf` while none), paused days excluded. */
  elapsed?: number;
  /** Paused working days left out, from the start to the response, else the deadline, else `asOf`. */
  pausedWorkingDays: number;
  state: State;
  /**
   * Bank holidays and closures from the start day (itself included) to the response, else the
   * deadline, else `asOf`; never past the deadline (they explain where the deadline fell).
   */
  nonWorkingDays: string[];
  cancelledBy?: string;
  dueAt?: string;
  /** Names of the `classify` filters the response matched. */
  classes?: string[];
}

interface Trigger {
  event: CaseEvent;
  startMs: number;
  startDay: number;
  /** The event the clock starts from when it is not the trigger (a chained trigger's response). */
  from?: CaseEvent;
}

/** A responses fact's filters and targets, compiled once with the rule. */
interface Compiled {
  readonly spec: Spec;
  readonly trigger: EventPredicate | undefined;
  readonly response: EventPredicate;
  readonly satisfied: EventPredicate | undefined;
  readonly cancel: EventPredicate | undefined;
  readonly classes: readonly (readonly [string, EventPredicate])[];
  readonly fixedTarget: number | undefined;
  readonly fallbackTarget: number | undefined;
  readonly replyOf: ((e: CaseEvent) => unknown) | undefined;
}

/**
 * "A Y within N working days of each X" (`docs/engine.md`, responses): each trigger is matched
 * with the first later response (correlated by key where asked), and classed met, late,
 * missing (no response and the deadline passed), open (no response yet, deadline ahead) or
 * cancelled.
 */
export function compileResponses(spec: Spec, scope: TemplateScope): FactFn {
  const within = spec.within;
  const c: Compiled = {
    spec,
    trigger: 'fromFact' in spec.trigger ? undefined : compileFilter(spec.trigger, scope),
    response: compileFilter(spec.response, scope),
    satisfied: spec.satisfiedBy ? compileFilter(spec.satisfiedBy, scope) : undefined,
    cancel: spec.cancelledBy ? compileFilter(spec.cancelledBy, scope) : undefined,
    classes: Object.entries(spec.classify ?? {}).map(([k, f]) => [k, compileFilter(f, scope)] as const),
    fixedTarget:
      within && 'workingDays' in within ? resolveWorkingDays(within.workingDays, scope.params) : undefined,
    fallbackTarget:
      within && 'deadlineField' in within
        ? resolveWorkingDays(within.otherwiseWorkingDays, scope.params)
        : undefined,
    replyOf: spec.replyField ? compilePath(spec.replyField) : undefined,
  };
  return (ctx) => _measure(ctx, c);
}

function _measure(ctx: FactContext, c: Compiled): FactValue {
  const triggers = _triggers(ctx, c.spec, c.trigger);
  // Responses and cancellations are looked for only when there is something to answer.
  const limit = anchorPoint(ctx, c.spec.responseBefore);
  const responses =
    triggers.length === 0
      ? _NO_EVENTS
      : candidateEvents(ctx, c.response).filter(
          (e) => c.response(e) && (limit === undefined || e.atMs < limit.ms),
        );
  const cancel = c.cancel;
  const cancels =
    triggers.length === 0 || cancel === undefined
      ? _NO_EVENTS
      : candidateEvents(ctx, cancel).filter((e) => cancel(e));
  const ids: string[] = [];
  const items = new Array<ResponseItem>(triggers.length);
  for (let i = 0; i < items.length; i++) {
    const t = triggers[i] as Trigger;
    ids.push(t.event.id);
    items[i] = _judgeTrigger(ctx, c, t, responses, cancels, ids);
  }
  return _summary(ctx, c, items, ids);
}

/** The fact's value: the items, their counts and the lists by state and class. */
function _summary(ctx: FactContext, c: Compiled, items: ResponseItem[], ids: readonly string[]): FactValue {
  let cancelled = 0;
  let late = 0;
  let missing = 0;
  // Read-only lists for conditions and templates (left out of `measured`): none shares one, and
  // one is made only when it has an item (most have none).
  let met: ResponseItem[] | undefined;
  let notMet: ResponseItem[] | undefined;
  let open: ResponseItem[] | undefined;
  let due: ResponseItem | undefined;
  for (let k = 0; k < items.length; k++) {
    const i = items[k] as ResponseItem;
    if (i.state === 'cancelled') cancelled++;
    else if (i.state === 'met') met = _withItem(met, i);
    else if (i.state === 'late' || i.state === 'missing') {
      if (i.state === 'late') late++;
      else missing++;
      notMet = _withItem(notMet, i);
    } else {
      open = _withItem(open, i);
      if (i.dueAt !== undefined && (due?.dueAt === undefined || Date.parse(i.dueAt) < Date.parse(due.dueAt)))
        due = i;
    }
  }
  // Named keys rather than a spread into the literal: one object of a fixed shape.
  const { classes, classified } = c.classes.length === 0 ? _NOT_CLASSIFIED : _classified(c, items);
  return {
    cancelled,
    classes,
    classified,
    dueAt: due?.dueAt,
    eventIds: orderedIds(ctx, ids),
    first: items[0],
    items,
    judged: items.length - cancelled,
    late,
    met: met?.length ?? 0,
    metItems: met ?? _NO_ITEMS,
    missing,
    notMet: notMet?.length ?? 0,
    notMetItems: notMet ?? _NO_ITEMS,
    open: open?.length ?? 0,
    openItems: open ?? _NO_ITEMS,
    total: items.length,
  };
}

/** The list with the item added; a list is made only for its first item. */
function _withItem(list: ResponseItem[] | undefined, item: ResponseItem): ResponseItem[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}

/** The items of each `classify` class, and their counts. */
function _classified(c: Compiled, items: readonly ResponseItem[]) {
  const classified: Record<string, ResponseItem[]> = {};
  const classes: Record<string, number> = {};
  for (const [k] of c.classes) {
    classified[k] = items.filter((i) => i.classes?.includes(k));
    classes[k] = classified[k].length;
  }
  return { classes, classified };
}

/** When a trigger falls due: the last instant in time (a day's end, a field's time, or an anchor's instant). */
interface Deadline {
  readonly day: number | undefined;
  readonly ms: number | undefined;
  /** Whether a response at that very instant is on time. */
  readonly inclusive: boolean;
  /** As the item shows it: a local date, or an instant when it has a time of day or is an anchor. */
  readonly text: string | undefined;
  readonly eventId: string | undefined;
  readonly target: number | undefined;
}

const _NO_DEADLINE: Deadline = Object.freeze({
  day: undefined,
  ms: undefined,
  inclusive: true,
  text: undefined,
  eventId: undefined,
  target: undefined,
});

function _deadline(ctx: FactContext, c: Compiled, t: Trigger): Deadline {
  const within = c.spec.within;
  if (!within) return _NO_DEADLINE;
  const { calendar, index } = ctx;
  const clock = calendar.clock;
  if ('anchor' in within) {
    // An anchor that has not happened yet (an open case's `end` is asOf) sets no deadline yet.
    const a = anchorPoint(ctx, within.anchor);
    const inclusive = within.inclusive ?? false;
    const happened = a?.eventId !== undefined;
    return {
      day: happened ? a.day : undefined,
      ms: happened ? a.ms : undefined,
      inclusive,
      text: happened ? formatInstant(a.ms, clock) : undefined,
      eventId: a?.eventId,
      target: undefined,
    };
  }
  let target = c.fixedTarget;
  if ('deadlineField' in within) {
    const raw = t.event.data[within.deadlineField.replace(/^data\./, '')];
    const parsed = typeof raw === 'string' ? parseInstant(raw, clock, 'end') : undefined;
    if (parsed && !('error' in parsed)) {
      const text = parsed.dateOnly ? isoDateFromDay(parsed.day) : formatInstant(parsed.epochMs, clock);
      return {
        day: parsed.day,
        ms: parsed.epochMs,
        inclusive: true,
        text,
        eventId: undefined,
        target: undefined,
      };
    }
    target = c.fallbackTarget;
  }
  if (target === undefined) return _NO_DEADLINE;
  const day = calendar.deadline(t.startDay, target, index.paused);
  return {
    day,
    ms: endOfDayMs(day, clock),
    inclusive: true,
    text: isoDateFromDay(day),
    eventId: undefined,
    target,
  };
}

/** How one trigger was answered, as an item; the ids it relied on are added to `ids`. */
function _judgeTrigger(
  ctx: FactContext,
  c: Compiled,
  t: Trigger,
  responses: readonly CaseEvent[],
  cancels: readonly CaseEvent[],
  ids: string[],
): ResponseItem {
  const { calendar, index } = ctx;
  // Keys are added only once set, so that no `undefined` reaches a template or the reference
  // evaluator; an item without non-working days gets its own empty list.
  const item: ResponseItem = {
    nonWorkingDays: [],
    pausedWorkingDays: 0,
    startDate: isoDateFromDay(t.startDay),
    state: 'open',
    triggerId: t.event.id,
  };
  if (c.satisfied?.(t.event)) {
    item.state = 'met';
    item.responseId = t.event.id;
    item.responseDate = isoDateFromDay(t.event.day);
    item.elapsed = 0;
    return item;
  }
  const due = _deadline(ctx, c, t);
  if (due.text !== undefined) item.deadline = due.text;
  if (due.eventId !== undefined) item.deadlineId = due.eventId;
  if (due.target !== undefined) item.target = due.target;
  // Strictly after the start: the trigger, or the event a chained trigger starts from.
  const answer = _answer(responses, t, t.from ?? t.event, c.replyOf, c.spec.correlateBy ?? []);
  // Set aside only when the cancelling event comes before any answer.
  const cancelledBy = _firstBy(cancels, due.ms);
  if (cancelledBy && !(answer && _precedes(answer, cancelledBy))) {
    ids.push(cancelledBy.id);
    item.state = 'cancelled';
    item.cancelledBy = cancelledBy.id;
    return item;
  }
  // The measure runs to the response, else to the deadline, else to asOf.
  const asOfDay = index.anchors.asOf?.day ?? Number.POSITIVE_INFINITY;
  const endDay = answer ? answer.day : (due.day ?? asOfDay);
  const paused = pausedIn(ctx, calendar.dayZero(t.startDay), endDay);
  for (const id of paused.eventIds) ids.push(id);
  item.elapsed = calendar.elapsedWorkingDays(t.startDay, answer ? answer.day : asOfDay, index.paused);
  item.nonWorkingDays = calendar.nonWorkingDatesBetween(t.startDay - 1, Math.min(endDay, due.day ?? endDay));
  item.pausedWorkingDays = paused.days;
  if (answer) {
    ids.push(answer.id);
    if (c.classes.length > 0) {
      const classes = c.classes.filter(([, f]) => f(answer)).map(([k]) => k);
      if (classes.length > 0) item.classes = classes;
    }
    item.responseDate = isoDateFromDay(answer.day);
    item.responseId = answer.id;
    const onTime = due.ms === undefined || (due.inclusive ? answer.atMs <= due.ms : answer.atMs < due.ms);
    item.state = onTime ? 'met' : 'late';
  } else if (due.ms !== undefined && (due.eventId !== undefined || ctx.asOfMs > due.ms)) {
    // An anchor deadline has happened by asOf; a day or a time has passed once asOf is after it.
    item.state = 'missing';
  } else if (due.ms !== undefined) item.dueAt = formatInstant(due.ms, calendar.clock);
  return item;
}

const _NO_EVENTS: readonly CaseEvent[] = Object.freeze([]);
// Shared, frozen answers for what is only ever read (and never part of `measured`).
const _NO_ITEMS = Object.freeze([]) as unknown as ResponseItem[];
const _NOT_CLASSIFIED = Object.freeze({
  classes: Object.freeze({}) as Record<string, number>,
  classified: Object.freeze({}) as Record<string, ResponseItem[]>,
});

/** The triggers: events matching the filter, or the items of a fact chained from. */
function _triggers(ctx: FactContext, spec: Spec, filter: EventPredicate | undefined): Trigger[] {
  const out: Trigger[] = [];
  if (filter) {
    const before = anchorPoint(ctx, spec.triggerBefore);
    const after = anchorPoint(ctx, spec.triggerAfter);
    // Triggers after an anchor the case lacks: none.
    if (spec.triggerAfter !== undefined && after === undefined) return out;
    const events = candidateEvents(ctx, filter);
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as CaseEvent;
      if (
        filter(e) &&
        (before === undefined || e.atMs < before.ms) &&
        (after === undefined || e.atMs > after.ms)
      )
        out.push({ event: e, startMs: e.atMs, startDay: e.day });
    }
  } else {
    const chain = spec.trigger as Extract<Spec['trigger'], { fromFact: string }>;
    const source = ctx.facts[chain.fromFact];
    if (!source) throw new Error(`fact "${chain.fromFact}" must be declared before the facts chained to it`);
    for (const item of source.items as ResponseItem[]) {
      if (!chain.states.includes(item.state)) continue;
      const event = eventById(ctx.index, item.triggerId);
      const point = event && chainPoint(ctx, item, chain.at, event);
      if (event && point) out.push({ event, ...point });
    }
  }
  return spec.triggerScope === 'first' ? out.slice(0, 1) : out;
}

/** Where a chained trigger starts: its own instant, its deadline's end, or its response. */
export function chainPoint(
  ctx: FactContext,
  item: ResponseItem,
  at: 'trigger' | 'deadline' | 'response',
  event: CaseEvent,
): { startMs: number; startDay: number; from?: CaseEvent } | undefined {
  if (at === 'trigger') return { startMs: event.atMs, startDay: event.day };
  if (at === 'response') {
    const r = item.responseId ? eventById(ctx.index, item.responseId) : undefined;
    return r ? { startMs: r.atMs, startDay: r.day, from: r } : undefined;
  }
  if (!item.deadline) return undefined;
  const parsed = parseInstant(item.deadline, ctx.calendar.clock, 'end');
  return 'error' in parsed ? undefined : { startMs: parsed.epochMs, startDay: parsed.day };
}

/**
 * The response that answers a trigger: the first candidate strictly after its start (the
 * trigger, or the event a chained trigger starts from) that names it (`replyField`), else the
 * first such one that correlates with it.
 */
function _answer(
  candidates: readonly CaseEvent[],
  t: Trigger,
  start: CaseEvent,
  replyOf: ((e: CaseEvent) => unknown) | undefined,
  keys: readonly string[],
): CaseEvent | undefined {
  if (replyOf) {
    for (let i = 0; i < candidates.length; i++) {
      const r = candidates[i] as CaseEvent;
      if (_isLater(r, t, start) && replyOf(r) === t.event.id) return r;
    }
  }
  for (let i = 0; i < candidates.length; i++) {
    const r = candidates[i] as CaseEvent;
    if (_isLater(r, t, start) && _correlates(keys, t.event, r)) return r;
  }
  return undefined;
}

/** The first event at or before an instant (any, when there is none). */
function _firstBy(events: readonly CaseEvent[], ms: number | undefined): CaseEvent | undefined {
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as CaseEvent;
    if (ms === undefined || e.atMs <= ms) return e;
  }
  return undefined;
}

/** `r` is strictly after a trigger's start, and is neither the trigger nor the event it starts from. */
function _isLater(r: CaseEvent, t: Trigger, start: CaseEvent): boolean {
  return r !== t.event && r !== start && (r.atMs > t.startMs || (r.atMs === t.startMs && r.seq > start.seq));
}

/** `a` comes before `b` in the history (input order for equal instants). */
function _precedes(a: CaseEvent, b: CaseEvent): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}

/** The first key present on both events decides; with keys given and none shared, no match. */
function _correlates(keys: readonly string[], trigger: CaseEvent, response: CaseEvent): boolean {
  if (keys.length === 0) return true;
  for (const k of keys) {
    const a = trigger.data[k];
    const b = response.data[k];
    if (a !== undefined && b !== undefined) return a === b;
  }
  return false;
}
