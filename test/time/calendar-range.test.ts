import { describe, expect, it } from 'vitest';
import { type CalendarOptions, createCalendar } from '../../src/time/calendar.js';
import { dayFromIsoDate as d, isoDateFromDay } from '../../src/time/days.js';

const SCOTLAND: CalendarOptions = { zone: 'Europe/London', holidays: { country: 'GB', state: 'SCT' } };
/** The first and last year `holidays()` lists (Scotland has New Year's Day every year). */
const holidayYears = (c: { holidays(): { date: string }[] }) => {
  const years = c.holidays().map((h) => Number(h.date.slice(0, 4)));
  return [Math.min(...years), Math.max(...years)];
};

describe('the years a calendar covers (holidays() lists them)', () => {
  it('before any query: the years given, or 2000-2040', () => {
    expect(holidayYears(createCalendar(SCOTLAND))).toEqual([2000, 2040]);
    expect(holidayYears(createCalendar({ ...SCOTLAND, years: [2024, 2025] }))).toEqual([2024, 2025]);
  });

  it('the years given stay the cover while queries fall inside them', () => {
    const c = createCalendar({ ...SCOTLAND, years: [2024, 2024] });
    expect(c.isWorkingDay(d('2024-05-01'))).toBe(true);
    expect(holidayYears(c)).toEqual([2024, 2024]);
  });

  it('a day asked for adds the years two either side of it, below and above the default', () => {
    const low = createCalendar(SCOTLAND);
    low.isWorkingDay(d('1950-06-01'));
    expect(holidayYears(low)).toEqual([1948, 2040]);
    low.isWorkingDay(d('1960-06-01')); // grows upwards, keeping 1948
    expect(holidayYears(low)).toEqual([1948, 2040]);
    low.workingDaysBetween(d('1948-01-01'), d('1965-06-01')); // starts on its first day: not grown downwards
    expect(holidayYears(low)).toEqual([1948, 2040]);

    const high = createCalendar(SCOTLAND);
    high.isWorkingDay(d('2100-06-01'));
    expect(holidayYears(high)).toEqual([2000, 2102]);
    high.isWorkingDay(d('2090-06-01')); // grows downwards, keeping 2102
    expect(holidayYears(high)).toEqual([2000, 2102]);
    high.workingDaysBetween(d('2085-06-01'), d('2102-12-31')); // ends on its last day: not grown upwards
    expect(holidayYears(high)).toEqual([2000, 2102]);

    const given = createCalendar({ ...SCOTLAND, years: [2024, 2024] });
    given.isWorkingDay(d('2030-06-01'));
    expect(holidayYears(given)).toEqual([2024, 2032]);
  });

  it('answers for a day just before the years given (Fri 29 Dec 2023)', () => {
    const c = createCalendar({ ...SCOTLAND, years: [2024, 2024] });
    expect(c.isWorkingDay(d('2023-12-29'))).toBe(true);
    expect(c.nonWorkingReason(d('2023-12-29'))).toBeUndefined();
  });

  it('finds a deadline beyond the years it was built for', () => {
    const c = createCalendar({ ...SCOTLAND, years: [2024, 2024] });
    expect(isoDateFromDay(c.deadline(d('2024-12-20'), 20))).toBe('2025-01-23');
  });

  it('lists extra holidays only in the years asked for', () => {
    const c = createCalendar({
      ...SCOTLAND,
      extraHolidays: [
        { date: '2023-06-01', name: 'Before' },
        { date: '2024-06-03', name: 'Inside' },
        { date: '2025-06-02', name: 'After' },
      ],
    });
    const names = (from: number, to: number) =>
      c.holidaysInYears(from, to).flatMap((h) => (h.date.slice(5, 7) === '06' ? [h.name] : []));
    expect(names(2024, 2024)).toEqual(['Inside']);
    expect(names(2023, 2025)).toEqual(['Before', 'Inside', 'After']);
  });
});

describe('empty and reversed ranges', () => {
  it('are empty wherever they lie, even outside 1900-2200 or across years on a fresh calendar', () => {
    const far = d('2300-01-01');
    expect(createCalendar(SCOTLAND).workingDaysBetween(far, far)).toBe(0);
    expect(createCalendar(SCOTLAND).nonWorkingDaysBetween(far, far)).toEqual([]);
    expect(createCalendar(SCOTLAND).nonWorkingDatesBetween(far, far)).toEqual([]);
    const [from, to] = [d('2025-01-05'), d('2024-12-20')];
    expect(createCalendar(SCOTLAND).nonWorkingDaysBetween(from, to)).toEqual([]);
    expect(createCalendar(SCOTLAND).nonWorkingDatesBetween(from, to)).toEqual([]);
  });
});

describe('pauses at the end of a range', () => {
  it('a pause starting on the last day counts that day', () => {
    const c = createCalendar(SCOTLAND);
    // Tue 7 May 2024 is a working day; the pause runs on past the range
    expect(
      c.countPausedWorkingDays(d('2024-05-01'), d('2024-05-07'), [[d('2024-05-07'), d('2024-05-20')]]),
    ).toBe(1);
  });
});

describe('what a calendar is made with', () => {
  it('stops the clocks during pauses unless told not to', () => {
    expect(createCalendar(SCOTLAND).pausesStopClocks).toBe(true);
    expect(createCalendar({ ...SCOTLAND, pausesStopClocks: false }).pausesStopClocks).toBe(false);
  });

  it('gives a reason without a name no name key at all', () => {
    const c = createCalendar({ ...SCOTLAND, closures: [{ from: '2024-05-02', to: '2024-05-02' }] });
    expect(c.nonWorkingReason(d('2024-05-02'))).toStrictEqual({ kind: 'closure' });
  });

  it('says what is wrong with a bad weekend, day or count', () => {
    expect(() => createCalendar({ ...SCOTLAND, weekend: [0, 8] })).toThrow(
      'Invalid weekend [0, 8]: ISO weekdays 1-7, leaving at least one',
    );
    expect(() => createCalendar({ ...SCOTLAND, weekend: [8] })).toThrow('Invalid weekend [8]');
    const c = createCalendar(SCOTLAND);
    expect(() => c.workingDaysBetween(d('2024-05-01'), d('2024-05-07') + 0.5)).toThrow(
      `Not a day number: ${d('2024-05-01')}, ${d('2024-05-07') + 0.5}`,
    );
    expect(() => c.workingDaysBetween(d('2024-05-01') - 0.5, d('2024-05-07'))).toThrow(/Not a day number/);
    expect(() => c.deadline(d('2024-05-01'), -1)).toThrow('Invalid number of working days: -1');
  });

  it('refuses a day before 1900 once its table is built', () => {
    const c = createCalendar(SCOTLAND);
    expect(c.isWorkingDay(d('2024-05-01'))).toBe(true);
    expect(() => c.isWorkingDay(d('1899-12-31'))).toThrow(/covers the years 1900-2200, not 1899-2026/);
  });

  it('says how to call it when the options are missing', () => {
    expect(() => createCalendar(undefined as unknown as CalendarOptions)).toThrow(
      "createCalendar: no options given: call createCalendar({ zone: 'Europe/London', holidays: { country: 'GB', state: 'SCT' } }).",
    );
  });
});
