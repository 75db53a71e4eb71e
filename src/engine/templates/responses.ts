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
  pausedIn,
  resolveWorkingDays,
  type TemplateScope,
  takeOrderedIds,
} from '../fact-context.js';
import { compileFilter, compilePath, type EventPredicate } from '../filter.js';
import { ScratchList } from '../scratch.js';

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
  /** Bank holidays and closures from the start day (itself included) to the response, else the deadline, else `asOf`. */
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

/**
 * "A Y within N working days of each X" (`docs/engine.md`, responses): each trigger is matched
 * with the first later response (correlated by key where asked), and classed met, late,
 * missing (no response and the deadline passed), open (no response yet, deadline ahead) or
 * cancelled.
 */
export function compileResponses(spec: Spec, scope: TemplateScope): FactFn {
  const triggerFilter = 'fromFact' in spec.trigger ? undefined : compileFilter(spec.trigger, scope);
  const response = compileFilter(spec.response, scope);
  const satisfied = spec.satisfiedBy ? compileFilter(spec.satisfiedBy, scope) : undefined;
  const cancel = spec.cancelledBy ? compileFilter(spec.cancelledBy, scope) : undefined;
  const classes = Object.entries(spec.classify ?? {}).map(([k, f]) => [k, compileFilter(f, scope)] as const);
  const within = spec.within;
  const fixedTarget =
    within && 'workingDays' in within ? resolveWorkingDays(within.workingDays, scope.params) : undefined;
  const fallbackTarget =
    within && 'deadlineField' in within
      ? resolveWorkingDays(within.otherwiseWorkingDays, scope.params)
      : undefined;
  const keys = spec.correlateBy ?? [];
  const replyOf = spec.replyField ? compilePath(spec.replyField) : undefined;

  return (ctx) => {
    const { calendar, index } = ctx;
    const zone = calendar.zone;
    const triggers = _triggers(ctx, spec, triggerFilter);
    // Responses and cancellations are looked for only when there is something to answer.
    const candidates = _responses.start();
    const cancels = _cancels.start();
    if (triggers.length > 0) {
      const limit = anchorPoint(ctx, spec.responseBefore);
      for (const e of candidateEvents(ctx, response))
        if (response(e) && (limit === undefined || e.atMs < limit.ms)) candidates.push(e);
      if (cancel) for (const e of candidateEvents(ctx, cancel)) if (cancel(e)) cancels.push(e);
    }
    const asOfDay = index.anchors.asOf?.day ?? Number.POSITIVE_INFINITY;
    const items = _items.start();
    const ids = _ids.start();
    const classCounts: Record<string, number> = {};
    for (const [k] of classes) classCounts[k] = 0;
    let earliestDue: { ms: number; iso: string } | undefined;

    for (let ti = 0; ti < triggers.length; ti++) {
      const t = triggers.items[ti] as Trigger;
      ids.push(t.event.id);
      // The item is filled in on a draft (one per run, reset here), and `_finalItem` makes it.
      const item = _draft;
      item.cancelledBy = undefined;
      item.classes = undefined;
      item.deadline = undefined;
      item.deadlineId = undefined;
      item.dueAt = undefined;
      item.elapsed = undefined;
      item.nonWorkingDays = _NO_DAYS;
      item.pausedWorkingDays = 0;
      item.responseDate = undefined;
      item.responseId = undefined;
      item.startDate = isoDateFromDay(t.startDay);
      item.state = 'open';
      item.target = undefined;
      item.triggerId = t.event.id;
      if (satisfied?.(t.event)) {
        item.state = 'met';
        item.responseId = t.event.id;
        item.responseDate = isoDateFromDay(t.event.day);
        item.elapsed = 0;
        items.push(_finalItem(item));
        continue;
      }
      // The deadline: the last instant in time (a day's end, a field's time, or an anchor's instant).
      let deadlineDay: number | undefined;
      let deadlineMs: number | undefined;
      let inclusive = true;
      if (within && 'anchor' in within) {
        // An anchor that has not happened yet (an open case's `end` is asOf) sets no deadline yet.
        const a = anchorPoint(ctx, within.anchor);
        if (a?.eventId !== undefined) {
          deadlineDay = a.day;
          deadlineMs = a.ms;
          item.deadline = formatInstant(a.ms, zone);
          item.deadlineId = a.eventId;
        }
        inclusive = within.inclusive ?? false;
      } else if (within) {
        let target = fixedTarget;
        if ('deadlineField' in within) {
          const raw = t.event.data[within.deadlineField.replace(/^data\./, '')];
          const parsed = typeof raw === 'string' ? parseInstant(raw, zone, 'end') : undefined;
          if (parsed && !('error' in parsed)) {
            deadlineDay = parsed.day;
            deadlineMs = parsed.epochMs;
            if (!parsed.dateOnly) item.deadline = formatInstant(parsed.epochMs, zone);
          } else target = fallbackTarget;
        }
        if (deadlineDay === undefined && target !== undefined) {
          deadlineDay = calendar.deadline(t.startDay, target, index.paused);
          deadlineMs = endOfDayMs(deadlineDay, zone);
          item.target = target;
        }
        if (deadlineDay !== undefined) item.deadline ??= isoDateFromDay(deadlineDay);
      }
      // Strictly after the start: the trigger, or the event a chained trigger starts from.
      const start = t.from ?? t.event;
      const answer = _answer(candidates, t, start, replyOf, keys);
      // Set aside only when the cancelling event comes before any answer.
      let cancelledBy: CaseEvent | undefined;
      for (let ci = 0; ci < cancels.length; ci++) {
        const c = cancels.items[ci] as CaseEvent;
        if (deadlineMs === undefined || c.atMs <= deadlineMs) {
          cancelledBy = c;
          break;
        }
      }
      if (cancelledBy && !(answer && _precedes(answer, cancelledBy))) {
        item.state = 'cancelled';
        item.cancelledBy = cancelledBy.id;
        ids.push(cancelledBy.id);
        items.push(_finalItem(item));
        continue;
      }
      // The measure runs to the response, else to the deadline, else to asOf.
      const endDay = answer ? answer.day : (deadlineDay ?? asOfDay);
      const paused = pausedIn(ctx, calendar.dayZero(t.startDay), endDay);
      item.pausedWorkingDays = paused.days;
      for (const id of paused.eventIds) ids.push(id);
      item.elapsed = calendar.elapsedWorkingDays(t.startDay, answer ? answer.day : asOfDay, index.paused);
      item.nonWorkingDays = calendar.nonWorkingDatesBetween(t.startDay - 1, endDay);
      if (answer) {
        ids.push(answer.id);
        item.responseId = answer.id;
        item.responseDate = isoDateFromDay(answer.day);
        for (const [k, f] of classes) {
          if (!f(answer)) continue;
          classCounts[k] = (classCounts[k] ?? 0) + 1;
          item.classes = [...(item.classes ?? []), k];
        }
        const onTime =
          deadlineMs === undefined || (inclusive ? answer.atMs <= deadlineMs : answer.atMs < deadlineMs);
        item.state = onTime ? 'met' : 'late';
      } else if (deadlineMs !== undefined && (item.deadlineId !== undefined || ctx.asOfMs > deadlineMs)) {
        // An anchor deadline has happened by asOf; a day or a time has passed once asOf is after it.
        item.state = 'missing';
      } else {
        item.state = 'open';
        if (deadlineMs !== undefined) {
          item.dueAt = formatInstant(deadlineMs, zone);
          if (!earliestDue || deadlineMs < earliestDue.ms) earliestDue = { ms: deadlineMs, iso: item.dueAt };
        }
      }
      items.push(_finalItem(item));
    }
    candidates.release();
    cancels.release();
    triggers.release();
    const itemList = items.take();
    // One pass over the items for every count and list.
    let met = 0;
    let late = 0;
    let missing = 0;
    let cancelled = 0;
    // Read-only lists for conditions and templates (left out of `measured`): none shares one.
    const notMetItems = _notMet.start();
    const openItemList = _open.start();
    for (const i of itemList) {
      if (i.state === 'met') met++;
      else if (i.state === 'cancelled') cancelled++;
      else if (i.state === 'open') openItemList.push(i);
      else {
        if (i.state === 'late') late++;
        else missing++;
        notMetItems.push(i);
      }
    }
    const notMet = notMetItems.length === 0 ? _NO_ITEMS : notMetItems.take();
    const openItems = openItemList.length === 0 ? _NO_ITEMS : openItemList.take();
    return {
      cancelled,
      classes: classCounts,
      classified:
        classes.length === 0
          ? _NOT_CLASSIFIED
          : Object.fromEntries(classes.map(([k]) => [k, itemList.filter((i) => i.classes?.includes(k))])),
      dueAt: earliestDue?.iso,
      eventIds: takeOrderedIds(ctx, ids),
      // Its own copy, not items[0] itself: every part of a finding's `measured` is its own.
      first: itemList[0] && _finalItem(itemList[0], true),
      items: itemList,
      judged: itemList.length - cancelled,
      late,
      met,
      missing,
      notMet: notMet.length,
      notMetItems: notMet,
      open: openItems.length,
      openItems,
      total: itemList.length,
    };
  };
}

