import { IANAZone } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localDayOf } from '../../src/time/instant.js';
import { clockOf, createZoneClock, type Zone } from '../../src/time/zone-clock.js';

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const luxonMs = (zone: string, epochMs: number) => IANAZone.create(zone).offset(epochMs) * 60_000;
/** `count` instants spread over the UTC day starting at `dayStart`, first and last millisecond included. */
const instantsOfDay = (dayStart: number, count: number) =>
  Array.from({ length: count }, (_, i) => dayStart + Math.round((i * (MS_PER_DAY - 1)) / (count - 1)));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('which zones a clock accepts', () => {
  it('names the unknown zone when the clock is made, not when it is first read', () => {
    expect(() => createZoneClock('Nowhere/Town')).toThrow(
      'Unknown time zone "Nowhere/Town" (expected an IANA name such as Europe/London)',
    );
  });

  it('refuses a zone that is not a string, even one that reads as a known name', () => {
    const boxed = new String('Europe/London') as unknown as string;
    expect(() => createZoneClock(boxed)).toThrow('Unknown time zone "Europe/London"');
  });

  it('treats a missing zone as unknown, not as a clock', () => {
    expect(() => clockOf(null as unknown as Zone)).toThrow('Unknown time zone "null"');
    expect(() => localDayOf(0, null as unknown as Zone)).toThrow(RangeError);
  });
});

/**
 * Each case: a zone and a UTC day holding one change of offset. Every instant of the day gets
 * luxon's offset, and luxon is asked about fifty times for the whole day, however many instants
 * are read (the clock's documented cost).
 */
describe.each([
  ['Europe/London', '2024-03-31', 'spring forward at 01:00 UTC'],
  ['Europe/London', '2024-10-27', 'fall back at 01:00 UTC'],
  ['Australia/Lord_Howe', '2024-04-06', 'half-hour change at 15:00 UTC'],
  ['America/Nome', '1900-08-20', 'local mean time ends at 23:01:38 UTC, in the last hour'],
])('a day with one change: %s on %s (%s)', (zone, date, _why) => {
  const dayStart = Date.parse(`${date}T00:00:00Z`);
  const instants = instantsOfDay(dayStart, 2000);

  it("gives luxon's offset at every instant of the day", () => {
    const clock = createZoneClock(zone);
    const wrong = instants.filter((t) => clock.offsetMs(t) !== luxonMs(zone, t));
    expect(wrong).toEqual([]);
  });

  it('asks luxon about fifty times for the whole day', () => {
    const clock = createZoneClock(zone);
    const luxonCalls = vi.spyOn(IANAZone.prototype, 'offset');
    for (const t of instants) clock.offsetMs(t);
    expect(luxonCalls.mock.calls.length).toBeGreaterThan(2);
    expect(luxonCalls.mock.calls.length).toBeLessThan(80);
  });
});

describe('days without a change', () => {
  it('a day that ends where a change at UTC midnight begins costs two luxon calls (Cairo, 1 Oct 1975)', () => {
    const clock = createZoneClock('Africa/Cairo');
    const dayStart = Date.parse('1975-09-30T00:00:00Z');
    const luxonCalls = vi.spyOn(IANAZone.prototype, 'offset');
    for (const t of instantsOfDay(dayStart, 500)) expect(clock.offsetMs(t)).toBe(3 * MS_PER_HOUR);
    expect(luxonCalls.mock.calls.length).toBe(2);
    expect(clock.offsetMs(dayStart + MS_PER_DAY)).toBe(2 * MS_PER_HOUR);
  });

  it('are each remembered: reading two days in turn asks luxon only on the first visit', () => {
    const clock = createZoneClock('Europe/Paris');
    const [winter, summer] = [Date.parse('2024-01-15T12:00:00Z'), Date.parse('2024-07-15T12:00:00Z')];
    const luxonCalls = vi.spyOn(IANAZone.prototype, 'offset');
    for (let i = 0; i < 100; i++) {
      expect(clock.offsetMs(winter)).toBe(MS_PER_HOUR);
      expect(clock.offsetMs(summer)).toBe(2 * MS_PER_HOUR);
    }
    expect(luxonCalls.mock.calls.length).toBe(4);
  });
});

describe('the bound on days remembered', () => {
  it('starts again after 200,000 distinct days, so memory stays bounded', () => {
    // Rules stubbed to a constant offset: only the clock's own memory is under test here.
    const luxonCalls = vi.spyOn(IANAZone.prototype, 'offset').mockReturnValue(60);
    const clock = createZoneClock('Europe/Paris');
    for (let day = 0; day < 200_000; day++) clock.offsetMs(day * MS_PER_DAY);
    luxonCalls.mockClear();
    expect(clock.offsetMs(0)).toBe(MS_PER_HOUR); // still remembered
    expect(luxonCalls.mock.calls.length).toBe(0);
    clock.offsetMs(200_000 * MS_PER_DAY); // one day more: the memory starts again
    clock.offsetMs(0);
    expect(luxonCalls.mock.calls.length).toBe(4);
  });
});

describe('a day with several changes (rules stubbed: no zone has one today)', () => {
  // 00:00-06:00 UTC at +00:00, 06:00-12:00 at +01:00, then +02:00: three offsets in one UTC day.
  const dayStart = Date.parse('2030-06-01T00:00:00Z');
  const stubbedMinutes = (epochMs: number) =>
    epochMs < dayStart + 6 * MS_PER_HOUR ? 0 : epochMs < dayStart + 12 * MS_PER_HOUR ? 60 : 120;

  it('gives the offset in force at each instant', () => {
    vi.spyOn(IANAZone.prototype, 'offset').mockImplementation(stubbedMinutes);
    const clock = createZoneClock('Europe/Paris');
    for (const hour of [3, 9, 15, 3]) {
      const t = dayStart + hour * MS_PER_HOUR;
      expect(clock.offsetMs(t)).toBe(stubbedMinutes(t) * 60_000);
    }
  });
});
