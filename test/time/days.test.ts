import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  dayFromIsoDate,
  isoDateFromDay,
  isoWeekdayOfDay,
  yearOfDay,
} from '../../src/time/days.js';
import { formatDay, formatDayShort } from '../../src/time/format.js';

describe('day numbers', () => {
  it('counts days from Thursday 1970-01-01', () => {
    expect(dayFromIsoDate('1970-01-01')).toBe(0);
    expect(isoWeekdayOfDay(0)).toBe(4);
    expect(dayFromIsoDate('1969-12-31')).toBe(-1);
    expect(isoWeekdayOfDay(-1)).toBe(3);
    expect(dayFromIsoDate('2024-05-07')).toBe(19850);
    expect(isoDateFromDay(19850)).toBe('2024-05-07');
    expect(isoWeekdayOfDay(19850)).toBe(2);
    expect(isoWeekdayOfDay(dayFromIsoDate('2024-05-05'))).toBe(7);
    expect(isoWeekdayOfDay(dayFromIsoDate('2024-05-06'))).toBe(1);
    expect(dayFromIsoDate('2000-02-29') + 1).toBe(dayFromIsoDate('2000-03-01'));
    expect(dayFromIsoDate('2100-02-28') + 1).toBe(dayFromIsoDate('2100-03-01'));
  });

  it('gives the year of a day', () => {
    expect(yearOfDay(dayFromIsoDate('2024-12-31'))).toBe(2024);
    expect(yearOfDay(dayFromIsoDate('2025-01-01'))).toBe(2025);
    expect(yearOfDay(-1)).toBe(1969);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2100-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-05-00',
    '2024-5-7',
    '07/05/2024',
    '2024-05-07T10:00',
    ' 2024-05-07',
    '',
  ])('rejects %j with a message naming it', (value) => {
    expect(() => dayFromIsoDate(value)).toThrow(RangeError);
    expect(() => dayFromIsoDate(value)).toThrow(`"${value}"`);
  });

  it('agrees with Date.UTC over years 0001-9999 (property)', () => {
    const min = dayFromIsoDate('0001-01-01');
    const max = dayFromIsoDate('9999-12-31');
    fc.assert(
      fc.property(fc.integer({ min, max }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(isoDateFromDay(day)).toBe(iso);
        expect(dayFromIsoDate(iso)).toBe(day);
        expect(isoWeekdayOfDay(day)).toBe(new Date(day * 86_400_000).getUTCDay() || 7);
        expect(yearOfDay(day)).toBe(new Date(day * 86_400_000).getUTCFullYear());
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same dates twice, inside and at the edges of its cache of 1970-2099', () => {
    for (const day of [-1, 0, 1, 19_850, 47_481, 47_482, 47_483]) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(isoDateFromDay(day)).toBe(iso);
      expect(isoDateFromDay(day)).toBe(iso);
    }
    expect(isoDateFromDay(47_481)).toBe('2099-12-31');
  });
});

describe('formatDay', () => {
  it('writes English day names without a locale', () => {
    expect(formatDay(dayFromIsoDate('2024-05-07'))).toBe('Tue 7 May 2024');
    expect(formatDayShort(dayFromIsoDate('2024-05-07'))).toBe('Tue 7 May');
    expect(formatDay(dayFromIsoDate('2025-12-25'))).toBe('Thu 25 Dec 2025');
    expect(formatDay(dayFromIsoDate('2026-01-01'))).toBe('Thu 1 Jan 2026');
    expect(formatDayShort(dayFromIsoDate('2024-09-29'))).toBe('Sun 29 Sep');
    expect(formatDay(0)).toBe('Thu 1 Jan 1970');
  });

  it('names every day as the UTC date of its midnight does, every month and day of month', () => {
    const words = (day: number) => {
      const [weekday, dayOfMonth, month, year] = new Date(day * 86_400_000).toUTCString().split(' ');
      return { weekday: weekday?.slice(0, 3), month, dayOfMonth: String(Number(dayOfMonth)), year };
    };
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromIsoDate('1900-01-01'), max: dayFromIsoDate('2200-12-31') }),
        (day) => {
          const w = words(day);
          expect(formatDayShort(day)).toBe(`${w.weekday} ${w.dayOfMonth} ${w.month}`);
          expect(formatDay(day)).toBe(`${w.weekday} ${w.dayOfMonth} ${w.month} ${Number(w.year)}`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('day numbers at the edges of the 400-year cycle', () => {
  // The last day of a 400-year era is a 29 February of a year divisible by 400: the one day the
  // era term of civil_from_days decides.
  it('reads back 29 February of 1600, 2000 and 2400, and the days around them', () => {
    for (const iso of [
      '1600-02-29',
      '2000-02-28',
      '2000-02-29',
      '2000-03-01',
      '2400-02-29',
      '2100-02-28',
      '2100-03-01',
    ]) {
      const [y, m, d] = iso.split('-').map(Number);
      expect(civilFromDays(dayFromIsoDate(iso)), iso).toEqual([y, m, d]);
    }
  });

  it('refuses months 0 and 13, naming the month', () => {
    expect(() => dayFromIsoDate('2024-00-10')).toThrow('month 0 does not exist');
    expect(() => dayFromIsoDate('2024-13-01')).toThrow('month 13 does not exist');
  });
});
