import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { dayFromIsoDate, daysInMonth } from '../../src/time/days.js';
import {
  commonEpochMs,
  formatInstant,
  isLocalMidnight,
  localDayOf,
  type ParsedInstant,
  parseInstant,
  startOfDayMs,
} from '../../src/time/instant.js';
import { createZoneClock, type Zone } from '../../src/time/zone-clock.js';

const LONDON = 'Europe/London';
const ok = (value: string, zone: Zone = LONDON, mode: 'start' | 'end' = 'start'): ParsedInstant => {
  const parsed = parseInstant(value, zone, mode);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
};
const day = dayFromIsoDate;

describe('parseInstant: formats', () => {
  it.each([
    ['2024-05-07T10:00:00Z', '2024-05-07T10:00:00.000Z'],
    ['2024-05-07T10:00:00z', '2024-05-07T10:00:00.000Z'],
    ['2024-05-07t10:00:00Z', '2024-05-07T10:00:00.000Z'],
    ['2024-05-07T10:00Z', '2024-05-07T10:00:00.000Z'],
    ['2024-05-07T10:00:00+01:00', '2024-05-07T09:00:00.000Z'],
    ['2024-05-07T10:00:00+0100', '2024-05-07T09:00:00.000Z'],
    ['2024-05-07T10:00:00+01', '2024-05-07T09:00:00.000Z'],
    ['2024-05-07T10:00:00-05:30', '2024-05-07T15:30:00.000Z'],
    ['2024-05-07T10:00:00-00:00', '2024-05-07T10:00:00.000Z'],
    ['2024-05-07T10:00:00.5Z', '2024-05-07T10:00:00.500Z'],
    ['2024-05-07T10:00:00,25Z', '2024-05-07T10:00:00.250Z'],
    ['2024-05-07T10:00:00.123456789Z', '2024-05-07T10:00:00.123Z'],
    ['2024-05-07T23:59:59.9999Z', '2024-05-07T23:59:59.999Z'],
    ['2011-10-11 13:45:40.276000+02:00', '2011-10-11T11:45:40.276Z'],
    ['2011-10-11 13:45:40.276000', '2011-10-11T12:45:40.276Z'],
    [' 2024-05-07T10:00:00Z ', '2024-05-07T10:00:00.000Z'],
  ])('%j is %s', (value, iso) => {
    const parsed = ok(value);
    expect(new Date(parsed.epochMs).toISOString()).toBe(iso);
    expect(parsed.dateOnly).toBe(false);
    expect(parsed.naive).toBe(!/[Zz]|[+-]\d\d(:?\d\d)?\s*$/.test(value));
  });

  it('reads a date alone as the start, or with mode end the last millisecond, of the local day', () => {
    expect(ok('2024-05-07')).toEqual({
      epochMs: Date.parse('2024-05-06T23:00:00Z'),
      day: day('2024-05-07'),
      naive: true,
      dateOnly: true,
    });
    expect(ok('2024-05-07', LONDON, 'end')).toEqual({
      epochMs: Date.parse('2024-05-07T22:59:59.999Z'),
      day: day('2024-05-07'),
      naive: true,
      dateOnly: true,
    });
    expect(ok('2024-01-15', LONDON, 'end').epochMs).toBe(Date.parse('2024-01-15T23:59:59.999Z'));
    expect(ok('2024-05-07', 'Pacific/Auckland').epochMs).toBe(Date.parse('2024-05-06T12:00:00Z'));
    expect(ok('2024-05-07', 'Pacific/Auckland', 'end').epochMs).toBe(Date.parse('2024-05-07T11:59:59.999Z'));
    // 23-hour and 25-hour days
    expect(ok('2024-03-31', LONDON, 'end').epochMs - ok('2024-03-31').epochMs).toBe(23 * 3_600_000 - 1);
    expect(ok('2024-10-27', LONDON, 'end').epochMs - ok('2024-10-27').epochMs).toBe(25 * 3_600_000 - 1);
  });

  it('ignores mode for date-times', () => {
    expect(ok('2024-05-07T10:00', LONDON, 'end').epochMs).toBe(Date.parse('2024-05-07T09:00:00Z'));
  });

  it('reads naive local date-times in the zone, whose UTC date may differ', () => {
    const london = ok('2024-05-07T00:30');
    expect(london.epochMs).toBe(Date.parse('2024-05-06T23:30:00Z'));
    expect(london.day).toBe(day('2024-05-07'));
    expect(london.naive).toBe(true);
    const auckland = ok('2024-05-07T08:00:00', 'Pacific/Auckland');
    expect(auckland.epochMs).toBe(Date.parse('2024-05-06T20:00:00Z'));
    expect(auckland.day).toBe(day('2024-05-07'));
    expect(ok('2024-05-07T10:00:00', 'America/Sao_Paulo').epochMs).toBe(Date.parse('2024-05-07T13:00:00Z'));
  });

  it('finds the local day of absolute instants with mixed offsets', () => {
    // 00:30 on 7 May at +02:00 is 23:30 BST on 6 May
    expect(ok('2024-05-07T00:30:00+02:00').day).toBe(day('2024-05-06'));
    // 01:30 at +02:00 is 00:30 BST on 7 May
    expect(ok('2024-05-07T01:30:00+02:00').day).toBe(day('2024-05-07'));
    expect(ok('2024-05-06T23:30:00Z').day).toBe(day('2024-05-07'));
    expect(ok('2024-05-06T23:30:00Z', 'UTC').day).toBe(day('2024-05-06'));
    expect(ok('2024-05-06T23:30:00Z', 'Pacific/Auckland').day).toBe(day('2024-05-07'));
    expect(ok('2024-05-07T02:00:00Z', 'America/Sao_Paulo').day).toBe(day('2024-05-06'));
  });
});

