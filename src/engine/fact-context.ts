import type { ParameterValue } from '../model/config.js';
import type { Anchor, WorkingDays } from '../model/rule.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { isoDateFromDay } from '../time/days.js';
import { formatInstant, startOfDayMs } from '../time/instant.js';
import type { CaseEvent } from './case-event.js';
import { type AnchorPoint, type CaseIndex, positionOf } from './case-index.js';
import type { EventPredicate, FilterScope } from './filter.js';
import { arrayFor, type ScratchList } from './scratch.js';

/** A fact's value: plain JSON, always with the ids of the events it relied on. */
export type FactValue = { eventIds: string[] } & Record<string, unknown>;

/** What a fact template sees when it measures one case. */
export interface FactContext {
  readonly index: CaseIndex;
  readonly calendar: WorkingCalendar;
  readonly asOfMs: number;
  /** Facts of the same rule computed so far (declaration order), for chained templates. */
  readonly facts: Readonly<Record<string, FactValue>>;
}

/** A compiled fact: measures one case. */
export type FactFn = (ctx: FactContext) => FactValue;

/** What a template compiler gets: the filter scope (named filters, resolved parameters). */
export type TemplateScope = FilterScope;

/** An event as cited in a fact: its id, instant (in the zone) and local date. */
export interface EventRef {
  id: string;
  at: string;
  date: string;
}

export function eventRef(e: CaseEvent, zone: string): EventRef {
  return { at: formatInstant(e.atMs, zone), date: isoDateFromDay(e.day), id: e.id };
}

/** The last instant of a local day, as an ISO string in the zone (a deadline's `dueAt`). */
export function endOfDayIso(day: number, zone: string): string {
  return formatInstant(startOfDayMs(day + 1, zone) - 1, zone);
}

export function endOfDayMs(day: number, zone: string): number {
  return startOfDayMs(day + 1, zone) - 1;
}

/** Resolves a number of working days given literally or by parameter name. */
export function resolveWorkingDays(
  wd: WorkingDays,
  params: Readonly<Record<string, ParameterValue>>,
): number {
  if (typeof wd === 'number') return wd;
  const v = params[wd.param];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new Error(`parameter "${wd.param}" must be a whole number of working days`);
  }
  return v;
}

export function anchorPoint(ctx: FactContext, a: Anchor | undefined): AnchorPoint | undefined {
  return a === undefined ? undefined : ctx.index.anchors[a];
}

const _anywhere = () => true;

/** Keeps events inside optional anchor bounds; an absent anchor imposes no bound. */
export function withinBounds(
  ctx: FactContext,
  bounds: { before?: Anchor; onOrBefore?: Anchor; after?: Anchor },
): (e: CaseEvent) => boolean {
  const before = anchorPoint(ctx, bounds.before);
  const onOrBefore = anchorPoint(ctx, bounds.onOrBefore);
  const after = anchorPoint(ctx, bounds.after);
  if (before === undefined && onOrBefore === undefined && after === undefined) return _anywhere;
  return (e) =>
    (before === undefined || e.atMs < before.ms) &&
    (onOrBefore === undefined || e.atMs <= onOrBefore.ms) &&
    (after === undefined || e.atMs > after.ms);
}

// Most measures cross no pause; callers only read the answer, so one frozen answer serves.
const _NOT_PAUSED: { readonly days: number; readonly eventIds: readonly string[] } = Object.freeze({
  days: 0,
  eventIds: Object.freeze([]),
});

/**
 * Paused working days left out of a measure over (fromExclusive, toInclusive] (from day 0), and the
 * `case.paused`/`case.resumed` events of the pauses that removed any.
 */
