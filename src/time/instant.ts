/**
 * Instants: parsing ISO 8601 strings into epoch milliseconds plus their local day in a zone, and
 * formatting them back. The zone's offsets come from a `ZoneClock` (`zone-clock.ts`); everything
 * else is arithmetic. Each function takes a zone name or a clock: callers reading many instants
 * pass the clock they hold (a working calendar's), which remembers the offsets it has looked up.
 */
import { daysFromCivil, daysInMonth, isoDateFromDay, pad } from './days.js';
import { clockOf, type Zone, type ZoneClock } from './zone-clock.js';

/**
 * A parsed instant: epoch milliseconds and the local calendar day (day number) in the zone.
 * @example { epochMs: 1715036400000, day: 19850, naive: true, dateOnly: true } // '2024-05-07' in London
 */
export type ParsedInstant = {
  epochMs: number;
  /** Local calendar date of the instant in the zone, as a day number (days since 1970-01-01). */
  day: number;
  /** True when the string carried no `Z` or offset (a local date-time or a date alone). */
  naive: boolean;
  /** True when the string was a date alone. */
  dateOnly: boolean;
};

const _MS_PER_DAY = 86_400_000;
const _MS_PER_HOUR = 3_600_000;
// date, then optionally: T, t or space; HH:MM[:SS[.fraction]]; then Z, z, +HH:MM, +HHMM or +HH.
const _ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/**
 * @internal The instant of a local wall-clock time (`localMs` = the wall time read as if UTC).
 * A time in a DST gap moves forward by the gap, as luxon does (01:30 on 31 Mar 2024 in London is
 * 02:30 BST). A time in a DST overlap takes the earlier instant (the first 01:30 on 27 Oct 2024 in
 * London is BST), deterministically: luxon's own choice there depends on the machine's clock.
 */
function _resolveLocal(localMs: number, clock: ZoneClock): number {
  const before = clock.offsetMs(localMs - _MS_PER_DAY);
  const after = clock.offsetMs(localMs + _MS_PER_DAY);
  const viaBefore = localMs - before;
  const viaAfter = localMs - after;
  const beforeFits = clock.offsetMs(viaBefore) === before;
  const afterFits = clock.offsetMs(viaAfter) === after;
  if (beforeFits && afterFits) return Math.min(viaBefore, viaAfter);
  if (beforeFits) return viaBefore;
  if (afterFits) return viaAfter;
  return localMs - Math.min(before, after);
}

/**
 * Local calendar day (day number) of an instant in a zone.
 * @throws RangeError for an unknown zone.
 * @example
 * localDayOf(Date.parse('2024-05-06T23:30:00Z'), 'Europe/London'); // 19850 (Tue 7 May 2024, 00:30 BST)
 */
export function localDayOf(epochMs: number, zone: Zone): number {
  return _localDay(epochMs, clockOf(zone));
}

function _localDay(epochMs: number, clock: ZoneClock): number {
  return Math.floor((epochMs + clock.offsetMs(epochMs)) / _MS_PER_DAY);
}

/**
 * The first instant of a local calendar day in a zone (local midnight, or the end of a DST gap
 * that swallowed midnight).
 * @example
 * startOfDayMs(19850, 'Europe/London'); // Date.parse('2024-05-06T23:00:00Z')
 */
export function startOfDayMs(day: number, zone: Zone): number {
  return _resolveLocal(day * _MS_PER_DAY, clockOf(zone));
}

/**
 * True when an instant is the first instant of its local calendar day in the zone.
 * @example
 * isLocalMidnight(Date.parse('2024-05-06T23:00:00Z'), 'Europe/London'); // true
 * isLocalMidnight(Date.parse('2024-05-07T00:00:00Z'), 'Europe/London'); // false (01:00 BST)
 */
export function isLocalMidnight(epochMs: number, zone: Zone): boolean {
  const clock = clockOf(zone);
  return epochMs === _resolveLocal(_localDay(epochMs, clock) * _MS_PER_DAY, clock);
}