describe('parseInstant: errors', () => {
  it.each([
    ['2024-02-30', 'is not a real date'],
    ['2023-02-29T10:00:00Z', 'is not a real date'],
    ['2024-13-01', 'no month 13'],
    ['2024-05-07T25:00', 'is not a real time'],
    ['2024-05-07T24:00:00Z', 'is not a real time'],
    ['2024-05-07T10:60', 'is not a real time'],
    ['2024-05-07T23:59:60Z', 'is not a real time'],
    ['2024-05-07T10:00:00+24:00', 'impossible UTC offset'],
    ['2024-05-07T10:00:00+01:60', 'impossible UTC offset'],
    ['not a date', 'is not an ISO 8601'],
    ['', 'is not an ISO 8601'],
    ['2024-05-07T10', 'is not an ISO 8601'],
    ['2024-05-07T10:00:00.Z', 'is not an ISO 8601'],
    ['2024-05-07T10:00:00+1', 'is not an ISO 8601'],
    ['2024-05-07T10:00:00 Z', 'is not an ISO 8601'],
    ['2024-05-07T10:00:00[Europe/London]', 'is not an ISO 8601'],
    ['07/05/2024 10:00', 'is not an ISO 8601'],
    ['20240507T100000Z', 'is not an ISO 8601'],
    ['2024-05', 'is not an ISO 8601'],
    ['1715076000000', 'is not an ISO 8601'],
  ])('%j: %s', (value, message) => {
    const parsed = parseInstant(value, LONDON);
    expect(parsed).toHaveProperty('error');
    const { error } = parsed as { error: string };
    expect(error).toContain(message);
    expect(error).toContain(`"${value}"`);
  });

  it('throws for an unknown zone, a configuration error', () => {
    expect(() => parseInstant('2024-05-07', 'Mars/Olympus')).toThrow(
      new RangeError('Unknown time zone "Mars/Olympus" (expected an IANA name such as Europe/London)'),
    );
    expect(() => localDayOf(0, 'local')).toThrow(RangeError);
  });
});

