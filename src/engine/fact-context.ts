import type { ParameterValue } from '../model/config.js';
import type { Anchor, WorkingDays } from '../model/rule.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { formatInstant, startOfDayMs } from '../time/instant.js';
import type { ZoneClock } from '../time/zone-clock.js';
import type { CaseEvent } from './case-event.js';
import { type AnchorPoint, type CaseIndex, citeEvent, type EventCitation, positionOf } from './case-index.js';
import type { EventPredicate, FilterScope } from './filter.js';

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

/** An event as cited in a fact (made once per case: {@link citeEvent}). */
export type EventRef = EventCitation;

/** An event as cited in a fact of this case. */
export function eventRef(e: CaseEvent, ctx: FactContext): EventRef {
  return citeEvent(ctx.index, e, ctx.calendar.clock);
}

/** The last instant of a local day, as an ISO string in the zone (a deadline's `dueAt`). */
export function endOfDayIso(day: number, clock: ZoneClock): string {
  return formatInstant(startOfDayMs(day + 1, clock) - 1, clock);
}

export function endOfDayMs(day: number, clock: ZoneClock): number {
  return startOfDayMs(day + 1, clock) - 1;
}

/** Resolves a number of working days given literally or by parameter name. */
export function resolveWorkingDays(
  wd: WorkingDays,
  params: Readonly<Record<string, ParameterValue>>,
): number {
  if (typeof wd === 'number') return wd;
  const v = Object.hasOwn(params, wd.param) ? params[wd.param] : undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new Error(`parameter "${wd.param}" must be a whole number of working days`);
  }
  return v;
}

export function anchorPoint(ctx: FactContext, a: Anchor | undefined): AnchorPoint | undefined {
  return a === undefined ? undefined : ctx.index.anchors[a];
}

const _anywhere = () => true;
const _nowhere = () => false;
const _STAGE_ANCHORS: ReadonlySet<Anchor | undefined> = new Set<Anchor>([
  'stage1Start',
  'stage1Response',
  'stage2Start',
  'stage2Response',
]);

/** Keeps events inside optional anchor bounds; an absent anchor imposes no bound. */
export function withinBounds(
  ctx: FactContext,
  bounds: { before?: Anchor; onOrBefore?: Anchor; after?: Anchor },
): (e: CaseEvent) => boolean {
  const before = anchorPoint(ctx, bounds.before);
  const onOrBefore = anchorPoint(ctx, bounds.onOrBefore);
  const after = anchorPoint(ctx, bounds.after);
  // Nothing is after a stage point the case never reached (other anchors lacked impose no bound).
  if (after === undefined && _STAGE_ANCHORS.has(bounds.after)) return _nowhere;
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

/** Event ids in time order without repeats; ids of no event are left out. */
export function orderedIds(ctx: FactContext, ids: readonly string[]): string[] {
  return idsInTimeOrder(ctx.index, [ids]);
}

/**
 * The ids of several lists, in the case's time order without repeats; ids of no event (or of
 * one after `asOf`) are left out.
 *
 * @example
 * idsInTimeOrder(index, [['e3', 'e1'], ['e1']]); // ['e1', 'e3']
 */
export function idsInTimeOrder(index: CaseIndex, lists: readonly (readonly string[])[]): string[] {
  // Usually cited in time order already, each once: one pass tells, and the ids are copied as
  // they are, without the list of positions a sort needs (a twentieth of a case's allocation).
  let found = 0;
  // Stryker disable next-line UnaryOperator: the sorted path gives the same list; this only tells when it can be skipped
  let last = -1;
  for (const ids of lists) {
    for (const id of ids) {
      const p = positionOf(index, id);
      if (p === undefined) continue;
      if (p <= last) return _sortedDistinct(index, lists);
      last = p;
      found++;
    }
  }
  const out = _exactList<string>(found);
  let k = 0;
  for (const ids of lists) for (const id of ids) if (positionOf(index, id) !== undefined) out[k++] = id;
  return out;
}

/** A list to be filled to length `n`, made at that length (one grown by push reserves 17). */
function _exactList<T>(n: number): T[] {
  // A very long one grows instead: V8 would make a preallocated one over about 16,000 items slow.
  // Stryker disable next-line all: either way the list is filled to the same entries; only its speed differs
  return n <= 16_000 ? new Array<T>(n) : [];
}

/** {@link idsInTimeOrder} of lists out of time order or with repeats: by their sorted positions. */
function _sortedDistinct(index: CaseIndex, lists: readonly (readonly string[])[]): string[] {
  let total = 0;
  for (const ids of lists) total += ids.length;
  const positions = _exactList<number>(total);
  let n = 0;
  for (const ids of lists) {
    for (const id of ids) {
      const p = positionOf(index, id);
      if (p !== undefined) positions[n++] = p;
    }
  }
  positions.length = n;
  _sortNumbers(positions);
  // Each position once, kept at the front (positions[-1] is undefined, so the first is kept).
  let distinct = 0;
  for (let i = 0; i < n; i++)
    if (positions[i] !== positions[distinct - 1]) positions[distinct++] = positions[i] as number;
  const out = _exactList<string>(distinct);
  for (let i = 0; i < distinct; i++) out[i] = (index.events[positions[i] as number] as CaseEvent).id;
  return out;
}

/** Sorts a list of numbers in place; a short one (nearly sorted, usually) by insertion, without comparator calls. */
function _sortNumbers(a: number[]): void {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: both ways sort; only the speed differs
  if (a.length > 64) {
    a.sort((x, y) => x - y);
    return;
  }
  for (let i = 1; i < a.length; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= 0 && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

const _NONE: readonly CaseEvent[] = Object.freeze([]);

/**
 * The events a filter could match, in time order: those of the one type it names that the case
 * has (from the case's type index), else all. Callers still apply the filter itself.
 */
export function candidateEvents(ctx: FactContext, filter: EventPredicate): readonly CaseEvent[] {
  const types = filter.types;
  const { index } = ctx;
  if (types === undefined) return index.events;
  let present = 0;
  let only: readonly CaseEvent[] = _NONE;
  for (const type of types) {
    const list = index.byType.get(type);
    if (list) {
      present++;
      only = list;
    }
  }
  // Of several types, all events: filtering them again would cost a list per call.
  return present <= 1 ? only : index.events;
}