function _error(value: string, why: string): { error: string } {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return { error: `"${shown}" ${why}` };
}

/**
 * Parses an ISO 8601 date or date-time. With `Z` or an offset (`+01:00`, `+0100`, `+01`) it is
 * absolute; a local date-time without offset, or a date alone, is read in `zone`. A date alone is
 * the start of that local day, or with `mode: 'end'` its last millisecond (for deadlines). `T`,
 * `t` or a space separates date and time; `Z` or `z`; seconds and a fraction (`.` or `,`, up to 9
 * digits, truncated to milliseconds) are optional. Impossible dates and times return `{ error }`.
 * @throws RangeError for an unknown zone (a configuration error, not a data error).
 * @example
 * parseInstant('2024-05-07T10:00:00Z', 'Europe/London');
 * // { epochMs: 1715076000000, day: 19850, naive: false, dateOnly: false }
 * parseInstant('2024-05-07', 'Europe/London', 'end').epochMs; // 23:59:59.999 BST on 7 May
 * parseInstant('2024-02-30', 'Europe/London'); // { error: '"2024-02-30" is not a real date: ...' }
 */
export function parseInstant(
  value: string,
  zone: Zone,
  // Stryker disable next-line StringLiteral: any mode but 'end' reads the start of the day; the default's text is never compared
  mode: 'start' | 'end' = 'start',
): ParsedInstant | { error: string } {
  const clock = clockOf(zone);
  if (typeof value !== 'string') return { error: `${String(value)} is not a date-time string` };
  const fast = _parseCommon(value, clock);
  if (fast !== undefined) return fast;
  const m = _ISO.exec(value.trim());
  if (m === null) {
    return _error(
      value,
      'is not an ISO 8601 date or date-time (expected e.g. 2024-05-07, 2024-05-07T10:00:00, 2024-05-07T10:00:00Z or 2024-05-07 10:00:00+01:00)',
    );
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const dayOfMonth = Number(m[3]);
  if (month < 1 || month > 12) return _error(value, `is not a real date: there is no month ${m[2]}`);
  const monthDays = daysInMonth(year, month);
  if (dayOfMonth < 1 || dayOfMonth > monthDays) {
    return _error(value, `is not a real date: ${m[1]}-${m[2]} has ${monthDays} days`);
  }
  const day = daysFromCivil(year, month, dayOfMonth);
  if (m[4] === undefined) {
    const start = mode === 'end' ? day + 1 : day;
    const epochMs = _resolveLocal(start * _MS_PER_DAY, clock) - (mode === 'end' ? 1 : 0);
    return { epochMs, day, naive: true, dateOnly: true };
  }
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(`${m[7]}00`.slice(0, 3));
  if (hour > 23 || minute > 59 || second > 59) {
    return _error(value, 'is not a real time: hours run 00-23, minutes and seconds 00-59');
  }
  const localMs = day * _MS_PER_DAY + hour * _MS_PER_HOUR + minute * 60_000 + second * 1000 + millis;
  if (m[8] === undefined && m[9] === undefined) {
    const epochMs = _resolveLocal(localMs, clock);
    return { epochMs, day: _localDay(epochMs, clock), naive: true, dateOnly: false };
  }
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = m[11] === undefined ? 0 : Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return _error(value, 'has an impossible UTC offset');
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const epochMs = localMs - offsetMinutes * 60_000;
  return { epochMs, day: _localDay(epochMs, clock), naive: false, dateOnly: false };
}

const _ZERO = 48;

/** The value of `n` decimal digits of `s` from `at`, or -1 when one of them is not a digit. */
function _digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - _ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * The common shape, read without a regular expression (no match arrays on every event):
 * `YYYY-MM-DDTHH:MM:SS[.fff]` then `Z` or `±HH:MM`, a real date and time. Anything else, and
 * every error, is left to the general parser (undefined), which gives the same result for these.
 */
// Stryker disable next-line BlockStatement: leaving every string to the general parser gives the same results, only slower
function _parseCommon(s: string, clock: ZoneClock): ParsedInstant | undefined {
  const epochMs = commonEpochMs(s);
  if (Number.isNaN(epochMs)) return undefined;
  return { epochMs, day: _localDay(epochMs, clock), naive: false, dateOnly: false };
}

/**
 * @internal The instant of a string of the common shape (see `_parseCommon`), or NaN for any
 * other string: for callers that need only the instant, without a result object.
 * @example commonEpochMs('2024-05-07T10:00:00Z') // 1715076000000
 */
export function commonEpochMs(s: string): number {
  const n = s.length;
  if (n < 20) return Number.NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return Number.NaN; // - - T
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return Number.NaN; // : :
  const year = _digits(s, 0, 4);
  const month = _digits(s, 5, 2);
  const dayOfMonth = _digits(s, 8, 2);
  const hour = _digits(s, 11, 2);
  const minute = _digits(s, 14, 2);
  const second = _digits(s, 17, 2);
  if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1 || hour < 0 || hour > 23) return Number.NaN;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return Number.NaN;
  if (dayOfMonth > daysInMonth(year, month)) return Number.NaN;
  let at = 19;
  let millis = 0;
  if (s.charCodeAt(at) === 46) {
    // A fraction of 1 to 3 digits (longer ones go the general way).
    let digits = 0;
    while (at + 1 + digits < n && digits < 4) {
      const d = s.charCodeAt(at + 1 + digits) - _ZERO;
      if (d < 0 || d > 9) break;
      millis = millis * 10 + d;
      digits++;
    }
    if (digits === 0 || digits > 3) return Number.NaN;
    millis *= digits === 1 ? 100 : digits === 2 ? 10 : 1;
    at += 1 + digits;
  }
  let offsetMinutes: number;
  if (at === n - 1 && s.charCodeAt(at) === 90)
    offsetMinutes = 0; // Z
  else if (at === n - 6 && s.charCodeAt(at + 3) === 58) {
    const sign = s.charCodeAt(at);
    const oh = _digits(s, at + 1, 2);
    const om = _digits(s, at + 4, 2);
    if ((sign !== 43 && sign !== 45) || oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else return Number.NaN;
  const day = daysFromCivil(year, month, dayOfMonth);
  const localMs = day * _MS_PER_DAY + hour * _MS_PER_HOUR + minute * 60_000 + second * 1000 + millis;
  return localMs - offsetMinutes * 60_000;
}

/**
 * Formats an instant as ISO 8601 with milliseconds and the zone's offset at that instant (always
 * `±HH:MM`, never `Z`; `±HH:MM:SS` only for historical offsets with seconds). Independent of the
 * machine's time zone.
 * @throws RangeError for a non-finite instant or an unknown zone.
 * @example
 * formatInstant(Date.parse('2024-05-07T09:00:00Z'), 'Europe/London'); // '2024-05-07T10:00:00.000+01:00'
 */
export function formatInstant(epochMs: number, zone: Zone): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`Cannot format the instant ${epochMs}`);
  const offset = clockOf(zone).offsetMs(epochMs);
  const local = epochMs + offset;
  const day = Math.floor(local / _MS_PER_DAY);
  const t = local - day * _MS_PER_DAY;
  const abs = Math.abs(offset);
  const offSeconds = Math.floor((abs % 60_000) / 1000);
  const off = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / _MS_PER_HOUR))}:${pad(Math.floor((abs % _MS_PER_HOUR) / 60_000))}${offSeconds ? `:${pad(offSeconds)}` : ''}`;
  const time = `${pad(Math.floor(t / _MS_PER_HOUR))}:${pad(Math.floor((t % _MS_PER_HOUR) / 60_000))}:${pad(Math.floor((t % 60_000) / 1000))}.${pad(t % 1000, 3)}`;
  return `${isoDateFromDay(day)}T${time}${off}`;
}