describe('parseInstant: the edges of each field', () => {
  it.each([
    ['2024-00-10', 'is not a real date: there is no month 00'],
    ['2024-05-00', 'is not a real date: 2024-05 has 31 days'],
    ['2024-05-00T10:00:00', 'is not a real date: 2024-05 has 31 days'],
  ])('refuses %j: %s', (value, message) => {
    expect(parseInstant(value, LONDON)).toEqual({ error: `"${value}" ${message}` });
  });

  it('accepts the largest offsets, in every form the general parser reads', () => {
    for (const offset of ['+2359', '+23', '-23:59', '+00:59'])
      expect('error' in parseInstant(`2024-05-07T10:00:00${offset}`, 'UTC'), offset).toBe(false);
    expect(ok('2024-05-07T10:00:00+2359', 'UTC').epochMs).toBe(Date.parse('2024-05-06T10:01:00Z'));
    expect(ok('2024-05-07T10:00:00+23', 'UTC').epochMs).toBe(Date.parse('2024-05-06T11:00:00Z'));
  });

  it('quotes at most 80 characters of a value it cannot read', () => {
    const long = `2024-05-07T10:00:00Z${'x'.repeat(100)}`;
    expect(parseInstant(long, LONDON)).toEqual({
      error: expect.stringMatching(new RegExp(`^"${long.slice(0, 80)}…" is not an ISO 8601 date`)),
    });
    const eighty = 'y'.repeat(80);
    expect(parseInstant(eighty, LONDON)).toEqual({
      error: expect.stringMatching(new RegExp(`^"${eighty}" is`)),
    });
  });

  it('says a value that is not a string is not a date-time (a JavaScript caller)', () => {
    expect(parseInstant(42 as unknown as string, LONDON)).toEqual({ error: '42 is not a date-time string' });
  });
});

describe('clock changes in Europe/London', () => {
  const changes = ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26'];
  it.each(changes)('events at 00:30 and 23:30 local on %s land on that day', (date) => {
    for (const time of ['00:30', '23:30', '01:30', '02:30', '12:00']) {
      expect(ok(`${date}T${time}`).day).toBe(day(date));
      expect(ok(`${date} ${time}:00.000000`).day).toBe(day(date));
    }
    const start = startOfDayMs(day(date), LONDON);
    const next = startOfDayMs(day(date) + 1, LONDON);
    expect(localDayOf(start, LONDON)).toBe(day(date));
    expect(localDayOf(start - 1, LONDON)).toBe(day(date) - 1);
    expect(localDayOf(next - 1, LONDON)).toBe(day(date));
    expect(localDayOf(next, LONDON)).toBe(day(date) + 1);
    expect(isLocalMidnight(start, LONDON)).toBe(true);
    expect(isLocalMidnight(next, LONDON)).toBe(true);
    expect(isLocalMidnight(start + 1, LONDON)).toBe(false);
  });

  it('maps absolute instants around the changes to the right local day', () => {
    expect(ok('2024-03-31T00:30:00Z').day).toBe(day('2024-03-31')); // 00:30 GMT
    expect(ok('2024-03-31T22:30:00Z').day).toBe(day('2024-03-31')); // 23:30 BST
    expect(ok('2024-03-31T23:30:00Z').day).toBe(day('2024-04-01')); // 00:30 BST
    expect(ok('2024-10-26T23:30:00Z').day).toBe(day('2024-10-27')); // 00:30 BST
    expect(ok('2024-10-27T23:30:00Z').day).toBe(day('2024-10-27')); // 23:30 GMT
    expect(ok('2025-03-29T23:30:00Z').day).toBe(day('2025-03-29')); // 23:30 GMT
    expect(ok('2025-03-30T23:30:00+01:00').day).toBe(day('2025-03-30'));
    expect(ok('2025-10-25T23:30:00Z').day).toBe(day('2025-10-26')); // 00:30 BST
    expect(ok('2025-10-26T00:30:00+02:00').day).toBe(day('2025-10-25')); // 23:30 BST on 25th
  });

  it('moves a naive time in the spring gap forward, as luxon does', () => {
    const gap = ok('2024-03-31T01:30');
    expect(gap.epochMs).toBe(Date.parse('2024-03-31T01:30:00Z'));
    expect(formatInstant(gap.epochMs, LONDON)).toBe('2024-03-31T02:30:00.000+01:00');
    const luxon = DateTime.fromObject(
      { year: 2024, month: 3, day: 31, hour: 1, minute: 30 },
      { zone: LONDON },
    );
    expect(gap.epochMs).toBe(luxon.toMillis());
  });

  it('takes the earlier instant for a naive time in the autumn overlap', () => {
    expect(ok('2024-10-27T01:30').epochMs).toBe(Date.parse('2024-10-27T00:30:00Z'));
    expect(ok('2025-10-26T01:59:59.999').epochMs).toBe(Date.parse('2025-10-26T00:59:59.999Z'));
    expect(ok('2025-10-26T02:00').epochMs).toBe(Date.parse('2025-10-26T02:00:00Z'));
  });

  it('finds the start of a day whose midnight fell in a gap (Sao Paulo, 4 Nov 2018)', () => {
    const zone = 'America/Sao_Paulo';
    expect(formatInstant(startOfDayMs(day('2018-11-04'), zone), zone)).toBe('2018-11-04T01:00:00.000-02:00');
    expect(ok('2018-11-04T00:30', zone).epochMs).toBe(Date.parse('2018-11-04T03:30:00Z'));
    expect(ok('2018-11-04', zone).day).toBe(day('2018-11-04'));
    expect(isLocalMidnight(Date.parse('2018-11-04T03:00:00Z'), zone)).toBe(true);
    expect(formatInstant(startOfDayMs(day('2019-02-17'), zone), zone)).toBe('2019-02-17T00:00:00.000-03:00');
  });
});

