/**
 * Local day numbers: whole days since 1970-01-01 of a calendar date (Thursday 1970-01-01 = 0).
 * Pure integer arithmetic on the proleptic Gregorian calendar; no Date, no library, no time zone.
 */
import { requireString } from '../model/usage-error.js';

/** The number the decimal digits `text[from..to)` spell, or -1 when one is not a digit. */
function _digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}
const _DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** @internal True for Gregorian leap years. @example _isLeapYear(2100) // false */
function _isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** @internal Number of days in `month` (1-12) of `year`. @example daysInMonth(2024, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && _isLeapYear(year) ? 29 : (_DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * @internal Day number of a civil date (H. Hinnant's days_from_civil); no validation.
 * @example daysFromCivil(2024, 5, 7) // 19850
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * @internal Civil date of a day number (H. Hinnant's civil_from_days).
 * @example civilFromDays(19850) // [2024, 5, 7]
 */
export function civilFromDays(dayNumber: number): [year: number, month: number, day: number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** @internal Zero-pads a non-negative integer to `width` digits. @example pad(7) // '07' */
export function pad(value: number, width = 2): string {
  if (width === 2 && value >= 0 && value < 100) return _TWO_DIGITS[value] as string;
  return String(value).padStart(width, '0');
}

/**
 * Day number of an ISO calendar date `YYYY-MM-DD`.
 * @throws RangeError when the string is not `YYYY-MM-DD` or names a date that does not exist.
 * @example
 * dayFromIsoDate('1970-01-01'); // 0
 * dayFromIsoDate('2024-05-07'); // 19850
 */
export function dayFromIsoDate(iso: string): number {
  requireString('dayFromIsoDate', iso, 'iso', "dayFromIsoDate('2024-05-07')");
  // Read digit by digit rather than by a regular expression: explanations parse every date they
  // name, and this allocates nothing.
  const year = iso.length === 10 && iso[4] === '-' && iso[7] === '-' ? _digits(iso, 0, 4) : -1;
  const month = _digits(iso, 5, 7);
  const day = _digits(iso, 8, 10);
  if (year < 0 || month < 0 || day < 0) throw new RangeError(`"${iso}" is not a date in the form YYYY-MM-DD`);
  if (month < 1 || month > 12)
    throw new RangeError(`"${iso}" is not a valid date: month ${month} does not exist`);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`"${iso}" is not a valid date: day ${day} does not exist in that month`);
  }
  return daysFromCivil(year, month, day);
}

/**
 * ISO calendar date `YYYY-MM-DD` of a day number (years 0000-9999).
 * @example
 * isoDateFromDay(19850); // '2024-05-07'
 */
export function isoDateFromDay(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return pad(y, 4) + (_MONTH_PARTS[m] as string) + (_TWO_DIGITS[d] as string);
}

// Made once: a date's text is then joined from three parts (two new strings) instead of built
// from five (seven), which was a tenth of what judging a case allocated.
const _TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const _MONTH_PARTS: readonly string[] = _TWO_DIGITS.slice(0, 13).map((mm) => `-${mm}-`);

/**
 * ISO weekday of a day number: 1 = Monday ... 7 = Sunday.
 * @example
 * isoWeekdayOfDay(0); // 4 (Thursday 1970-01-01)
 * isoWeekdayOfDay(dayFromIsoDate('2024-05-07')); // 2 (Tuesday)
 */
export function isoWeekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * Calendar year of a day number.
 * @example
 * yearOfDay(dayFromIsoDate('2024-12-31')); // 2024
 */
export function yearOfDay(day: number): number {
  return civilFromDays(day)[0];
}
