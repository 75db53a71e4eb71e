import { DateTime } from 'luxon';
import { formatInstant, parseInstant } from '../time/instant.js';
import { MAX_YEAR, MIN_YEAR } from '../time/table.js';
import { createZoneClock, type ZoneClock } from '../time/zone-clock.js';

/** @internal A timestamp read from a cell: the canonical ISO text, or why it could not be read. */
export type TimestampResult = { value: string } | { error: string };

/** @internal Options of {@link timestampReader}. */
export interface _TimestampOptions {
  /** `iso` and/or luxon format strings, tried in order (default `['iso']`). */
  formats?: readonly string[];
  /** Zone of naive date-times: when set they become absolute; else they stay naive. */
  zone?: string;
  /** Locale of month and day names in luxon formats (default `en`). */
  locale?: string;
}

/** The clocks of a reader: its `zone`'s for naive times (when set), and UTC's for checking. */
type _Clocks = { zone: ZoneClock | undefined; utc: ZoneClock };

const _ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * @internal Reads an ISO 8601 value into one canonical text, so that the same instant written two
 * ways (`2011-10-11 13:45:40.276000+02:00`, `2011-10-11T13:45:40.276+02:00`) reads the same:
 * `YYYY-MM-DDTHH:MM:SS.mmm` plus the offset as written (`Z` or `±HH:MM`); a naive date-time stays
 * naive unless `zone` is given; a date alone stays a date (its meaning depends on the field).
 */
function _readIso(raw: string, clocks: _Clocks): TimestampResult | undefined {
  const { zone, utc } = clocks;
  const m = _ISO.exec(raw);
  if (m === null) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) {
    const checked = parseInstant(date, utc);
    return 'error' in checked ? { error: checked.error } : { value: date };
  }
  const fraction = (m[7] ?? '').padEnd(3, '0').slice(0, 3);
  const local = `${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}.${fraction}`;
  const offset = m[8] !== undefined ? 'Z' : m[9] !== undefined ? `${m[9]}${m[10]}:${m[11] ?? '00'}` : '';
  const text = `${local}${offset}`;
  const checked = parseInstant(text, zone ?? utc);
  if ('error' in checked) return { error: checked.error };
  if (offset === '' && zone !== undefined) return { value: formatInstant(checked.epochMs, zone) };
  return { value: text };
}

/**
 * A value read, unless its year (as written) is one the working calendar cannot count: refused
 * here, so that the problem names the cell; the engine checks again in the case's zone.
 */
function _withinCalendar(raw: string, value: string): TimestampResult {
  const year = Number.parseInt(value, 10);
  if (year >= MIN_YEAR && year <= MAX_YEAR) return { value };
  const shown = raw.length > 80 ? `${raw.slice(0, 80)}…` : raw;
  return {
    error: `"${shown}" is in the year ${year}: the working calendar covers ${MIN_YEAR}-${MAX_YEAR} (a mistyped year?)`,
  };
}

/** Luxon tokens of a UTC offset or zone (outside quoted literals). */
const _hasZoneToken = (format: string) => /[Zz]/.test(format.replace(/'[^']*'/g, ''));
/** Luxon tokens of a time of day (outside quoted literals). */
const _hasTimeToken = (format: string) => /[HhmsSaTtXx]/.test(format.replace(/'[^']*'/g, ''));

function _readLuxon(
  raw: string,
  format: string,
  options: _TimestampOptions,
  utc: ZoneClock,
): TimestampResult | undefined {
  const zone = options.zone ?? 'UTC';
  const dt = DateTime.fromFormat(raw, format, { zone, setZone: true, locale: options.locale ?? 'en' });
  if (!dt.isValid) return undefined;
  if (!_hasTimeToken(format)) return { value: dt.toFormat('yyyy-MM-dd') };
  if (_hasZoneToken(format) || options.zone !== undefined) {
    const text = dt.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
    const checked = parseInstant(text, utc);
    return 'error' in checked ? { error: checked.error } : { value: text };
  }
  return { value: dt.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS") };
}

/**
 * @internal A reader of timestamp cells for a mapping: each format is tried in order (`iso` is
 * ISO 8601, anything else a luxon format); the result is a canonical ISO text the engine reads.
 * Independent of the machine's time zone.
 * @example
 * const read = timestampReader({ formats: ['iso', 'dd/MM/yyyy HH:mm'], zone: 'Europe/London' });
 * read('07/05/2024 10:00'); // { value: '2024-05-07T10:00:00.000+01:00' }
 */
export function timestampReader(options: _TimestampOptions = {}): (raw: string) => TimestampResult {
  const formats = options.formats && options.formats.length > 0 ? options.formats : ['iso'];
  // Each reader keeps the offsets it has looked up, for the many cells of one log.
  const clocks: _Clocks = {
    zone: options.zone === undefined ? undefined : createZoneClock(options.zone),
    utc: createZoneClock('UTC'),
  };
  return (raw) => {
    const value = raw.trim();
    let isoError: string | undefined;
    for (const format of formats) {
      if (format.toLowerCase() === 'iso') {
        const r = _readIso(value, clocks);
        if (r === undefined) continue;
        if ('value' in r) return _withinCalendar(value, r.value);
        isoError = r.error;
        continue;
      }
      const r = _readLuxon(value, format, options, clocks.utc);
      if (r !== undefined) return 'value' in r ? _withinCalendar(value, r.value) : r;
    }
    if (isoError !== undefined) return { error: isoError };
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
    const expected = formats.map((f) => (f.toLowerCase() === 'iso' ? 'ISO 8601' : `"${f}"`)).join(' or ');
    return { error: `"${shown}" is not a date-time in the expected format (${expected})` };
  };
}
