/** The public types of the working calendar (implemented in calendar.ts). */
import type { Holiday, HolidaySource } from './holidays.js';
import type { PausedDays } from './paused.js';
import type { ZoneClock } from './zone-clock.js';

/**
 * How the working calendar is configured. Dates are local `YYYY-MM-DD`; closures are inclusive.
 * @example
 * const options: CalendarOptions = {
 *   zone: 'Europe/London',
 *   holidays: { country: 'GB', state: 'SCT' },
 *   closures: [{ from: '2025-12-24', to: '2026-01-02', reason: 'Festive closure' }],
 * };
 */
export type CalendarOptions = {
  zone: string;
  holidays: HolidaySource;
  extraHolidays?: { date: string; name?: string }[];
  closures?: { from: string; to: string; reason?: string }[];
  /** ISO weekdays that are never working days (1 = Monday ... 7 = Sunday); default [6, 7]. */
  weekend?: number[];
  /** Day 0 counts as working day 1 (default false). */
  countReceiptDay?: boolean;
  /** Paused days are left out of working-day counts (default true; false for procedures without a clock stop). */
  pausesStopClocks?: boolean;
  /**
   * Initial table range in years, inclusive, built at once; by default the table is built on the
   * first query for the years around it (and `holidays()` covers 2000-2040 at least).
   */
  years?: [number, number];
};

/**
 * Why a day is not a working day (a weekend day is reported as `weekend` even if also a holiday).
 * @example { kind: 'holiday', name: 'Early May bank holiday' }
 */
export type NonWorkingReason = { kind: 'weekend' | 'holiday' | 'closure'; name?: string };
/** A non-working day with its reason. @example { day: 19849, kind: 'holiday', name: 'Early May bank holiday' } */
export type NonWorkingDay = { day: number } & NonWorkingReason;

/**
 * Working-day arithmetic on local day numbers (see days.ts) in one zone; made by `createCalendar`.
 * @example
 * const met = answerDay <= cal.deadline(receivedDay, 5, cal.pausedDaysFrom(pauses));
 */
export interface WorkingCalendar {
  /** The IANA zone whose local calendar dates the day numbers are. */
  readonly zone: string;
  /** The zone's clock: its UTC offsets, remembered per day for the instants this calendar reads. */
  readonly clock: ZoneClock;
  /** Whether day 0 counts as working day 1. */
  readonly countReceiptDay: boolean;
  /** Whether paused days are left out of counts (a case's pauses are ignored when false). */
  readonly pausesStopClocks: boolean;
  /** @example cal.isWorkingDay(dayFromIsoDate('2024-05-06')) // false (Early May bank holiday) */
  isWorkingDay(day: number): boolean;
  /** @example cal.nonWorkingReason(dayFromIsoDate('2024-05-06')) // { kind: 'holiday', name: 'Early May bank holiday' } */
  nonWorkingReason(day: number): NonWorkingReason | undefined;
  /** The day itself if a working day, else the next working day. @example cal.dayZero(sat) // the Monday */
  dayZero(day: number): number;
  /** Working days in (fromExclusive, toInclusive]; 0 when to <= from. @example cal.workingDaysBetween(fri, mon) // 1 */
  workingDaysBetween(fromExclusive: number, toInclusive: number): number;
  /** Working days in (fromExclusive, toInclusive] that are paused. @example cal.countPausedWorkingDays(a, b, [[c, d]]) */
  countPausedWorkingDays(fromExclusive: number, toInclusive: number, paused: PausedDays): number;
  /**
   * Working days in (day0, endDay] less paused ones, plus 1 with countReceiptDay; 0 when endDay < day0.
   * @example cal.elapsedWorkingDays(dayFromIsoDate('2024-05-01'), dayFromIsoDate('2024-05-08')) // 4
   */
  elapsedWorkingDays(startDay: number, endDay: number, paused?: PausedDays): number;
  /**
   * The day at whose end "within n working days of startDay" expires: the first day D >= day0 with
   * elapsedWorkingDays(startDay, D, paused) >= n. Met iff the answer's day <= deadline.
   * @example cal.deadline(dayFromIsoDate('2024-05-01'), 3) // dayFromIsoDate('2024-05-07')
   */
  deadline(startDay: number, n: number, paused?: PausedDays): number;
  /** Holidays and closures (not weekend days) in (from, to], sorted. @example cal.nonWorkingDaysBetween(a, b) */
  nonWorkingDaysBetween(fromExclusive: number, toInclusive: number): NonWorkingDay[];
  /**
   * The same days as {@link WorkingCalendar.nonWorkingDaysBetween}, as ISO dates only (without
   * building a description of each). @example cal.nonWorkingDatesBetween(a, b) // ['2024-05-06']
   */
  nonWorkingDatesBetween(fromExclusive: number, toInclusive: number): string[];
  /** Public and extra holidays of the years the table covers now (and of `years`, or 2000-2040). @example cal.holidays() */
  holidays(): Holiday[];
  /** Public and extra holidays of the years given. @example cal.holidaysInYears(2025, 2026) */
  holidaysInYears(fromYear: number, toYear: number): Holiday[];
  /**
   * Whole local days between each pause and its resume (see paused.ts), merged.
   * @example cal.pausedDaysFrom([{ pausedAtMs, resumedAtMs }]) // [[firstDay, lastDay]]
   */
  pausedDaysFrom(intervals: { pausedAtMs: number; resumedAtMs: number }[]): PausedDays;
}
