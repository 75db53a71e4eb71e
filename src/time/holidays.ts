/**
 * Public holidays: from date-holidays (a country, state and region), an explicit list, or none.
 * Only the holiday's local `date` (its first 10 characters) is used, never its UTC `start`.
 */
import Holidays from 'date-holidays';
import { dayFromIsoDate } from './days.js';

/**
 * Where public holidays come from: date-holidays codes, an explicit list, or none.
 * @example { country: 'GB', state: 'SCT' }
 */
export type HolidaySource =
  | { country: string; state?: string; region?: string }
  | { dates: { date: string; name: string }[] }
  | { none: true };

/** A holiday on a local calendar date. @example { date: '2025-12-25', name: 'Christmas Day' } */
export type Holiday = { date: string /* YYYY-MM-DD */; name: string };

const _instances = new Map<string, Holidays>();
const _byYear = new Map<string, readonly Holiday[]>();

function _lookup(known: Record<string, string> | undefined, code: string): string | undefined {
  const wanted = code.toUpperCase();
  return Object.keys(known ?? {}).find((key) => key.toUpperCase() === wanted);
}

/** @internal A date-holidays instance per country/state/region, after checking the codes exist. */
function _instance(country: string, state?: string, region?: string): Holidays {
  const key = [country, state ?? '', region ?? ''].join('/').toUpperCase();
  const cached = _instances.get(key);
  if (cached !== undefined) return cached;
  const probe = new Holidays();
  const c = _lookup(probe.getCountries('en'), country);
  if (c === undefined) throw new RangeError(`date-holidays does not know the country "${country}"`);
  const s = state === undefined ? undefined : _lookup(probe.getStates(c, 'en'), state);
  if (state !== undefined && s === undefined) {
    throw new RangeError(`date-holidays does not know the state "${state}" of ${c}`);
  }
  const r =
    region === undefined || s === undefined ? undefined : _lookup(probe.getRegions(c, s, 'en'), region);
  if (region !== undefined && r === undefined) {
    throw new RangeError(`date-holidays does not know the region "${region}" of ${c}/${state ?? ''}`);
  }
  const instance =
    r !== undefined && s !== undefined
      ? new Holidays(c, s, r)
      : s !== undefined
        ? new Holidays(c, s)
        : new Holidays(c);
  _instances.set(key, instance);
  return instance;
}

/** @internal Public holidays of one year from date-holidays, English names where available. */
function _countryYear(
  source: { country: string; state?: string; region?: string },
  year: number,
): readonly Holiday[] {
  const key = `${[source.country, source.state ?? '', source.region ?? ''].join('/').toUpperCase()}:${year}`;
  let list = _byYear.get(key);
  if (list === undefined) {
    list = _instance(source.country, source.state, source.region)
      .getHolidays(year, 'en')
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
    _byYear.set(key, list);
  }
  return list;
}

/**
 * Public holidays of the years `fromYear`..`toYear` (inclusive), deduplicated by date (the first
 * name is kept) and sorted by date. date-holidays results are memoized per source and year; a
 * country, state or region that date-holidays does not know throws a RangeError (date-holidays
 * itself would silently fall back to the whole country).
 * @throws RangeError for unknown codes, an invalid explicit date, or a reversed year range.
 * @example
 * resolvePublicHolidays({ country: 'GB', state: 'SCT' }, 2025, 2025)[0];
 * // { date: '2025-01-01', name: "New Year's Day" }
 * resolvePublicHolidays({ dates: [{ date: '2024-05-06', name: 'May Day' }] }, 2024, 2024);
 * resolvePublicHolidays({ none: true }, 2024, 2025); // []
 */
export function resolvePublicHolidays(source: HolidaySource, fromYear: number, toYear: number): Holiday[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Invalid holiday year range ${fromYear}-${toYear}`);
  }
  let all: Holiday[] = [];
  if ('dates' in source) {
    for (const h of source.dates) {
      dayFromIsoDate(h.date);
      const year = Number(h.date.slice(0, 4));
      if (year >= fromYear && year <= toYear) all.push({ date: h.date, name: h.name });
    }
  } else if ('country' in source) {
    for (let year = fromYear; year <= toYear; year++) all = all.concat(_countryYear(source, year));
  }
  const byDate = new Map<string, Holiday>();
  for (const h of all) if (!byDate.has(h.date)) byDate.set(h.date, { date: h.date, name: h.name });
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
