/**
 * The working-day calendar of one zone: working days, day 0, elapsed working days and deadlines on
 * local day numbers. Queries read a prebuilt table (see table.ts), rebuilt wider when a day outside
 * it is asked for: O(1) or O(log n) per call, plus O(k) in the number of pause intervals.
 */
import { requireObject } from '../model/usage-error.js';
import type { CalendarOptions, NonWorkingDay, NonWorkingReason, WorkingCalendar } from './calendar-types.js';
import { dayFromIsoDate, isoDateFromDay, yearOfDay } from './days.js';
import { checkHolidaySource, type Holiday, type HolidaySource, resolvePublicHolidays } from './holidays.js';
import { normalizePaused, type PausedDays, pausedDaysFromIntervals } from './paused.js';
import {
  buildTable,
  checkYears,
  countTo,
  type DayTable,
  firstDayReaching,
  HOLIDAY,
  MAX_YEAR,
  MIN_YEAR,
  specialAfter,
  WEEKEND,
  WORKING,
} from './table.js';
import { createZoneClock, type ZoneClock } from './zone-clock.js';

export type { CalendarOptions, NonWorkingDay, NonWorkingReason, WorkingCalendar } from './calendar-types.js';
export type { PausedDays } from './paused.js';

/** Years added beyond the day asked for when a table is built or grown. */
const _GROW_YEARS = 2;
/** The years `holidays()` covers at least when no `years` are given. */
const _DEFAULT_YEARS: readonly [number, number] = [2000, 2040];
const _EXTRA_NAME = 'Extra holiday';
/** No paused days (shared: it is only read). */
const _NO_PAUSES: PausedDays = Object.freeze([]);

class _Calendar implements WorkingCalendar {
  readonly zone: string;
  readonly clock: ZoneClock;
  readonly countReceiptDay: boolean;
  readonly pausesStopClocks: boolean;
  readonly #source: HolidaySource;
  readonly #extras: { day: number; date: string; name: string }[];
  readonly #closures: { from: number; to: number; reason: string | undefined }[];
  readonly #weekend: boolean[];
  /** The years given (or the default), which `holidays()` covers at least. */
  readonly #years: readonly [number, number];
  /** Built on the first query (around the day asked for) unless `years` were given. */
  #t: DayTable | undefined;

