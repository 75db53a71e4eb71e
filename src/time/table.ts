/**
 * The working-day table over a range of years: one flag per day (working, weekend, holiday,
 * closure) and prefix sums of working days, so counts are two array reads and "the n-th working
 * day after" is a binary search. Built by integer iteration over day numbers.
 */
import { daysFromCivil, isoWeekdayOfDay } from './days.js';

/** @internal Day flags. @example table.flags[day - table.first] === WORKING */
export const WORKING = 0;
/** @internal @example WEEKEND */
export const WEEKEND = 1;
/** @internal @example HOLIDAY */
export const HOLIDAY = 2;
/** @internal @example CLOSURE */
export const CLOSURE = 3;
/** @internal The first year a table may cover. @example MIN_YEAR // 1900 */
export const MIN_YEAR = 1900;
/** @internal The last year a table may cover. @example MAX_YEAR // 2200 */
export const MAX_YEAR = 2200;

/**
 * @internal Throws RangeError unless `fromYear`..`toYear` is a valid range inside the supported years.
 * @example checkYears(2000, 2040)
 */
export function checkYears(fromYear: number, toYear: number): void {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Invalid calendar year range ${fromYear}-${toYear}`);
  }
  if (fromYear < MIN_YEAR || toYear > MAX_YEAR) {
    throw new RangeError(
      `The working calendar covers the years ${MIN_YEAR}-${MAX_YEAR}, not ${fromYear}-${toYear}`,
    );
  }
}

/** @internal What a table is built from, already resolved to day numbers. @example { weekend, holidays: [{ day: 19849, name: 'May Day' }], closures: [] } */
export type _TableInput = {
  /** weekend[isoWeekday] is true for weekend days (index 0 unused). */
  weekend: readonly boolean[];
  holidays: readonly { day: number; name: string }[];
  closures: readonly { from: number; to: number; reason: string | undefined }[];
};

/** @internal The table of one year range. @example buildTable(2024, 2024, input).prefix */
export type DayTable = {
  fromYear: number;
  toYear: number;
  first: number;
  last: number;
  flags: Uint8Array;
  /** prefix[i] = working days among the first i days of the table; length flags.length + 1. */
  prefix: Int32Array;
  /** Holiday names and closure reasons by day. */
  names: Map<number, string>;
  /** Sorted non-working days that are not weekend days. */
  special: Int32Array;
};

/**
 * @internal Builds the table of the years `fromYear`..`toYear`. A weekend day is flagged weekend
 * even when it is also a holiday or closed; a holiday inside a closure is flagged holiday.
 * @example buildTable(2024, 2024, { weekend: [false, false, false, false, false, false, true, true], holidays: [], closures: [] })
 */
export function buildTable(fromYear: number, toYear: number, input: _TableInput): DayTable {
  const first = daysFromCivil(fromYear, 1, 1);
  const last = daysFromCivil(toYear, 12, 31);
  const flags = new Uint8Array(last - first + 1);
  const names = new Map<number, string>();
  for (const c of input.closures) {
    for (let d = Math.max(c.from, first); d <= Math.min(c.to, last); d++) {
      flags[d - first] = CLOSURE;
      if (c.reason !== undefined) names.set(d, c.reason);
    }
  }
  for (const h of input.holidays) {
    if (h.day < first || h.day > last) continue;
    flags[h.day - first] = HOLIDAY;
    names.set(h.day, h.name);
  }
  const prefix = new Int32Array(flags.length + 1);
  const special: number[] = [];
  for (let i = 0; i < flags.length; i++) {
    if (input.weekend[isoWeekdayOfDay(first + i)]) {
      flags[i] = WEEKEND;
      names.delete(first + i);
    } else if (flags[i] !== WORKING) special.push(first + i);
    prefix[i + 1] = (prefix[i] ?? 0) + (flags[i] === WORKING ? 1 : 0);
  }
  return { fromYear, toYear, first, last, flags, prefix, names, special: Int32Array.from(special) };
}

/**
 * @internal Working days from the table's first day up to and including `day` (inside the table).
 * @example countTo(table, table.first) // 1 or 0
 */
export function countTo(t: DayTable, day: number): number {
  return t.prefix[day - t.first + 1] ?? 0;
}

/**
 * @internal The first day whose `countTo` reaches `target`, searching after `afterDay`
 * (`countTo(afterDay) < target`); undefined when the table ends first.
 * @example firstDayReaching(table, countTo(table, day) + 3, day) // the 3rd working day after day
 */
export function firstDayReaching(t: DayTable, target: number, afterDay: number): number | undefined {
  let hi = t.flags.length;
  if ((t.prefix[hi] ?? 0) < target) return undefined;
  let lo = afterDay - t.first + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((t.prefix[mid] ?? 0) >= target) hi = mid;
    else lo = mid;
  }
  return t.first + hi - 1;
}

/**
 * @internal Index in `special` of the first day after `day`.
 * @example specialAfter(table, day)
 */
export function specialAfter(t: DayTable, day: number): number {
  let lo = 0;
  let hi = t.special.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((t.special[mid] ?? 0) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
