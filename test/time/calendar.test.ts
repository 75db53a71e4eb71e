import { describe, expect, it } from 'vitest';
import { type CalendarOptions, createCalendar } from '../../src/time/calendar.js';
import { dayFromIsoDate as d, isoDateFromDay } from '../../src/time/days.js';
import { parseInstant } from '../../src/time/instant.js';

const SCOTLAND: CalendarOptions = { zone: 'Europe/London', holidays: { country: 'GB', state: 'SCT' } };
const cal = createCalendar(SCOTLAND);
const deadline = (c = cal, start: string, n: number, paused: (readonly [number, number])[] = []) =>
  isoDateFromDay(c.deadline(d(start), n, paused));
const ms = (value: string) => {
  const parsed = parseInstant(value, 'Europe/London');
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.epochMs;
};

describe('working days in Scotland', () => {
  it('knows weekends, holidays and Easter Monday', () => {
    expect(cal.isWorkingDay(d('2024-05-07'))).toBe(true);
    expect(cal.isWorkingDay(d('2024-05-06'))).toBe(false);
    expect(cal.nonWorkingReason(d('2024-05-06'))).toEqual({
      kind: 'holiday',
      name: 'Early May bank holiday',
    });
    expect(cal.nonWorkingReason(d('2024-05-04'))).toEqual({ kind: 'weekend' });
    expect(cal.nonWorkingReason(d('2024-05-07'))).toBeUndefined();
    expect(cal.isWorkingDay(d('2025-04-18'))).toBe(false); // Good Friday
    expect(cal.isWorkingDay(d('2025-04-21'))).toBe(true); // Easter Monday
    expect(cal.isWorkingDay(d('2026-04-03'))).toBe(false);
    expect(cal.isWorkingDay(d('2026-04-06'))).toBe(true);
    expect(cal.nonWorkingReason(d('2026-12-26'))).toEqual({ kind: 'weekend' }); // Boxing Day on a Saturday
    expect(cal.isWorkingDay(d('2026-12-28'))).toBe(false);
    expect(cal.zone).toBe('Europe/London');
    expect(cal.countReceiptDay).toBe(false);
  });

  it('counts working days in (from, to]', () => {
    expect(cal.workingDaysBetween(d('2024-05-03'), d('2024-05-07'))).toBe(1);
    expect(cal.workingDaysBetween(d('2024-05-07'), d('2024-05-07'))).toBe(0);
    expect(cal.workingDaysBetween(d('2024-05-08'), d('2024-05-07'))).toBe(0);
    expect(cal.workingDaysBetween(d('2024-12-31'), d('2025-12-31'))).toBe(261 - 9);
  });

  it('moves day 0 to the next working day', () => {
    expect(isoDateFromDay(cal.dayZero(d('2024-05-01')))).toBe('2024-05-01');
    expect(isoDateFromDay(cal.dayZero(d('2024-05-11')))).toBe('2024-05-13');
    expect(isoDateFromDay(cal.dayZero(d('2024-05-04')))).toBe('2024-05-07'); // Saturday before a bank holiday
    expect(isoDateFromDay(cal.dayZero(d('2025-12-25')))).toBe('2025-12-29');
  });

  it('explains non-working weekdays', () => {
    expect(cal.nonWorkingDaysBetween(d('2024-05-01'), d('2024-05-08'))).toEqual([
      { day: d('2024-05-06'), kind: 'holiday', name: 'Early May bank holiday' },
    ]);
    expect(
      cal.nonWorkingDaysBetween(d('2026-12-20'), d('2027-01-05')).map((x) => isoDateFromDay(x.day)),
    ).toEqual(['2026-12-25', '2026-12-28', '2027-01-01', '2027-01-04']);
    expect(cal.nonWorkingDaysBetween(d('2024-05-06'), d('2024-05-08'))).toEqual([]);
  });

  it('lists the same days as dates alone (nonWorkingDatesBetween), over every range of 2024-2027', () => {
    const closures = createCalendar({ ...SCOTLAND, closures: [{ from: '2025-08-04', to: '2025-08-08' }] });
    for (const c of [cal, closures]) {
      for (let from = d('2024-01-01'); from < d('2027-12-31'); from += 11) {
        for (const length of [0, 1, 6, 30, 400]) {
          const days = c.nonWorkingDaysBetween(from, from + length).map((x) => isoDateFromDay(x.day));
          expect(c.nonWorkingDatesBetween(from, from + length)).toEqual(days);
        }
      }
    }
    expect(closures.nonWorkingDatesBetween(d('2025-08-01'), d('2025-08-10'))).toEqual([
      '2025-08-04',
      '2025-08-05',
      '2025-08-06',
      '2025-08-07',
      '2025-08-08',
    ]);
  });
});