describe('formatInstant', () => {
  it('writes ISO with the zone offset, whatever the machine zone', () => {
    expect(formatInstant(Date.parse('2024-05-07T09:00:00Z'), LONDON)).toBe('2024-05-07T10:00:00.000+01:00');
    expect(formatInstant(Date.parse('2024-01-07T09:00:00Z'), LONDON)).toBe('2024-01-07T09:00:00.000+00:00');
    expect(formatInstant(Date.parse('2024-01-07T09:00:00.007Z'), 'UTC')).toBe(
      '2024-01-07T09:00:00.007+00:00',
    );
    expect(formatInstant(Date.parse('2024-05-07T09:00:00Z'), 'America/St_Johns')).toBe(
      '2024-05-07T06:30:00.000-02:30',
    );
    expect(() => formatInstant(Number.NaN, LONDON)).toThrow(new RangeError('Cannot format the instant NaN'));
  });

  it('writes the seconds of a historical offset that has them (Monrovia, 1900)', () => {
    expect(formatInstant(Date.parse('1900-06-01T00:00:00Z'), 'Africa/Monrovia')).toBe(
      '1900-05-31T23:16:52.000-00:43:08',
    );
  });
});

const ZONES = [
  'Europe/London',
  'Pacific/Auckland',
  'America/Sao_Paulo',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Apia',
  'America/New_York',
  'UTC',
];
const CLOCKS = ZONES.map((z) => [z, createZoneClock(z)] as const);
const anyInstant = fc.integer({
  min: Date.parse('1971-01-01T00:00:00Z'),
  max: Date.parse('2040-12-31T00:00:00Z'),
});

