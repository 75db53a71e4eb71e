/**
 * Public holidays: from date-holidays (a country, state and region), an explicit list, or none.
 * Only the holiday's local `date` (its first 10 characters) is used, never its UTC `start`.
 *
 * date-holidays is loaded on first use only (it takes about a quarter of a second to load, and
 * as much again to compute 40 years). The holidays of the shipped rulesets' sources (GB/SCT,
 * GB/ENG) are also kept precomputed in `holidays-table.ts`, generated from date-holidays by
 * `scripts/generate-holidays.ts`; they are used while the installed date-holidays is the
 * version they were generated from, so the answers are date-holidays' own either way, and when
 * date-holidays is not installed at all: it is an optional peer dependency, needed only for
 * another source. Proclaimed one-off changes date-holidays lacks are applied on top of either
 * (`holiday-corrections.ts`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type DateHolidays from 'date-holidays';
import { dayFromIsoDate } from './days.js';
import { correctHolidayYear } from './holiday-corrections.js';
import { PRECOMPUTED_HOLIDAYS } from './holidays-table.js';

/**
 * Where public holidays come from: date-holidays codes, an explicit list, or none. `types` are the
 * date-holidays kinds of day counted as holidays (default `['public']`; Swedish eves such as
 * Midsummer Eve are `bank` days).
 * @example { country: 'GB', state: 'SCT' }
 * @example { country: 'SE', types: ['public', 'bank'] }
 */
export type HolidaySource =
  | { country: string; state?: string; region?: string; types?: readonly string[] }
  | { dates: { date: string; name: string }[] }
  | { none: true };

/** A holiday on a local calendar date. @example { date: '2025-12-25', name: 'Christmas Day' } */
export type Holiday = { date: string /* YYYY-MM-DD */; name: string };

type Holidays = DateHolidays;
type CountrySource = { country: string; state?: string; region?: string; types?: readonly string[] };

/** The types of a source, when they are not just `public` (sorted, so that the key is stable). */
const _extraTypes = (source: CountrySource): string[] | undefined => {
  const types = [...new Set(source.types ?? ['public'])].sort();
  return types.length === 1 && types[0] === 'public' ? undefined : types;
};
type PrecomputedSource = { readonly names: readonly string[]; readonly years: readonly string[] };

const _instances = new Map<string, Holidays>();
const _byYear = new Map<string, readonly Holiday[]>();

let _require: NodeJS.Require | undefined;
let _Holidays: typeof DateHolidays | undefined;
let _installed: string | null | undefined;

/** @internal date-holidays, loaded on first use (synchronously: the calendar's API is). */
function _lib(key: string): typeof DateHolidays {
  if (_Holidays === undefined) {
    if (_installedVersion() === null) {
      const known = Object.keys(PRECOMPUTED_HOLIDAYS.sources).map((k) => k.replace(/\/+$/, ''));
      throw new RangeError(
        `the holidays of ${key.replace(/\/+$/, '')} need the optional package date-holidays ` +
          `(npm install date-holidays); without it only ${known.join(', ')} ` +
          `${PRECOMPUTED_HOLIDAYS.fromYear}-${PRECOMPUTED_HOLIDAYS.toYear} are available`,
      );
    }
    _require ??= createRequire(import.meta.url);
    // Its CommonJS build exports the class itself.
    _Holidays = _require('date-holidays') as typeof DateHolidays;
  }
  return _Holidays;
}

/** @internal The installed date-holidays version (null when it cannot be read). */
function _installedVersion(): string | null {
  if (_installed === undefined) {
    try {
      _require ??= createRequire(import.meta.url);
      // Read rather than required: the package itself stays unloaded.
      const pkg = readFileSync(_require.resolve('date-holidays/package.json'), 'utf8');
      _installed = String((JSON.parse(pkg) as { version: string }).version);
    } catch {
      _installed = null;
    }
  }
  return _installed;
}

/** @internal The key of a date-holidays source: its codes, upper case. @example holidaySourceKey({ country: 'gb', state: 'sct' }) // 'GB/SCT/' */
export function holidaySourceKey(source: CountrySource): string {
  const key = [source.country, source.state ?? '', source.region ?? ''].join('/').toUpperCase();
  const types = _extraTypes(source);
  return types === undefined ? key : `${key}+${types.join('+')}`;
}

/**
 * @internal The precomputed table of a source, when there is one and date-holidays is either
 * the version it was generated from or not installed.
 */
