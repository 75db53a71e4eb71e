/** Human-readable local days for explanations, in English, by pure arithmetic (no locale, no zone). */
import { civilFromDays, isoWeekdayOfDay } from './days.js';

const _WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const _MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * A day number as "Tue 7 May 2024".
 * @example
 * formatDay(dayFromIsoDate('2024-05-07')); // 'Tue 7 May 2024'
 */
export function formatDay(day: number): string {
  const [year, month, dayOfMonth] = civilFromDays(day);
  return `${_weekdayPart(day)}${_DAY_MONTH_PARTS[month * 32 + dayOfMonth]} ${year}`;
}

/**
 * A day number as "Tue 7 May" (no year).
 * @example
 * formatDayShort(dayFromIsoDate('2024-05-07')); // 'Tue 7 May'
 */
export function formatDayShort(day: number): string {
  const [, month, dayOfMonth] = civilFromDays(day);
  return `${_weekdayPart(day)}${_DAY_MONTH_PARTS[month * 32 + dayOfMonth]}`;
}

// Made once ("Tue ", "7 May" by month * 32 + day): a day's text is then joined from three parts
// rather than built from seven, and explanations name hundreds of days per case.
const _WEEKDAY_PARTS: readonly string[] = _WEEKDAYS.map((w) => `${w} `);
const _DAY_MONTH_PARTS: readonly string[] = Array.from(
  { length: 13 * 32 },
  (_, i) => `${i % 32} ${_MONTHS[Math.floor(i / 32) - 1]}`,
);
const _weekdayPart = (day: number) => _WEEKDAY_PARTS[isoWeekdayOfDay(day) - 1] as string;
