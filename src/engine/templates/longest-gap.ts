import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
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
    const marks = candidateEvents(ctx, mark).filter((e) => mark(e) && e.atMs > from.ms && e.atMs <= until.ms);
    const open = spec.until === 'end' ? until.eventId === undefined : spec.until === 'asOf';
    const points = [
      { id: from.eventId, day: from.day },
      ...marks.map((e) => ({ id: e.id as string | undefined, day: e.day })),
      { id: until.eventId, day: until.day },
    ];
    const { cited, ...measured } = measureRuns(ctx, points, interval, open);
    return { ...measured, eventIds: orderedIds(ctx, cited), marks: marks.length, measured: true };
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
  const { calendar, index } = ctx;
  const runs: Run[] = [];
  const cited = new Set<string>();
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    const paused = pausedIn(ctx, calendar.dayZero(a.day), b.day);
    for (const id of paused.eventIds) cited.add(id);
    runs.push({
      days: calendar.elapsedWorkingDays(a.day, b.day, index.paused),
      fromDate: isoDateFromDay(a.day),
      fromId: a.id,
      pausedWorkingDays: paused.days,
      toDate: isoDateFromDay(b.day),
      toId: b.id,
    });
  }
  let longest: Run | undefined;
  for (const r of runs) if (!longest || r.days > longest.days) longest = r;
  const lastMark = points[points.length - 2];
  // While the case is open, the current run is due to end (with a mark) by the end of the
  // interval's last working day after the last mark: once asOf is past that, the run has gone
  // over, even when asOf falls on a day that is not a working day, so that no more working days
  // have been counted yet (the same verdict on a Saturday as on the Monday).
  const dueDay = open && lastMark ? calendar.deadline(lastMark.day, interval, index.paused) : undefined;
  const overdue = dueDay !== undefined && ctx.asOfMs > endOfDayMs(dueDay, calendar.clock);
  const exceededRuns = runs.filter((r, i) => r.days > interval || (overdue && i === runs.length - 1));
  const dueAt = dueDay === undefined ? undefined : endOfDayIso(dueDay, calendar.clock);
  for (const p of points) if (p.id) cited.add(p.id);
  return {
    cited: [...cited],
    // The run still growing while the case is open (the last one).
    current: open ? runs[runs.length - 1] : undefined,
    dueAt,
    exceeded: exceededRuns.length,
    exceededRuns,
    interval,
    longest,
    open,
    overdue,
    runs: runs.length,
  };
}