describe('hand-worked deadlines (Scotland)', () => {
  it('3 WD from Wed 1 May 2024 is Tue 7 May (Mon 6 May is a bank holiday)', () => {
    expect(deadline(cal, '2024-05-01', 3)).toBe('2024-05-07');
    expect(cal.elapsedWorkingDays(d('2024-05-01'), d('2024-05-08'))).toBe(4); // the indicators.md example
    expect(cal.elapsedWorkingDays(d('2024-05-01'), d('2024-05-07'))).toBe(3);
    expect(cal.elapsedWorkingDays(d('2024-05-01'), d('2024-05-06'))).toBe(2);
    expect(cal.elapsedWorkingDays(d('2024-05-01'), d('2024-05-01'))).toBe(0);
    expect(cal.elapsedWorkingDays(d('2024-05-01'), d('2024-04-30'))).toBe(0);
    expect(deadline(cal, '2024-05-01', 0)).toBe('2024-05-01');
  });

  it('an answer on the Saturday after a Friday deadline is late although it took n working days', () => {
    expect(deadline(cal, '2024-05-08', 2)).toBe('2024-05-10');
    expect(cal.elapsedWorkingDays(d('2024-05-08'), d('2024-05-11'))).toBe(2);
    expect(d('2024-05-11') <= cal.deadline(d('2024-05-08'), 2)).toBe(false);
  });

  it('20 WD from Mon 15 Dec 2025 runs over Christmas and New Year to Fri 16 Jan 2026', () => {
    // Tue 16 .. Wed 24 Dec = 7; Mon 29 .. Wed 31 = 10; Mon 5 .. Fri 9 Jan = 15; Mon 12 .. Fri 16 = 20
    expect(deadline(cal, '2025-12-15', 20)).toBe('2026-01-16');
    expect(cal.elapsedWorkingDays(d('2025-12-15'), d('2026-01-16'))).toBe(20);
    expect(cal.elapsedWorkingDays(d('2025-12-15'), d('2026-01-15'))).toBe(19);
  });

  it('5 WD from Wed 16 Apr 2025 skips Good Friday but not Easter Monday: Thu 24 Apr', () => {
    expect(deadline(cal, '2025-04-16', 5)).toBe('2025-04-24');
    expect(deadline(cal, '2025-04-17', 1)).toBe('2025-04-21');
  });

  it('a complaint received on a Saturday starts on Monday', () => {
    expect(deadline(cal, '2024-05-11', 3)).toBe('2024-05-16');
    expect(deadline(cal, '2024-05-11', 0)).toBe('2024-05-13');
    expect(cal.elapsedWorkingDays(d('2024-05-11'), d('2024-05-12'))).toBe(0);
    expect(cal.elapsedWorkingDays(d('2024-05-11'), d('2024-05-13'))).toBe(0);
    expect(cal.elapsedWorkingDays(d('2024-05-11'), d('2024-05-16'))).toBe(3);
    expect(deadline(cal, '2024-05-04', 3)).toBe('2024-05-10'); // day 0 = Tue 7 May
  });

  it('countReceiptDay makes day 0 working day 1', () => {
    const c = createCalendar({ ...SCOTLAND, countReceiptDay: true });
    expect(c.countReceiptDay).toBe(true);
    expect(deadline(c, '2024-05-01', 3)).toBe('2024-05-03');
    expect(deadline(c, '2024-05-01', 1)).toBe('2024-05-01');
    expect(deadline(c, '2024-05-01', 0)).toBe('2024-05-01');
    expect(deadline(c, '2024-05-01', 4)).toBe('2024-05-07');
    expect(c.elapsedWorkingDays(d('2024-05-01'), d('2024-05-01'))).toBe(1);
    expect(c.elapsedWorkingDays(d('2024-05-01'), d('2024-05-08'))).toBe(5);
    expect(c.elapsedWorkingDays(d('2024-05-11'), d('2024-05-12'))).toBe(0);
    expect(deadline(c, '2024-05-11', 3)).toBe('2024-05-15');
  });

  it('closures: a festive closure 24 Dec 2025 - 2 Jan 2026 moves 20 WD to Thu 22 Jan', () => {
    const c = createCalendar({
      ...SCOTLAND,
      closures: [{ from: '2025-12-24', to: '2026-01-02', reason: 'Festive' }],
    });
    expect(deadline(c, '2025-12-15', 20)).toBe('2026-01-22');
    expect(c.nonWorkingReason(d('2025-12-24'))).toEqual({ kind: 'closure', name: 'Festive' });
    expect(c.nonWorkingReason(d('2025-12-25'))).toEqual({ kind: 'holiday', name: 'Christmas Day' });
    expect(c.nonWorkingReason(d('2025-12-27'))).toEqual({ kind: 'weekend' });
    expect(c.nonWorkingDaysBetween(d('2025-12-15'), d('2026-01-05')).map((x) => x.kind)).toEqual([
      'closure',
      'holiday',
      'holiday',
      'closure',
      'closure',
      'closure',
      'holiday',
      'holiday',
    ]);
    const unnamed = createCalendar({ ...SCOTLAND, closures: [{ from: '2024-05-02', to: '2024-05-02' }] });
    expect(unnamed.nonWorkingReason(d('2024-05-02'))).toEqual({ kind: 'closure' });
    expect(deadline(unnamed, '2024-05-01', 3)).toBe('2024-05-08');
  });

  it('extra holidays', () => {
    const c = createCalendar({
      ...SCOTLAND,
      extraHolidays: [
        { date: '2024-05-02', name: 'Staff day' },
        { date: '2024-05-03' },
        { date: '2024-05-06' },
      ],
    });
    expect(deadline(c, '2024-05-01', 3)).toBe('2024-05-09');
    expect(c.nonWorkingReason(d('2024-05-02'))).toEqual({ kind: 'holiday', name: 'Staff day' });
    expect(c.nonWorkingReason(d('2024-05-03'))).toEqual({ kind: 'holiday', name: 'Extra holiday' });
    expect(c.nonWorkingReason(d('2024-05-06'))?.name).toBe('Early May bank holiday');
    expect(c.holidaysInYears(2024, 2024).filter((h) => h.date.startsWith('2024-05'))).toEqual([
      { date: '2024-05-02', name: 'Staff day' },
      { date: '2024-05-03', name: 'Extra holiday' },
      { date: '2024-05-06', name: 'Early May bank holiday' },
      { date: '2024-05-27', name: 'Spring bank holiday' },
    ]);
  });
});

