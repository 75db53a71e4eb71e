/**
 * Paused days: the inclusive intervals of local days during which a case was paused. A day is
 * paused when its whole local calendar day lies between a pause and the next resume.
 */
import { isLocalMidnight, localDayOf } from './instant.js';
import { clockOf, type Zone } from './zone-clock.js';

/** Sorted, non-overlapping, inclusive intervals of paused day numbers. @example [[19846, 19851]] */
export type PausedDays = readonly (readonly [number, number])[];

/**
 * @internal Sorts intervals, drops empty ones and merges overlapping or adjacent ones.
 * @example mergePaused([[5, 6], [1, 3], [4, 4]]) // [[1, 6]]
 */
export function mergePaused(paused: PausedDays): [number, number][] {
  const sorted = paused.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const top = merged[merged.length - 1];
    if (top !== undefined && a <= top[1] + 1) top[1] = Math.max(top[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/**
 * @internal `paused` itself when already sorted and disjoint (the usual case), else merged.
 * @example normalizePaused([[1, 2], [4, 5]]) // the same array
 */
export function normalizePaused(paused: PausedDays): PausedDays {
  for (let i = 0; i < paused.length; i++) {
    const span = paused[i] as readonly [number, number];
    const previous = paused[i - 1];
    if (span[0] > span[1] || (previous !== undefined && previous[1] >= span[0])) return mergePaused(paused);
  }
  return paused;
}

/** What an event is to the pause rule: a pause, a resume, a closure, or nothing. */
export type PauseEventKind = 'paused' | 'resumed' | 'closed' | undefined;

/** One pause: when it began and ended, and the ids of the events that began and ended it. */
export interface PauseInterval {
  pausedAtMs: number;
  resumedAtMs: number;
  /** The `case.paused` id, and the `case.resumed` id when a resume ended it. */
  ids: string[];
}

/**
 * The pauses of a case (`indicators.md`, "Time"): each runs from a `case.paused` to the next
 * `case.resumed` or the case's first closure, whichever comes first; one with neither ends at
 * `asOfMs`. A pause while paused, or a resume while not, changes nothing; a pause that starts
 * after the first closure counts for nothing, even if the case is later reopened.
 * @param events the case's events in time order (after asOf ones are left out).
 * @example
 * pauseIntervals(
 *   [{ id: 'p', atMs: 1 }, { id: 'c', atMs: 5 }, { id: 'p2', atMs: 7 }],
 *   (e) => (e.id.startsWith('p') ? 'paused' : 'closed'),
 *   10,
 * ); // [{ pausedAtMs: 1, resumedAtMs: 5, ids: ['p'] }]
 */
export function pauseIntervals<E extends { readonly id: string; readonly atMs: number }>(
  events: readonly E[],
  kindOf: (event: E) => PauseEventKind,
  asOfMs: number,
): PauseInterval[] {
  const out: PauseInterval[] = [];
  let pausedBy: E | undefined;
  for (const e of events) {
    const kind = kindOf(e);
    if (kind === 'closed') {
      if (pausedBy !== undefined)
        out.push({ pausedAtMs: pausedBy.atMs, resumedAtMs: e.atMs, ids: [pausedBy.id] });
      return out;
    }
    if (kind === 'paused' && pausedBy === undefined) pausedBy = e;
    else if (kind === 'resumed' && pausedBy !== undefined) {
      out.push({ pausedAtMs: pausedBy.atMs, resumedAtMs: e.atMs, ids: [pausedBy.id, e.id] });
      pausedBy = undefined;
    }
  }
  if (pausedBy !== undefined)
    out.push({ pausedAtMs: pausedBy.atMs, resumedAtMs: asOfMs, ids: [pausedBy.id] });
  return out;
}

/**
 * @internal Whole local days between each pause and its resume, in `zone`: the first is the
 * pause's own day when it starts exactly at local midnight, else the next day; the last is the day
 * before the resume's day. Empty intervals are dropped; overlaps merged.
 * @example
 * // paused Wed 1 May 2024 14:00 BST, resumed Mon 6 May 10:00 BST: Thu 2 .. Sun 5 May
 * pausedDaysFromIntervals([{ pausedAtMs: Date.parse('2024-05-01T13:00Z'), resumedAtMs: Date.parse('2024-05-06T09:00Z') }], 'Europe/London');
 */
export function pausedDaysFromIntervals(
  intervals: readonly { pausedAtMs: number; resumedAtMs: number }[],
  zone: Zone,
): PausedDays {
  const clock = clockOf(zone);
  const days: [number, number][] = [];
  for (const { pausedAtMs, resumedAtMs } of intervals) {
    if (!Number.isFinite(pausedAtMs) || !Number.isFinite(resumedAtMs)) {
      throw new RangeError(`Invalid pause interval ${pausedAtMs}-${resumedAtMs}`);
    }
    if (resumedAtMs <= pausedAtMs) continue;
    const pausedDay = localDayOf(pausedAtMs, clock);
    const first = isLocalMidnight(pausedAtMs, clock) ? pausedDay : pausedDay + 1;
    const last = localDayOf(resumedAtMs, clock) - 1;
    if (first <= last) days.push([first, last]);
  }
  return mergePaused(days);
}