/**
 * The draft every item is filled in on: its keys declared up front in code-unit order (one
 * object shape), reset for each trigger. Facts are computed synchronously, one at a time, so one
 * draft serves them all.
 */
const _draft: ResponseItem = {
  cancelledBy: undefined,
  classes: undefined,
  deadline: undefined,
  deadlineId: undefined,
  dueAt: undefined,
  elapsed: undefined,
  nonWorkingDays: [],
  pausedWorkingDays: 0,
  responseDate: undefined,
  responseId: undefined,
  startDate: '',
  state: 'open',
  target: undefined,
  triggerId: '',
};
const _NO_DAYS: string[] = [];
// Scratch lists (one per list built here): facts are computed one at a time, and a chained
// trigger reads an earlier fact's finished items, never these.
const _triggerList = new ScratchList<Trigger>();
const _responses = new ScratchList<CaseEvent>();
const _cancels = new ScratchList<CaseEvent>();
const _items = new ScratchList<ResponseItem>();
const _ids = new ScratchList<string>();
const _notMet = new ScratchList<ResponseItem>();
const _open = new ScratchList<ResponseItem>();
// Shared, frozen answers for what is only ever read (and never part of `measured`).
const _NO_ITEMS = Object.freeze([]) as unknown as ResponseItem[];
const _NOT_CLASSIFIED = Object.freeze({}) as Record<string, ResponseItem[]>;