  constructor(options: CalendarOptions) {
    this.clock = createZoneClock(options.zone); // throws for an unknown zone
    this.zone = options.zone;
    this.countReceiptDay = options.countReceiptDay ?? false;
    this.pausesStopClocks = options.pausesStopClocks ?? true;
    this.#source = options.holidays;
    this.#extras = (options.extraHolidays ?? []).map((h) => ({
      day: dayFromIsoDate(h.date),
      date: h.date,
      name: h.name ?? _EXTRA_NAME,
    }));
    this.#closures = (options.closures ?? []).map((c) => {
      const from = dayFromIsoDate(c.from);
      const to = dayFromIsoDate(c.to);
      if (to < from) throw new RangeError(`Closure ends (${c.to}) before it starts (${c.from})`);
      return { from, to, reason: c.reason };
    });
    const weekend = options.weekend ?? [6, 7];
    this.#weekend = Array.from({ length: 8 }, (_, d) => weekend.includes(d)); // a weekend naming 0 is refused below
    if (
      weekend.some((d) => !Number.isInteger(d) || d < 1 || d > 7) ||
      this.#weekend.filter(Boolean).length === 7
    ) {
      throw new RangeError(`Invalid weekend [${weekend.join(', ')}]: ISO weekdays 1-7, leaving at least one`);
    }
    const [fromYear, toYear] = options.years ?? _DEFAULT_YEARS;
    checkYears(fromYear, toYear);
    this.#years = [fromYear, toYear];
    if (options.years) {
      this.#t = this.#build(fromYear, toYear);
    } else {
      // The table waits for the first query, which says which years are needed; the holiday
      // source must still be one that can be used.
      checkHolidaySource(this.#source);
      this.#t = undefined;
    }
  }

  #build(fromYear: number, toYear: number): DayTable {
    const holidays = this.holidaysInYears(fromYear, toYear).map((h) => ({
      day: dayFromIsoDate(h.date),
      name: h.name,
    }));
    return buildTable(fromYear, toYear, { weekend: this.#weekend, holidays, closures: this.#closures });
  }

  /** The table, rebuilt wider first when `lo`..`hi` is not inside it. */
  #ensure(lo: number, hi: number = lo): DayTable {
    const t = this.#t;
    if (t !== undefined && lo >= t.first && hi <= t.last && Number.isInteger(lo) && Number.isInteger(hi))
      return t;
    if (!Number.isInteger(lo) || !Number.isInteger(hi))
      throw new RangeError(`Not a day number: ${lo}, ${hi}`);
    const yLo = yearOfDay(lo);
    const yHi = yearOfDay(hi);
    if (t === undefined) {
      checkYears(yLo, yHi);
      this.#t = this.#build(Math.max(MIN_YEAR, yLo - _GROW_YEARS), Math.min(MAX_YEAR, yHi + _GROW_YEARS));
      return this.#t;
    }
    checkYears(Math.min(yLo, t.fromYear), Math.max(yHi, t.toYear));
    const fromYear = lo < t.first ? Math.max(MIN_YEAR, yLo - _GROW_YEARS) : t.fromYear;
    const toYear = hi > t.last ? Math.min(MAX_YEAR, yHi + _GROW_YEARS) : t.toYear;
    this.#t = this.#build(fromYear, toYear);
    return this.#t;
  }

  /** The day on which the `need`-th working day after `day` falls (need >= 1). */
  #nthWorkingDayAfter(day: number, need: number): number {
    let t = this.#ensure(day);
    const target = countTo(t, day) + need;
    let found = firstDayReaching(t, target, day);
    while (found === undefined) {
      t = this.#ensure(t.last + 1);
      found = firstDayReaching(t, target, day);
    }
    return found;
  }

  isWorkingDay(day: number): boolean {
    const t = this.#ensure(day);
    return t.flags[day - t.first] === WORKING;
  }

  nonWorkingReason(day: number): NonWorkingReason | undefined {
    const t = this.#ensure(day);
    const flag = t.flags[day - t.first];
    if (flag === WORKING) return undefined;
    if (flag === WEEKEND) return { kind: 'weekend' };
    const name = t.names.get(day);
    const kind = flag === HOLIDAY ? 'holiday' : 'closure';
    return name === undefined ? { kind } : { kind, name };
  }

  dayZero(day: number): number {
    return this.isWorkingDay(day) ? day : this.#nthWorkingDayAfter(day, 1);
  }

  workingDaysBetween(fromExclusive: number, toInclusive: number): number {
    if (toInclusive <= fromExclusive) return 0;
    const t = this.#ensure(fromExclusive, toInclusive);
    return countTo(t, toInclusive) - countTo(t, fromExclusive);
  }

  countPausedWorkingDays(fromExclusive: number, toInclusive: number, paused: PausedDays): number {
    let count = 0;
    const spans = normalizePaused(paused);
    // Indexed, not destructured in a for-of: this runs for every measure, and the iterator
    // protocol made objects where V8 did not optimise it away.
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i] as readonly [number, number];
      if (span[0] > toInclusive) break;
      count += this.workingDaysBetween(Math.max(fromExclusive, span[0] - 1), Math.min(toInclusive, span[1]));
    }
    return count;
  }

  elapsedWorkingDays(startDay: number, endDay: number, paused: PausedDays = _NO_PAUSES): number {
    const day0 = this.dayZero(startDay);
    if (endDay < day0) return 0;
    const counted = this.workingDaysBetween(day0, endDay) - this.countPausedWorkingDays(day0, endDay, paused);
    return counted + (this.countReceiptDay ? 1 : 0);
  }

  deadline(startDay: number, n: number, paused: PausedDays = _NO_PAUSES): number {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Invalid number of working days: ${n}`);
    const day0 = this.dayZero(startDay);
    let need = n - (this.countReceiptDay ? 1 : 0);
    if (need <= 0) return day0;
    let cur = day0; // every working day in (day0, cur] is counted or paused
    const spans = normalizePaused(paused);
    for (let i = 0; i < spans.length; i++) {
      const [a, b] = spans[i] as readonly [number, number];
      if (b <= cur) continue;
      const available = this.workingDaysBetween(cur, a - 1);
      if (available >= need) break;
      need -= available;
      cur = b;
    }
    return this.#nthWorkingDayAfter(cur, need);
  }

  nonWorkingDaysBetween(fromExclusive: number, toInclusive: number): NonWorkingDay[] {
    if (toInclusive <= fromExclusive) return [];
    const t = this.#ensure(fromExclusive, toInclusive);
    const out: NonWorkingDay[] = [];
    for (let i = specialAfter(t, fromExclusive); i < t.special.length; i++) {
      const day = t.special[i] ?? 0;
      if (day > toInclusive) break;
      out.push({ day, ...(this.nonWorkingReason(day) as NonWorkingReason) });
    }
    return out;
  }

  nonWorkingDatesBetween(fromExclusive: number, toInclusive: number): string[] {
    const out: string[] = [];
    if (toInclusive <= fromExclusive) return out;
    const t = this.#ensure(fromExclusive, toInclusive);
    for (let i = specialAfter(t, fromExclusive); i < t.special.length; i++) {
      const day = t.special[i] ?? 0;
      if (day > toInclusive) break;
      out.push(isoDateFromDay(day));
    }
    return out;
  }

  holidays(): Holiday[] {
    const t = this.#t;
    const [fromYear, toYear] = this.#years;
    return t === undefined
      ? this.holidaysInYears(fromYear, toYear)
      : this.holidaysInYears(Math.min(fromYear, t.fromYear), Math.max(toYear, t.toYear));
  }

  holidaysInYears(fromYear: number, toYear: number): Holiday[] {
    const all = resolvePublicHolidays(this.#source, fromYear, toYear);
    const seen = new Set(all.map((h) => h.date));
    for (const h of this.#extras) {
      const year = yearOfDay(h.day);
      if (year < fromYear || year > toYear || seen.has(h.date)) continue;
      seen.add(h.date);
      all.push({ date: h.date, name: h.name });
    }
    return all.sort((a, b) => (a.date < b.date ? -1 : 1)); // no two share a date (seen above)
  }

  pausedDaysFrom(intervals: { pausedAtMs: number; resumedAtMs: number }[]): PausedDays {
    return pausedDaysFromIntervals(intervals, this.clock);
  }
}

/**
 * Creates a working calendar. An unknown zone, holiday code or malformed date throws here. The
 * table for `years` is built at once when they are given; without them it is built on the first
 * query, for the years around the days asked for, and grows as needed (so only the holidays of
 * those years are computed); `holidays()` covers 2000-2040 at least. Days outside 1900-2200
 * throw RangeError.
 * @example
 * const cal = createCalendar({ zone: 'Europe/London', holidays: { country: 'GB', state: 'SCT' } });
 * cal.deadline(dayFromIsoDate('2024-05-01'), 3); // dayFromIsoDate('2024-05-07') (Mon 6 May is a holiday)
 * cal.elapsedWorkingDays(dayFromIsoDate('2024-05-01'), dayFromIsoDate('2024-05-08')); // 4
 */
export function createCalendar(options: CalendarOptions): WorkingCalendar {
  requireObject(
    'createCalendar',
    options,
    'options',
    "createCalendar({ zone: 'Europe/London', holidays: { country: 'GB', state: 'SCT' } })",
  );
  return new _Calendar(options);
}
