/**
 * Public holidays: from date-holidays (a country, state and region), an explicit list, or none.
 * Only the holiday's local `date` (its first 10 characters) is used, never its UTC `start`.
 *
 * date-holidays is loaded only when a year needs it (it takes about a quarter of a second to load, and
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

/** @internal date-holidays, loaded when first needed (synchronously: the calendar's API is). */
function _lib(key: string, installed: string | null): typeof DateHolidays {
  if (installed === null) {
    const known = Object.keys(PRECOMPUTED_HOLIDAYS.sources).map((k) => k.replace(/\/+$/, ''));
    throw new RangeError(
      `the holidays of ${key.replace(/\/+$/, '')} need the optional package date-holidays ` +
        `(npm install date-holidays); without it only ${known.join(', ')} ` +
        `${PRECOMPUTED_HOLIDAYS.fromYear}-${PRECOMPUTED_HOLIDAYS.toYear} are available`,
    );
  }
  // Node keeps the loaded module; its CommonJS build exports the class itself.
  return createRequire(import.meta.url)('date-holidays') as typeof DateHolidays;
}

/** @internal The installed date-holidays version (null when it cannot be read). */
function _installedVersion(): string | null {
  try {
    // Read rather than required: the package itself stays unloaded.
    const path = createRequire(import.meta.url).resolve('date-holidays/package.json');
    return String((JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version);
  } catch {
    return null;
  }
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
function _precomputed(key: string, installed: string | null): PrecomputedSource | undefined {
  const table = (PRECOMPUTED_HOLIDAYS.sources as Readonly<Record<string, PrecomputedSource>>)[key];
  return installed !== null && installed !== PRECOMPUTED_HOLIDAYS.version ? undefined : table;
}

/** @internal One year of a precomputed table (`MMDD` and a base-36 name index per holiday). */
function _decodeYear(table: PrecomputedSource, year: number): Holiday[] {
  const text = table.years[year - PRECOMPUTED_HOLIDAYS.fromYear] as string;
  const out: Holiday[] = [];
  for (let i = 0; i + 5 <= text.length; i += 5) {
    out.push({
      date: `${year}-${text.slice(i, i + 2)}-${text.slice(i + 2, i + 4)}`,
      name: table.names[Number.parseInt(text.charAt(i + 4), 36)] as string,
    });
  }
  return out;
}

function _lookup(known: Record<string, string> | undefined, code: string): string | undefined {
  const wanted = code.toUpperCase();
  return Object.keys(known ?? {}).find((key) => key.toUpperCase() === wanted);
}

/** @internal A date-holidays instance for a country/state/region, after checking the codes exist. */
function _instance(source: CountrySource, installed: string | null): Holidays {
  const { country, state, region } = source;
  const Lib = _lib(holidaySourceKey({ country, state, region }), installed);
  const probe = new Lib();
  // Only the codes are looked up: the names' language does not matter.
  const c = _lookup(probe.getCountries(), country);
  if (c === undefined) throw new RangeError(`date-holidays does not know the country "${country}"`);
  const s = state === undefined ? undefined : _lookup(probe.getStates(c), state);
  if (state !== undefined && s === undefined) {
    throw new RangeError(`date-holidays does not know the state "${state}" of ${c}`);
  }
  const r = region === undefined || s === undefined ? undefined : _lookup(probe.getRegions(c, s), region);
  if (region !== undefined && r === undefined) {
    throw new RangeError(`date-holidays does not know the region "${region}" of ${c}/${state ?? ''}`);
  }
  return new Lib({ country: c, state: s, region: r });
}

/**
 * @internal Public holidays of one year computed by date-holidays itself (never the precomputed
 * table), English names where available; what `scripts/generate-holidays.ts` records.
 * @example liveCountryYear({ country: 'GB', state: 'SCT' }, 2025)[0] // { date: '2025-01-01', name: "New Year's Day" }
 */
export function liveCountryYear(source: CountrySource, year: number): Holiday[] {
  return _liveYear(_instance(source, _installedVersion()), source, year);
}

function _liveYear(instance: Holidays, source: CountrySource, year: number): Holiday[] {
  const types = new Set<string>(source.types ?? ['public']);
  return instance
    .getHolidays(year, 'en')
    .filter((h) => types.has(h.type))
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
}

const _inTable = (year: number) =>
  year >= PRECOMPUTED_HOLIDAYS.fromYear && year <= PRECOMPUTED_HOLIDAYS.toYear;

/**
 * @internal Public holidays of one year from the precomputed table, or undefined when there is
 * none for this source and year (or for the installed date-holidays).
 * @example precomputedCountryYear({ country: 'GB', state: 'SCT' }, 2025)?.[0] // { date: '2025-01-01', name: "New Year's Day" }
 */
export function precomputedCountryYear(source: CountrySource, year: number): Holiday[] | undefined {
  if (!_inTable(year)) return undefined;
  const table = _precomputed(holidaySourceKey(source), _installedVersion());
  return table === undefined ? undefined : _decodeYear(table, year);
}

/**
 * @internal Public holidays of the years as proclaimed: precomputed when possible, else from
 * date-holidays (loaded only for a year the table lacks), with the proclaimed corrections applied.
 */
function _countryYears(source: CountrySource, fromYear: number, toYear: number): Holiday[] {
  const installed = _installedVersion();
  const table = _precomputed(holidaySourceKey(source), installed);
  let live: Holidays | undefined;
  const out: Holiday[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    let raw: Holiday[];
    if (table !== undefined && _inTable(year)) raw = _decodeYear(table, year);
    else {
      live ??= _instance(source, installed);
      raw = _liveYear(live, source, year);
    }
    out.push(...correctHolidayYear(source.country, year, raw));
  }
  return out;
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
    const installed = _installedVersion();
    if (_precomputed(holidaySourceKey(source), installed) === undefined) _instance(source, installed);
  }
}

/**
 * Public holidays of the years `fromYear`..`toYear` (inclusive), deduplicated by date (the first
 * name is kept) and sorted by date. A country's are date-holidays' public holidays with the
 * proclaimed corrections applied (`HOLIDAY_CORRECTIONS`), computed afresh on each call (a working
 * calendar asks once for the years its table covers); a
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
    all = _countryYears(source, fromYear, toYear);
  }
  const byDate = new Map<string, Holiday>();
  for (const h of all) if (!byDate.has(h.date)) byDate.set(h.date, { date: h.date, name: h.name });
  // ISO dates sort as text.
  return [...byDate.keys()].sort().map((date) => byDate.get(date) as Holiday);
}
