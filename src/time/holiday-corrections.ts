/**
 * Bank holidays as proclaimed, where date-holidays differs: one-off changes made by Royal
 * Proclamation under the Banking and Financial Dealings Act 1971 (s.1(3)) for the whole United
 * Kingdom. Applied on top of date-holidays (and of the precomputed table generated from it) for
 * every `GB` source, and listed in the report's `meta.calendar.holidayCorrections`.
 *
 * Every UK one-off change since 2000 was checked against date-holidays 3.37.0: the 2020 VE day
 * move (8 May), the 2022 platinum jubilee (2 and 3 June), the 19 September 2022 state funeral
 * and the 8 May 2023 coronation are right in it; the three below are not.
 */
import type { Holiday } from './holidays.js';

/** A proclaimed change date-holidays lacks: a holiday it should `add`, or one to `remove`. */
export interface HolidayCorrection {
  /** date-holidays country code the correction applies to (every state and region of it). */
  country: string;
  date: string;
  name: string;
  change: 'add' | 'remove';
  /** Where it was proclaimed or published. */
  source: string;
}

const _GOLDEN_JUBILEE =
  'Royal Proclamation for the Golden Jubilee: spring bank holiday moved from 27 May to 4 June 2002, and 3 June 2002 an additional bank holiday (UK)';
const _ROYAL_WEDDING =
  'Royal Proclamation for the wedding of Prince William and Catherine Middleton: 29 April 2011 a bank holiday (UK)';
const _DIAMOND_JUBILEE =
  'Royal Proclamation for the Diamond Jubilee: spring bank holiday moved from 28 May to 4 June 2012, with 5 June 2012 an additional bank holiday (UK), as listed at https://www.gov.uk/bank-holidays';

/** The corrections, by date. */
export const HOLIDAY_CORRECTIONS: readonly HolidayCorrection[] = [
  {
    country: 'GB',
    date: '2002-05-27',
    name: 'Spring bank holiday',
    change: 'remove',
    source: _GOLDEN_JUBILEE,
  },
  { country: 'GB', date: '2002-06-03', name: 'Golden Jubilee', change: 'add', source: _GOLDEN_JUBILEE },
  { country: 'GB', date: '2002-06-04', name: 'Spring bank holiday', change: 'add', source: _GOLDEN_JUBILEE },
  { country: 'GB', date: '2011-04-29', name: 'Royal wedding', change: 'add', source: _ROYAL_WEDDING },
  {
    country: 'GB',
    date: '2012-05-28',
    name: 'Spring bank holiday',
    change: 'remove',
    source: _DIAMOND_JUBILEE,
  },
  { country: 'GB', date: '2012-06-04', name: 'Spring bank holiday', change: 'add', source: _DIAMOND_JUBILEE },
];

/**
 * The corrections that apply to a date-holidays country in the years `fromYear`..`toYear`.
 * @example holidayCorrectionsFor('GB', 2011, 2011) // [{ date: '2011-04-29', name: 'Royal wedding', change: 'add', ... }]
 */
export function holidayCorrectionsFor(
  country: string,
  fromYear: number,
  toYear: number,
): HolidayCorrection[] {
  const wanted = country.toUpperCase();
  return HOLIDAY_CORRECTIONS.filter((c) => {
    const year = Number(c.date.slice(0, 4));
    return c.country === wanted && year >= fromYear && year <= toYear;
  });
}

/**
 * One year of date-holidays' public holidays with the proclaimed corrections applied, sorted by
 * date; a day added that date-holidays already lists is not listed twice.
 * @example correctHolidayYear('GB', 2011, [{ date: '2011-01-01', name: "New Year's Day" }])
 * // [{ date: '2011-01-01', ... }, { date: '2011-04-29', name: 'Royal wedding' }]
 */
export function correctHolidayYear(country: string, year: number, holidays: readonly Holiday[]): Holiday[] {
  const corrections = holidayCorrectionsFor(country, year, year);
  if (corrections.length === 0) return [...holidays];
  const removed = new Set(corrections.filter((c) => c.change === 'remove').map((c) => c.date));
  // A day date-holidays has come to list itself keeps its entry, once.
  const added = corrections
    .filter((c) => c.change === 'add' && !holidays.some((h) => h.date === c.date))
    .map((c) => ({ date: c.date, name: c.name }));
  return [...holidays.filter((h) => !removed.has(h.date)), ...added].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}