describe('pauses', () => {
  it('counts only whole local days between pause and resume', () => {
    // paused Thu 2 May 14:00, resumed Thu 9 May 10:00: Fri 3 .. Wed 8 paused (Fri 3, Tue 7, Wed 8 working)
    const paused = cal.pausedDaysFrom([
      { pausedAtMs: ms('2024-05-02T14:00'), resumedAtMs: ms('2024-05-09T10:00') },
    ]);
    expect(paused).toEqual([[d('2024-05-03'), d('2024-05-08')]]);
    expect(cal.countPausedWorkingDays(d('2024-05-01'), d('2024-05-10'), paused)).toBe(3);
    expect(deadline(cal, '2024-05-01', 3, [...paused])).toBe('2024-05-10');
    expect(cal.elapsedWorkingDays(d('2024-05-01'), d('2024-05-10'), paused)).toBe(3);
    expect(cal.elapsedWorkingDays(d('2024-05-01'), d('2024-05-08'), paused)).toBe(1);
  });

  it('a pause starting exactly at local midnight covers that day; resuming mid-day does not cover it', () => {
    const atMidnight = cal.pausedDaysFrom([
      { pausedAtMs: ms('2024-05-02T00:00:00+01:00'), resumedAtMs: ms('2024-05-03T12:00') },
    ]);
    expect(atMidnight).toEqual([[d('2024-05-02'), d('2024-05-02')]]);
    expect(deadline(cal, '2024-05-01', 3, [...atMidnight])).toBe('2024-05-08');
    // UTC midnight is 01:00 BST: not a whole local day
    const utcMidnight = cal.pausedDaysFrom([
      { pausedAtMs: ms('2024-05-02T00:00:00Z'), resumedAtMs: ms('2024-05-03T12:00') },
    ]);
    expect(utcMidnight).toEqual([]);
    const oneMsLate = cal.pausedDaysFrom([
      { pausedAtMs: ms('2024-05-02') + 1, resumedAtMs: ms('2024-05-04') },
    ]);
    expect(oneMsLate).toEqual([[d('2024-05-03'), d('2024-05-03')]]);
  });

  it('resuming exactly at midnight ends the pause the day before; empty and reversed pauses are dropped', () => {
    expect(cal.pausedDaysFrom([{ pausedAtMs: ms('2024-05-02'), resumedAtMs: ms('2024-05-03') }])).toEqual([
      [d('2024-05-02'), d('2024-05-02')],
    ]);
    expect(
      cal.pausedDaysFrom([{ pausedAtMs: ms('2024-05-02T09:00'), resumedAtMs: ms('2024-05-02T17:00') }]),
    ).toEqual([]);
    expect(cal.pausedDaysFrom([{ pausedAtMs: ms('2024-05-09'), resumedAtMs: ms('2024-05-02') }])).toEqual([]);
    expect(() => cal.pausedDaysFrom([{ pausedAtMs: 0, resumedAtMs: Number.NaN }])).toThrow(RangeError);
  });

  it('merges overlapping pauses and respects the clock change', () => {
    const paused = cal.pausedDaysFrom([
      { pausedAtMs: ms('2024-03-29T10:00'), resumedAtMs: ms('2024-04-03T10:00') },
      { pausedAtMs: ms('2024-03-31'), resumedAtMs: ms('2024-04-05T10:00') },
      { pausedAtMs: ms('2024-03-20T10:00'), resumedAtMs: ms('2024-03-23T10:00') },
    ]);
    expect(paused).toEqual([
      [d('2024-03-21'), d('2024-03-22')],
      [d('2024-03-30'), d('2024-04-04')],
    ]);
    // pausing exactly at midnight on the clock-change day (00:00 GMT)
    expect(
      cal.pausedDaysFrom([{ pausedAtMs: ms('2024-03-31T00:00:00Z'), resumedAtMs: ms('2024-04-02') }]),
    ).toEqual([[d('2024-03-31'), d('2024-04-01')]]);
  });

  it('accepts unsorted or overlapping PausedDays too', () => {
    const messy = [
      [d('2024-05-08'), d('2024-05-08')],
      [d('2024-05-03'), d('2024-05-07')],
      [d('2024-05-05'), d('2024-05-04')],
    ] as const;
    expect(cal.countPausedWorkingDays(d('2024-05-01'), d('2024-05-10'), messy)).toBe(3);
    expect(deadline(cal, '2024-05-01', 3, [...messy])).toBe('2024-05-10');
  });
});