function _precomputed(key: string): PrecomputedSource | undefined {
  const table = (PRECOMPUTED_HOLIDAYS.sources as Readonly<Record<string, PrecomputedSource>>)[key];
  const installed = _installedVersion();
  if (table === undefined || (installed !== null && installed !== PRECOMPUTED_HOLIDAYS.version)) {
    return undefined;
  }
  return table;
}

/** @internal One year of a precomputed table (`MMDD` and a base-36 name index per holiday). */
function _decodeYear(table: PrecomputedSource, year: number): Holiday[] {
  const text = table.years[year - PRECOMPUTED_HOLIDAYS.fromYear] ?? '';
  const out: Holiday[] = [];
  for (let i = 0; i + 5 <= text.length; i += 5) {
    out.push({
      date: `${year}-${text.slice(i, i + 2)}-${text.slice(i + 2, i + 4)}`,
      name: table.names[Number.parseInt(text.charAt(i + 4), 36)] ?? '',
    });
  }
  return out;
}

function _lookup(known: Record<string, string> | undefined, code: string): string | undefined {
  const wanted = code.toUpperCase();
  return Object.keys(known ?? {}).find((key) => key.toUpperCase() === wanted);
}

/** @internal A date-holidays instance per country/state/region, after checking the codes exist. */
function _instance(country: string, state: string | undefined, region: string | undefined): Holidays {
  const key = holidaySourceKey({ country, state, region });
  const cached = _instances.get(key);
  if (cached !== undefined) return cached;
  const Lib = _lib(key);
  const probe = new Lib();
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
    r !== undefined && s !== undefined ? new Lib(c, s, r) : s !== undefined ? new Lib(c, s) : new Lib(c);
  _instances.set(key, instance);
  return instance;
}

/**
 * @internal Public holidays of one year computed by date-holidays itself (never the precomputed
 * table), English names where available; what `scripts/generate-holidays.ts` records.
 * @example liveCountryYear({ country: 'GB', state: 'SCT' }, 2025)[0] // { date: '2025-01-01', name: "New Year's Day" }
 */
export function liveCountryYear(source: CountrySource, year: number): Holiday[] {
  const types = new Set<string>(source.types ?? ['public']);
  return _instance(source.country, source.state, source.region)
    .getHolidays(year, 'en')
    .filter((h) => types.has(h.type))
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
}

/**
 * @internal Public holidays of one year from the precomputed table, or undefined when there is
 * none for this source and year (or for the installed date-holidays).
 * @example precomputedCountryYear({ country: 'GB', state: 'SCT' }, 2025)?.[0] // { date: '2025-01-01', name: "New Year's Day" }
 */
export function precomputedCountryYear(source: CountrySource, year: number): Holiday[] | undefined {
  if (year < PRECOMPUTED_HOLIDAYS.fromYear || year > PRECOMPUTED_HOLIDAYS.toYear) return undefined;
  const table = _precomputed(holidaySourceKey(source));
  return table === undefined ? undefined : _decodeYear(table, year);
}

/**
 * @internal Public holidays of one year as proclaimed: precomputed when possible, else from
 * date-holidays, with the proclaimed corrections applied.
 */
function _countryYear(source: CountrySource, year: number): readonly Holiday[] {
  const key = `${holidaySourceKey(source)}:${year}`;
  let list = _byYear.get(key);
  if (list === undefined) {
    const raw = precomputedCountryYear(source, year) ?? liveCountryYear(source, year);
    list = correctHolidayYear(source.country, year, raw);
    _byYear.set(key, list);
  }
  return list;
}

/**
 * @internal Throws as {@link resolvePublicHolidays} would for a source it cannot use (unknown
 * codes, an invalid explicit date), without computing any year; codes of a precomputed source
 * are known to be valid, so date-holidays is not loaded for them.
 * @example checkHolidaySource({ country: 'ZZ' }) // throws RangeError
 */
export function checkHolidaySource(source: HolidaySource): void {
  if ('dates' in source) {
    for (const h of source.dates) dayFromIsoDate(h.date);
  } else if ('country' in source) {
    if (_precomputed(holidaySourceKey(source)) === undefined)
      _instance(source.country, source.state, source.region);
  }
}

/**
 * Public holidays of the years `fromYear`..`toYear` (inclusive), deduplicated by date (the first
 * name is kept) and sorted by date. A country's are date-holidays' public holidays with the
 * proclaimed corrections applied (`HOLIDAY_CORRECTIONS`), memoized per source and year; a
 * country, state or region that date-holidays does not know throws a RangeError (date-holidays
 * itself would silently fall back to the whole country).
 * @throws RangeError for unknown codes, an invalid explicit date, a reversed year range, or a
 * source other than the precomputed ones while date-holidays is not installed.
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