describe('agreement with luxon (property)', () => {
  it('localDayOf, formatInstant and parseInstant round trip', () => {
    fc.assert(
      // One clock per zone for the whole run, as a run of the command keeps one: a clock made
      // afresh for each of the 3000 examples cost seconds (and timed out under load).
      fc.property(anyInstant, fc.constantFrom(...CLOCKS), (ms, [zoneName, zone]) => {
        const dt = DateTime.fromMillis(ms, { zone: zoneName });
        expect(localDayOf(ms, zone)).toBe(day(dt.toISODate() as string));
        const text = formatInstant(ms, zone);
        if (zoneName !== 'UTC') expect(text).toBe(dt.toISO());
        expect(ok(text, zone)).toEqual({
          epochMs: ms,
          day: localDayOf(ms, zone),
          naive: false,
          dateOnly: false,
        });
        const midnight = startOfDayMs(localDayOf(ms, zone), zone);
        const luxonMidnight = dt.startOf('day').toMillis();
        // luxon picks either midnight when it occurs twice (St John's 1991); ours is the first
        expect(midnight).toBeLessThanOrEqual(luxonMidnight);
        expect(localDayOf(midnight, zone)).toBe(localDayOf(ms, zone));
        // The day before is the previous local day there was: Samoa skipped 30 December 2011.
        expect(localDayOf(midnight - 1, zone)).toBe(
          day(DateTime.fromMillis(midnight - 1, { zone: zoneName }).toISODate() as string),
        );
        expect(localDayOf(midnight - 1, zone)).toBeLessThan(localDayOf(ms, zone));
        if (midnight !== luxonMidnight)
          expect(formatInstant(luxonMidnight, zone).slice(11, 23)).toBe('00:00:00.000');
        expect(isLocalMidnight(ms, zone)).toBe(ms === midnight);
      }),
      { numRuns: 3000 },
    );
  });

  it('a skipped day (Samoa, 30 December 2011): 31 December begins where 29 December ends', () => {
    const zone = 'Pacific/Apia';
    const dec31 = day('2011-12-31');
    const midnight = startOfDayMs(dec31, zone);
    expect(formatInstant(midnight, zone)).toBe('2011-12-31T00:00:00.000+14:00');
    expect(formatInstant(midnight - 1, zone)).toBe('2011-12-29T23:59:59.999-10:00');
    expect(localDayOf(midnight - 1, zone)).toBe(day('2011-12-29'));
    expect(isLocalMidnight(midnight, zone)).toBe(true);
    // The missing day's wall times are moved forward over the gap, as any DST gap.
    expect(ok('2011-12-30T12:00:00', zone).epochMs).toBe(Date.parse('2011-12-30T22:00:00Z'));
  });

  it('naive local times: the earliest instant showing that wall time, or moved forward over a gap', () => {
    fc.assert(
      fc.property(anyInstant, fc.constantFrom(...ZONES), (ms, zone) => {
        const wall = new Date(ms).toISOString().slice(0, 23); // a wall time, read in `zone`
        const localAsUtc = Date.parse(`${wall}Z`);
        const mine = ok(wall, zone).epochMs;
        const wallOf = (t: number) => DateTime.fromMillis(t, { zone }).toISO()?.slice(0, 23);
        if (wallOf(mine) === wall) {
          for (const earlier of [1_800_000, 3_600_000, 7_200_000])
            expect(wallOf(mine - earlier)).not.toBe(wall);
        } else {
          // a gap: read with the offset in force before it (luxon's rule), so the wall clock is later
          const offsetBefore = DateTime.fromMillis(mine - 86_400_000, { zone }).offset * 60_000;
          expect(mine).toBe(localAsUtc - offsetBefore);
          expect((wallOf(mine) as string) > wall).toBe(true);
          expect(DateTime.fromMillis(mine, { zone }).offset * 60_000).toBeGreaterThan(offsetBefore);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('naive times around every London transition 2015-2035 match luxon outside overlaps', () => {
    for (let year = 2015; year <= 2035; year++) {
      for (const month of [3, 10]) {
        const lastSunday = DateTime.fromObject({ year, month, day: 31 }, { zone: 'UTC' });
        const sunday = lastSunday.minus({ days: lastSunday.weekday % 7 });
        for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
          const wall = sunday.plus({ minutes }).toISO({ includeOffset: false }) as string;
          const parsed = ok(wall);
          expect(parsed.day).toBe(day(sunday.toISODate() as string));
          if (month === 3) expect(parsed.epochMs).toBe(DateTime.fromISO(wall, { zone: LONDON }).toMillis());
        }
      }
    }
  });
});

describe('performance', () => {
  it('parses 200k absolute timestamps with few luxon calls (offsets kept by the clock)', () => {
    const zone = createZoneClock('Europe/Paris');
    const base = Date.parse('2015-01-01T00:00:00Z');
    const values = Array.from({ length: 200_000 }, (_, i) =>
      new Date(base + i * 4_999_999).toISOString().replace('Z', '+01:00'),
    );
    // The speed is the bench's to print; what is asserted is why it is fast: the calls into luxon.
    const luxonCalls = vi.spyOn(IANAZone.prototype, 'offset');
    let sum = 0;
    for (const value of values) sum += ok(value, zone).day;
    expect(sum).toBeGreaterThan(0);
    expect(luxonCalls.mock.calls.length).toBeLessThan(40_000); // ~2 per UTC day touched, ~50 per clock change
    luxonCalls.mockRestore();
  });

  it('keeps nothing between calls given a zone name, so two clocks never share offsets', () => {
    const luxonCalls = vi.spyOn(IANAZone.prototype, 'offset');
    const at = Date.parse('2024-05-07T10:00:00Z');
    localDayOf(at, 'Europe/Paris');
    const once = luxonCalls.mock.calls.length;
    localDayOf(at, 'Europe/Paris');
    expect(luxonCalls.mock.calls.length).toBe(2 * once);
    const clock = createZoneClock('Europe/Paris');
    localDayOf(at, clock);
    localDayOf(at, clock);
    expect(luxonCalls.mock.calls.length).toBe(3 * once);
    luxonCalls.mockRestore();
  });
});

describe('parseInstant: the common shape read without a regular expression', () => {
  // A leading space sends a string down the general (regular expression) path, which trims it.
  const general = (s: string, zone: string) => {
    const r = parseInstant(` ${s}`, zone);
    return 'error' in r ? { error: r.error.replace(/^" /, '"') } : r;
  };
  const two = (lo: number, hi: number) =>
    fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(2, '0'));
  const instantLike = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      two(0, 13),
      two(0, 32),
      fc.constantFrom('T', 't', ' '),
      two(0, 24),
      two(0, 60),
      two(0, 60),
      fc.oneof(
        fc.constant(''),
        fc.tuple(fc.constantFrom('.', ','), fc.stringMatching(/^\d{1,5}$/)).map(([p, d]) => p + d),
      ),
      fc.oneof(
        fc.constantFrom('Z', 'z', ''),
        fc
          .tuple(fc.constantFrom('+', '-'), two(0, 25), fc.constantFrom(':', ''), two(0, 60))
          .map((p) => p.join('')),
      ),
    )
    .map(([y, mo, d, t, h, mi, s, f, off]) => `${y}-${mo}-${d}${t}${h}:${mi}:${s}${f}${off}`);

  it('gives exactly what the general parser gives, errors included', () => {
    fc.assert(
      fc.property(
        instantLike,
        fc.constantFrom('Europe/London', 'Pacific/Chatham', 'America/Sao_Paulo', 'UTC'),
        (s, zone) => {
          expect(parseInstant(s, zone)).toEqual(general(s, zone));
        },
      ),
      { numRuns: 5000, seed: 11 },
    );
  });

  it.each([
    '2024-05-07T10:00:00Z',
    '2024-05-07T10:00:00.5+01:00',
    '2024-05-07T10:00:00.123-03:30',
    '2024-02-29T23:59:59.999+14:00',
  ])('reads %s as the general parser does', (s) => {
    const fast = parseInstant(s, 'Europe/London');
    expect('error' in fast).toBe(false);
    expect(fast).toEqual(general(s, 'Europe/London'));
  });
});

describe('commonEpochMs: the common shape is read by the fast reader itself', () => {
  // What makes normalising fast: the shape nearly every log writes never reaches the general
  // parser. Each value is also checked against the general parser and against Date.parse.
  const two = (n: number) => String(n).padStart(2, '0');
  const commonShape = fc
    .record({
      year: fc.integer({ min: 1900, max: 2200 }),
      month: fc.integer({ min: 1, max: 12 }),
      dayOfMonth: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{1,3}$/)),
      offset: fc.oneof(
        fc.constant('Z'),
        fc
          .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
          .map(([sign, h, m]) => `${sign}${two(h)}:${two(m)}`),
      ),
    })
    .map(({ year, month, dayOfMonth, hour, minute, second, fraction, offset }) => {
      const dd = Math.min(dayOfMonth, daysInMonth(year, month));
      return `${year}-${two(month)}-${two(dd)}T${two(hour)}:${two(minute)}:${two(second)}${fraction}${offset}`;
    });
  const viaGeneralParser = (s: string) => ok(` ${s}`, 'UTC').epochMs; // a leading space goes the general way

  it('reads every YYYY-MM-DDTHH:MM:SS[.fff] with Z or ±HH:MM of 1900-2200, as the general parser does', () => {
    fc.assert(
      fc.property(commonShape, (s) => {
        const fast = commonEpochMs(s);
        expect(fast).not.toBeNaN();
        expect(fast).toBe(viaGeneralParser(s));
        expect(fast).toBe(Date.parse(s));
      }),
      { numRuns: 2000, seed: 21 },
    );
  });

  it.each([
    '0000-01-01T00:00:00Z',
    '1900-01-01T00:00:00Z',
    '2200-12-31T23:59:59.999Z',
    '2024-02-29T12:00:00+23:59',
    '2023-12-31T23:59:59-23:59',
    '2100-02-28T19:19:19.9+09:09',
    '2024-01-31T00:00:00.1Z',
    '2024-10-10T10:10:10.12+00:00',
    '2024-04-30T09:09:09.009-00:00',
    '2024-06-30T20:30:40.090+10:30',
    '2024-09-30T08:08:08.800-08:08',
  ])('reads the edge case %s itself', (s) => {
    expect(commonEpochMs(s)).toBe(Date.parse(s));
    expect(commonEpochMs(s)).toBe(viaGeneralParser(s));
  });

  it.each([
    '2024-05-07T10:00:00',
    '2024-05-07 10:00:00Z',
    '2024-05-07T10:00:00z',
    '2024-05-07T10:00:00+0100',
    '2024-05-07T10:00:00.1234Z',
    '2024-05-07T10:00:00.Z',
    '2024-05-07T10:00:00,5Z',
    '2024-05-07T10:00Z',
    '2024-02-30T10:00:00Z',
    '2024-05-07T24:00:00Z',
    '2024-05-07T10:00:00+24:00',
    '2024-05-07T10:00:00*01:00',
    '2024-05-07T10:00:00+01:60',
    '2024-13-07T10:00:00Z',
    '2024-00-07T10:00:00Z',
    '2024-05-00T10:00:00Z',
    '2024-05-07T10:60:00Z',
    '2024-05-07T10:00:60Z',
    // a wrong separator, or a character just below 0 or above 9 where a digit belongs
    '2024/05-07T10:00:00Z',
    '2024-05/07T10:00:00Z',
    '2024-05-07T10.00:00Z',
    '2024-05-07T10:00.00Z',
    '2O24-05-07T10:00:00Z',
    '2024-0/-07T10:00:00Z',
    '2024-05-0aT10:00:00Z',
    '2024-05-07T1/:00:00Z',
    '2024-05-07T1a:00:00Z',
    '2024-05-07T10:1a:00Z',
    '2024-05-07T10:00:0/Z',
    '2024-05-07T10:00:00+01x00',
    '2024-05-07T10:00:00+01:00x',
    '2024-05-07T10:00:00+0a:00',
    '2024-05-07T10:00:00+01:0/',
  ])('leaves %s to the general parser', (s) => {
    expect(commonEpochMs(s)).toBeNaN();
  });
});

describe('formatInstant: remembered texts', () => {
  it('never hands one zone the text made for another', () => {
    const ms = Date.parse('2024-05-07T09:00:00Z');
    for (let i = 0; i < 3; i++) {
      expect(formatInstant(ms, 'Europe/London')).toBe('2024-05-07T10:00:00.000+01:00');
      expect(formatInstant(ms, 'Pacific/Auckland')).toBe('2024-05-07T21:00:00.000+12:00');
    }
  });

  it('stays right when many instants are formatted (the memo starts again when full)', () => {
    const base = Date.parse('2024-01-01T00:00:00Z');
    for (let i = 0; i < 10_000; i += 7) {
      const ms = base + i * 60_000;
      expect(formatInstant(ms, 'UTC')).toBe(new Date(ms).toISOString().replace('Z', '+00:00'));
    }
  });
});
