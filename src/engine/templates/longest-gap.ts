import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
import type { CaseEvent } from '../case-event.js';
import {
  anchorPoint,
  candidateEvents,
  endOfDayIso,
  endOfDayMs,
  type FactContext,
  type FactFn,
  orderedIds,
  pausedIn,
  resolveWorkingDays,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter } from '../filter.js';

type Spec = Extract<FactSpec, { template: 'longestGap' }>;

/** A run between two marks (or a mark and an anchor), in elapsed working days. */
export interface Run {
  days: number;
  /** Paused working days left out of the run. */
  pausedWorkingDays: number;
  fromId?: string;
  fromDate: string;
  toId?: string;
  toDate: string;
}

/**
 * The longest run without a matching event between two anchors, paused days excluded (each run
 * counts them; the pauses that removed any are cited) (`docs/engine.md`, longestGap). While the
 * end is `asOf` the last run is still growing: `dueAt` is when it would exceed the interval.
 */
export function compileLongestGap(spec: Spec, scope: TemplateScope): FactFn {
  const mark = compileFilter(spec.marks, scope);
  const interval = resolveWorkingDays(spec.interval, scope.params);
  return (ctx) => {
    const from = anchorPoint(ctx, spec.from);
    const until = anchorPoint(ctx, spec.until);
    if (!from || !until) {
      return {
        eventIds: [],
        exceeded: 0,
        exceededRuns: [],
        interval,
        marks: 0,
        measured: false,
        runs: 0,
      };
    }
    // Only asOf (as itself, or as the end of a case not yet concluded) is no event.
    const open = until.eventId === undefined;
    const points: RunPoint[] = [{ id: from.eventId, day: from.day }];
    const events = candidateEvents(ctx, mark);
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as CaseEvent;
      if (mark(e) && e.atMs > from.ms && e.atMs <= until.ms) points.push({ id: e.id, day: e.day });
    }
    points.push({ id: until.eventId, day: until.day });
    const { cited, ...measured } = measureRuns(ctx, points, interval, open);
    return { ...measured, eventIds: orderedIds(ctx, cited), marks: points.length - 2, measured: true };
  };
}

/** A point a run starts or ends at: an event (none for `asOf`) and its local day. */
export interface RunPoint {
  readonly id?: string | undefined;
  readonly day: number;
}

/**
 * The runs between consecutive points in elapsed working days, paused days excluded, the
 * longest, and those over `interval`. While `open` (the last point is `asOf`) the last run is
 * still growing (`current`): `dueAt` is when it would exceed the interval, and once `asOf` is
 * past it (`overdue`) the run has gone over.
 */
export function measureRuns(ctx: FactContext, points: readonly RunPoint[], interval: number, open: boolean) {
  const { calendar } = ctx;
  // Ids in any order, repeats included: callers put them in time order once (orderedIds, which
  // leaves out ids of no event).
  // Stryker disable next-line ArrayDeclaration: an id of no event is left out of the evidence
  const cited: string[] = [];
  const lastMark = points[points.length - 2];
  // While the case is open, the current run is due to end (with a mark) by the end of the
  // interval's last working day after the last mark: once asOf is past that, the run has gone
  // over, even when asOf falls on a day that is not a working day, so that no more working days
  // have been counted yet (the same verdict on a Saturday as on the Monday).
  const dueDay = open && lastMark ? calendar.deadline(lastMark.day, interval, ctx.index.paused) : undefined;
  // Stryker disable next-line ConditionalExpression: the end of no day is NaN, never before asOf
  const overdue = dueDay !== undefined && ctx.asOfMs > endOfDayMs(dueDay, calendar.clock);
  // A run is written out only where the value shows it (the longest, the current, those over
  // the interval): most runs of a long case are none of these.
  const exceededRuns: Run[] = [];
  const dayCounts: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const days = _runDays(ctx, points, i, cited);
    dayCounts.push(days);
    if (days > interval || (overdue && i === points.length - 1)) exceededRuns.push(_run(ctx, points, i));
  }
  // The first of the longest runs (every caller passes a start and an end: one run at least).
  const longest = dayCounts.indexOf(dayCounts.reduce((a, b) => Math.max(a, b), 0)) + 1;
  // Stryker disable next-line ConditionalExpression: asOf's point has no id, and ids of no event are left out
  for (const p of points) if (p.id) cited.push(p.id);
  const runs = points.length - 1;
  return {
    cited,
    // The run still growing while the case is open (the last one).
    current: open ? _run(ctx, points, runs) : undefined,
    dueAt: dueDay === undefined ? undefined : endOfDayIso(dueDay, calendar.clock),
    exceeded: exceededRuns.length,
    exceededRuns,
    interval,
    longest: _run(ctx, points, longest),
    open,
    overdue,
    runs,
  };
}

/** The elapsed working days of the run ending at point `i`; the pauses that removed any are added to `cited`. */
function _runDays(ctx: FactContext, points: readonly RunPoint[], i: number, cited: string[]): number {
  const { calendar, index } = ctx;
  const a = points[i - 1] as RunPoint;
  const b = points[i] as RunPoint;
  const paused = pausedIn(ctx, calendar.dayZero(a.day), b.day);
  for (const id of paused.eventIds) cited.push(id);
  return calendar.elapsedWorkingDays(a.day, b.day, index.paused);
}

/** The run ending at point `i`. */
function _run(ctx: FactContext, points: readonly RunPoint[], i: number): Run {
  const { calendar, index } = ctx;
  const a = points[i - 1] as RunPoint;
  const b = points[i] as RunPoint;
  return {
    days: calendar.elapsedWorkingDays(a.day, b.day, index.paused),
    fromDate: isoDateFromDay(a.day),
    fromId: a.id,
    pausedWorkingDays: pausedIn(ctx, calendar.dayZero(a.day), b.day).days,
    toDate: isoDateFromDay(b.day),
    toId: b.id,
  };
}