export function pausedIn(
  ctx: FactContext,
  fromExclusive: number,
  toInclusive: number,
): { readonly days: number; readonly eventIds: readonly string[] } {
  const { calendar, index } = ctx;
  const days = calendar.countPausedWorkingDays(fromExclusive, toInclusive, index.paused);
  if (days === 0) return _NOT_PAUSED;
  // Callers only read the ids: one pause's own list serves when only one removed any (the usual).
  let eventIds: readonly string[] | undefined;
  let joined: string[] | undefined;
  for (const p of index.pauses) {
    if (calendar.countPausedWorkingDays(fromExclusive, toInclusive, p.days) === 0) continue;
    if (eventIds === undefined) eventIds = p.ids;
    else {
      joined ??= [...eventIds];
      for (const id of p.ids) joined.push(id);
    }
  }
  return { days, eventIds: joined ?? eventIds ?? _NOT_PAUSED.eventIds };
}

/** Event ids in time order without repeats. */
export function orderedIds(ctx: FactContext, ids: Iterable<string>): string[] {
  return inTimeOrder(ctx.index, ids);
}

/** {@link orderedIds} of the ids gathered in a scratch list, which is left empty. */
export function takeOrderedIds(ctx: FactContext, ids: ScratchList<string>): string[] {
  startPositions();
  addPositions(ctx.index, ids.items, ids.length);
  ids.release();
  return idsInTimeOrder(ctx.index);
}

/** Ids of the case's events in time order, without repeats; ids of no event are left out. */
export function inTimeOrder(index: CaseIndex, ids: Iterable<string>): string[] {
  startPositions();
  addPositions(index, ids);
  return idsInTimeOrder(index);
}

// Positions being gathered, in scratch space: gathering and ordering are synchronous and never
// re-entered, so one buffer serves every fact and finding.
let _positions = new Int32Array(256);
let _count = 0;
let _ordered = true;

/** Starts gathering event positions (for {@link idsInTimeOrder}). */
export function startPositions(): void {
  _count = 0;
  _ordered = true;
}

/** Adds the positions of some event ids (of an array's first `length`); ids of no event are left out. */
export function addPositions(index: CaseIndex, ids: Iterable<string>, length?: number): void {
  if (Array.isArray(ids)) {
    // An index loop: for...of here sees arrays and sets alike and would make an iterator each time.
    const n = length ?? ids.length;
    for (let i = 0; i < n; i++) _addPosition(index, ids[i] as string);
  } else for (const id of ids) _addPosition(index, id);
}

function _addPosition(index: CaseIndex, id: string): void {
  const p = positionOf(index, id);
  if (p === undefined) return;
  if (_count === _positions.length) {
    const grown = new Int32Array(_count * 2);
    grown.set(_positions);
    _positions = grown;
  }
  if (_count > 0 && p <= (_positions[_count - 1] as number)) _ordered = false;
  _positions[_count++] = p;
}

/** The ids gathered since {@link startPositions}, in time order without repeats. */
export function idsInTimeOrder(index: CaseIndex): string[] {
  // Usually cited in time order already, each once: checking is cheaper than a Set and a sort.
  // The list is made at its exact length: one grown by push reserves room for 17 ids.
  let distinct = _count;
  if (!_ordered) {
    _positions.subarray(0, _count).sort();
    for (let i = 1; i < _count; i++) if (_positions[i] === _positions[i - 1]) distinct--;
  }
  const out = arrayFor<string>(distinct);
  let previous = -1;
  let n = 0;
  for (let i = 0; i < _count; i++) {
    const p = _positions[i] as number;
    if (p === previous) continue;
    previous = p;
    out[n++] = (index.events[p] as CaseEvent).id;
  }
  return out;
}

const _NONE: readonly CaseEvent[] = [];

/**
 * The events a filter could match, in time order: those of the types it names (from the case's
 * type index), else all. Callers still apply the filter itself.
 */
export function candidateEvents(ctx: FactContext, filter: EventPredicate): readonly CaseEvent[] {
  const types = filter.types;
  const { index } = ctx;
  if (types === undefined) return index.events;
  if (types.size === 1) {
    for (const t of types) return index.byType.get(t) ?? _NONE;
  }
  let present = 0;
  let only: readonly CaseEvent[] = _NONE;
  for (const t of types) {
    const list = index.byType.get(t);
    if (list) {
      present++;
      only = list;
    }
  }
  if (present <= 1) return only;
  return index.events.filter((e) => types.has(e.type));
}
