import type { HolidaySource } from '../time/holidays.js';

/**
 * @internal The holiday source with the configured `holidayTypes` (for a country's holidays; an
 * explicit list or none has no types to choose).
 * @example withHolidayTypes({ country: 'SE' }, ['public', 'bank']); // { country: 'SE', types: ['public', 'bank'] }
 */
export function withHolidayTypes(source: HolidaySource, types: readonly string[] | undefined): HolidaySource {
  if (types === undefined || !('country' in source)) return source;
  return { ...source, types };
}

/**
 * @internal The config field a calendar error is about, from the error the calendar threw: an
 * unknown country, state or region is in `calendar.holidays`, a bad closure in `calendar.closures`,
 * a bad weekend in `calendar.weekend`, an unknown zone in `zone`.
 * @example calendarIssuePath('date-holidays does not know the country "XX"'); // ['calendar', 'holidays', 'country']
 */
export function calendarIssuePath(message: string): string[] {
  const code = /does not know the (country|state|region)/.exec(message);
  if (code?.[1] !== undefined) return ['calendar', 'holidays', code[1]];
  if (/^Closure/.test(message)) return ['calendar', 'closures'];
  if (/weekend/i.test(message)) return ['calendar', 'weekend'];
  if (/zone/i.test(message)) return ['zone'];
  return ['calendar'];
}