describe('the table', () => {
  it('grows when asked for a day outside its years, with the same answers', () => {
    const small = createCalendar({ ...SCOTLAND, years: [2024, 2024] });
    expect(deadline(small, '2025-12-15', 20)).toBe('2026-01-16');
    expect(small.isWorkingDay(d('2025-04-21'))).toBe(true);
    expect(small.isWorkingDay(d('1999-12-31'))).toBe(cal.isWorkingDay(d('1999-12-31')));
    expect(small.workingDaysBetween(d('1990-01-01'), d('2030-01-01'))).toBe(
      cal.workingDaysBetween(d('1990-01-01'), d('2030-01-01')),
    );
    expect(deadline(small, '2024-12-20', 200)).toBe(deadline(cal, '2024-12-20', 200));
    expect(small.holidays().length).toBeGreaterThan(10 * 9);
  });

  it('rejects bad options and days outside 1900-2200', () => {
    expect(() => createCalendar({ ...SCOTLAND, zone: 'Nowhere/Town' })).toThrow(/Nowhere/);
    expect(() => createCalendar({ ...SCOTLAND, weekend: [1, 2, 3, 4, 5, 6, 7] })).toThrow(RangeError);
    expect(() => createCalendar({ ...SCOTLAND, weekend: [0] })).toThrow(RangeError);
    expect(() => createCalendar({ ...SCOTLAND, years: [2040, 2000] })).toThrow(RangeError);
    expect(() =>
      createCalendar({ ...SCOTLAND, closures: [{ from: '2024-05-02', to: '2024-05-01' }] }),
    ).toThrow(/before it starts/);
    expect(() => createCalendar({ ...SCOTLAND, extraHolidays: [{ date: '2024-02-30' }] })).toThrow(
      /2024-02-30/,
    );
    expect(() => createCalendar({ ...SCOTLAND, holidays: { country: 'ZZ' } })).toThrow(/ZZ/);
    expect(() => cal.isWorkingDay(d('2201-01-01'))).toThrow(/1900-2200/);
    expect(() => cal.isWorkingDay(1.5)).toThrow(RangeError);
    expect(() => cal.deadline(d('2024-05-01'), -1)).toThrow(RangeError);
    expect(() => cal.deadline(d('2024-05-01'), 1.5)).toThrow(RangeError);
  });

  it('supports other weekends and no holidays', () => {
    const c = createCalendar({ zone: 'Asia/Dubai', holidays: { none: true }, weekend: [5, 6] });
    expect(c.isWorkingDay(d('2024-05-05'))).toBe(true); // Sunday
    expect(c.isWorkingDay(d('2024-05-03'))).toBe(false); // Friday
    expect(deadline(c, '2024-05-02', 1)).toBe('2024-05-05');
    expect(c.holidays()).toEqual([]);
  });
});
