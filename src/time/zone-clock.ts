/**
 * A zone's UTC offsets, read from luxon's zone rules and kept per UTC day by the clock that asked:
 * a working calendar holds one for its zone, so a million events cost about two luxon calls per
 * UTC day they touch, not one per event. Nothing is kept outside the clock.
 */
import { IANAZone } from 'luxon';

/**
 * The UTC offsets of one IANA zone, remembered per UTC day (`createZoneClock`).
 * @example createZoneClock('Europe/London').offsetMs(Date.UTC(2024, 4, 7)) // 3600000
 */
export interface ZoneClock {
  /** The IANA zone name. */
  readonly zone: string;
  /** UTC offset of the zone at an instant, in milliseconds. */
  offsetMs(epochMs: number): number;
}

/** A zone name, or a clock of the zone that remembers its offsets between calls. */
export type Zone = string | ZoneClock;

const _MS_PER_DAY = 86_400_000;
const _MS_PER_HOUR = 3_600_000;
/** Days remembered before the clock starts again (about 550 years of distinct days). */
const _MAX_DAYS = 200_000;

/** A UTC day holding one offset transition: offset `before` until `at` (exclusive), then `after`. */
type _Split = { at: number; before: number; after: number };

/**
 * A clock of `zone`. Offsets are kept per UTC day: luxon is asked twice for a day without a
 * transition, and about fifty times for a day with one (bisected to the millisecond, so
 * transitions off the hour, as in Lord Howe or Chatham, are exact). A day whose first and last
 * offsets agree is taken to have none (an offset lasting under a day is missed).
 * @throws RangeError for a zone luxon does not know.
 * @example
 * const clock = createZoneClock('Europe/London');
 * clock.offsetMs(Date.parse('2024-01-15T12:00:00Z')); // 0
 */
export function createZoneClock(zone: string): ZoneClock {
  if (typeof zone !== 'string' || !IANAZone.isValidZone(zone)) {
    throw new RangeError(`Unknown time zone "${String(zone)}" (expected an IANA name such as Europe/London)`);
  }
  const rules = IANAZone.create(zone);
  /** Offset of each UTC day seen, or NaN for a day with a transition. */
  const days = new Map<number, number>();
  const splits = new Map<number, _Split>();
  const luxonOffset = (epochMs: number) => rules.offset(epochMs) * 60_000;

  /** Fills one UTC day: its one offset, or its one transition found by bisection. */
  const fillDay = (bucket: number): number => {
    const start = bucket * _MS_PER_DAY;
    const last = start + _MS_PER_DAY - 1;
    const before = luxonOffset(start);
    const after = luxonOffset(last);
    if (days.size >= _MAX_DAYS) {
      days.clear();
      splits.clear();
    }
    if (before === after) {
      days.set(bucket, before);
      return before;
    }
    let changes = 0;
    for (let h = 1, previous = before; h <= 24; h++) {
      const next = luxonOffset(Math.min(start + h * _MS_PER_HOUR, last));
      if (next !== previous) changes++;
      previous = next;
    }
    days.set(bucket, Number.NaN);
    if (changes !== 1) return Number.NaN; // several changes in a day: ask luxon on every call
    let lo = start; // offset(lo) === before
    let hi = last; // offset(hi) === after
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (luxonOffset(mid) === before) lo = mid;
      else hi = mid;
    }
    splits.set(bucket, { at: hi, before, after });
    return Number.NaN;
  };

  return {
    zone,
    offsetMs(epochMs: number): number {
      const bucket = Math.floor(epochMs / _MS_PER_DAY);
      const offset = days.get(bucket) ?? fillDay(bucket);
      if (!Number.isNaN(offset)) return offset;
      const split = splits.get(bucket);
      if (split === undefined) return luxonOffset(epochMs);
      return epochMs < split.at ? split.before : split.after;
    },
  };
}

/**
 * The clock of a zone: the one given, or a new one for a zone name (which remembers nothing
 * beyond the call that made it).
 * @throws RangeError for an unknown zone.
 * @example clockOf('Europe/London').zone // 'Europe/London'
 */
export function clockOf(zone: Zone): ZoneClock {
  return typeof zone === 'object' && zone !== null ? zone : createZoneClock(zone);
}