/**
 * An item as the fact holds it: the draft's keys that were set, in code-unit order (the order
 * `measured` is printed in), so that a finding takes it over as it is. With `copyLists`, its
 * lists are copies too; an unset list is a new empty one.
 */
function _finalItem(d: ResponseItem, copyLists = false): ResponseItem {
  const out = {} as ResponseItem;
  if (d.cancelledBy !== undefined) out.cancelledBy = d.cancelledBy;
  if (d.classes !== undefined) out.classes = copyLists ? [...d.classes] : d.classes;
  if (d.deadline !== undefined) out.deadline = d.deadline;
  if (d.deadlineId !== undefined) out.deadlineId = d.deadlineId;
  if (d.dueAt !== undefined) out.dueAt = d.dueAt;
  if (d.elapsed !== undefined) out.elapsed = d.elapsed;
  out.nonWorkingDays = copyLists || d.nonWorkingDays === _NO_DAYS ? [...d.nonWorkingDays] : d.nonWorkingDays;
  out.pausedWorkingDays = d.pausedWorkingDays;
  if (d.responseDate !== undefined) out.responseDate = d.responseDate;
  if (d.responseId !== undefined) out.responseId = d.responseId;
  out.startDate = d.startDate;
  out.state = d.state;
  if (d.target !== undefined) out.target = d.target;
  out.triggerId = d.triggerId;
  return out;
}

/** The triggers, in the scratch list `_triggerList` (which the caller releases). */
function _triggers(ctx: FactContext, spec: Spec, filter: EventPredicate | undefined): ScratchList<Trigger> {
  const { index } = ctx;
  const before = anchorPoint(ctx, spec.triggerBefore);
  const out = _triggerList.start();
  if (filter) {
    for (const e of candidateEvents(ctx, filter)) {
      if (filter(e) && (before === undefined || e.atMs < before.ms))
        out.push({ event: e, startMs: e.atMs, startDay: e.day });
    }
  } else {
    const chain = spec.trigger as Extract<Spec['trigger'], { fromFact: string }>;
    const source = ctx.facts[chain.fromFact];
    if (!source) throw new Error(`fact "${chain.fromFact}" must be declared before the facts chained to it`);
    for (const item of source.items as ResponseItem[]) {
      if (!chain.states.includes(item.state)) continue;
      const event = eventById(index, item.triggerId);
      if (!event) continue;
      const point = chainPoint(ctx, item, chain.at, event);
      if (point) out.push({ event, ...point });
    }
  }
  if (spec.triggerScope === 'first' && out.length > 1) {
    const first = out.items[0] as Trigger;
    out.release();
    out.push(first);
  }
  return out;
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
  const parsed = parseInstant(item.deadline, ctx.calendar.zone, 'end');
  return 'error' in parsed ? undefined : { startMs: parsed.epochMs, startDay: parsed.day };
}

/**
 * The response that answers a trigger: the first candidate strictly after its start (the
 * trigger, or the event a chained trigger starts from) that names it (`replyField`), else the
 * first such one that correlates with it.
 */
function _answer(
  candidates: ScratchList<CaseEvent>,
  t: Trigger,
  start: CaseEvent,
  replyOf: ((e: CaseEvent) => unknown) | undefined,
  keys: readonly string[],
): CaseEvent | undefined {
  const { items, length } = candidates;
  if (replyOf)
    for (let i = 0; i < length; i++) {
      const r = items[i] as CaseEvent;
      if (_isLater(r, t, start) && replyOf(r) === t.event.id) return r;
    }
  for (let i = 0; i < length; i++) {
    const r = items[i] as CaseEvent;
    if (_isLater(r, t, start) && _correlates(keys, t.event, r)) return r;
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
