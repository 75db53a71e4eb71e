/**
 * The time module: instants and zones (instant.ts), local day numbers (days.ts), public holidays
 * (holidays.ts), the working-day calendar (calendar.ts) and day formatting (format.ts).
 * @example
 * import { createCalendar, parseInstant } from './time/index.js';
 */
export type {
  CalendarOptions,
  NonWorkingDay,
  NonWorkingReason,
  PausedDays,
  WorkingCalendar,
} from './calendar.js';
export { createCalendar } from './calendar.js';
export { dayFromIsoDate, isoDateFromDay, isoWeekdayOfDay, yearOfDay } from './days.js';
export { formatDay, formatDayShort } from './format.js';
export type { Holiday, HolidaySource } from './holidays.js';
export { resolvePublicHolidays } from './holidays.js';
export type { ParsedInstant } from './instant.js';
export { formatInstant, isLocalMidnight, localDayOf, parseInstant, startOfDayMs } from './instant.js';
