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
  return `${_WEEKDAYS[isoWeekdayOfDay(day) - 1]} ${dayOfMonth} ${_MONTHS[month - 1]} ${year}`;
}

/**
 * A day number as "Tue 7 May" (no year).
 * @example
 * formatDayShort(dayFromIsoDate('2024-05-07')); // 'Tue 7 May'
 */
export function formatDayShort(day: number): string {
  const [, month, dayOfMonth] = civilFromDays(day);
  return `${_WEEKDAYS[isoWeekdayOfDay(day) - 1]} ${dayOfMonth} ${_MONTHS[month - 1]}`;
}
