/**
 * Bank holidays as proclaimed: every UK one-off change since 2000, for Scotland and England, and
 * date-holidays' own GB/SCT and GB/ENG lists against the published bank holidays 2018-2027
 * (https://www.gov.uk/bank-holidays), written out by hand. Weekend dates are left out: a holiday
 * on a Saturday or Sunday changes no working day (its substitute day is listed instead).
 */
import { describe, expect, it } from 'vitest';
import {
  correctHolidayYear,
  HOLIDAY_CORRECTIONS,
  holidayCorrectionsFor,
} from '../../src/time/holiday-corrections.js';
import { liveCountryYear, resolvePublicHolidays } from '../../src/time/holidays.js';

const SCOTLAND = { country: 'GB', state: 'SCT' } as const;
const ENGLAND = { country: 'GB', state: 'ENG' } as const;
const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
const proclaimed = (source: typeof SCOTLAND | typeof ENGLAND, year: number) =>
  resolvePublicHolidays(source, year, year).map((h) => h.date);

describe('UK one-off bank holidays since 2000, as proclaimed', () => {
  const oneOffs: [string, string, string[], string[]][] = [
    [
      '2002 golden jubilee: 3 June added, spring holiday moved to 4 June',
      '2002',
      ['2002-06-03', '2002-06-04'],
      ['2002-05-27'],
    ],
    ['2011 royal wedding: 29 April', '2011', ['2011-04-29'], []],
    [
      '2012 diamond jubilee: spring holiday moved to 4 June, 5 June added',
      '2012',
      ['2012-06-04', '2012-06-05'],
      ['2012-05-28'],
    ],
    ['2020 VE day: early May holiday moved to Friday 8 May', '2020', ['2020-05-08'], ['2020-05-04']],
    [
      '2022 platinum jubilee: spring holiday on 2 June, 3 June added',
      '2022',
      ['2022-06-02', '2022-06-03'],
      ['2022-05-30'],
    ],
    ['2022 state funeral of Queen Elizabeth II: 19 September', '2022', ['2022-09-19'], []],
    ['2023 coronation of King Charles III: 8 May', '2023', ['2023-05-08'], []],
  ];
  for (const [what, year, holidays, notHolidays] of oneOffs) {
    for (const source of [SCOTLAND, ENGLAND]) {
      it(`${what} (${source.state})`, () => {
        const dates = proclaimed(source, Number(year));
        for (const d of holidays) expect(dates, d).toContain(d);
        for (const d of notHolidays) expect(dates, d).not.toContain(d);
      });
    }
  }

  it('cites a source for every correction, and lists those of the years asked for', () => {
    for (const c of HOLIDAY_CORRECTIONS) expect(c.source).toMatch(/Proclamation/);
    expect(holidayCorrectionsFor('gb', 2011, 2011).map((c) => c.date)).toEqual(['2011-04-29']);
    expect(holidayCorrectionsFor('GB', 2013, 2026)).toEqual([]);
    expect(holidayCorrectionsFor('NL', 2000, 2030)).toEqual([]);
  });

  it('are still needed: date-holidays lacks each correction', () => {
    for (const c of HOLIDAY_CORRECTIONS) {
      const raw = liveCountryYear(SCOTLAND, Number(c.date.slice(0, 4))).map((h) => h.date);
      expect(raw.includes(c.date), c.date).toBe(c.change === 'remove');
    }
  });
});

// The published bank holidays on weekdays, 2018-2027.
const PUBLISHED: Record<string, Record<string, readonly string[]>> = {
  SCT: {
    2018: ['01-01', '01-02', '03-30', '05-07', '05-28', '08-06', '11-30', '12-25', '12-26'],
    2019: ['01-01', '01-02', '04-19', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
    2020: ['01-01', '01-02', '04-10', '05-08', '05-25', '08-03', '11-30', '12-25', '12-28'],
    2021: ['01-01', '01-04', '04-02', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
    2022: ['01-03', '01-04', '04-15', '05-02', '06-02', '06-03', '08-01', '09-19', '11-30', '12-26', '12-27'],
    2023: ['01-02', '01-03', '04-07', '05-01', '05-08', '05-29', '08-07', '11-30', '12-25', '12-26'],
    2024: ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
    2025: ['01-01', '01-02', '04-18', '05-05', '05-26', '08-04', '12-01', '12-25', '12-26'],
    2026: ['01-01', '01-02', '04-03', '05-04', '05-25', '08-03', '11-30', '12-25', '12-28'],
    2027: ['01-01', '01-04', '03-26', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
  },
  ENG: {
    2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
    2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
    2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
    2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
    2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
    2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
    2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
    2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
    2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
    2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
  },
};

describe("date-holidays' lists against the published bank holidays 2018-2027", () => {
  for (const [state, years] of Object.entries(PUBLISHED)) {
    for (const [year, days] of Object.entries(years)) {
      it(`GB/${state} ${year}`, () => {
        const source = { country: 'GB', state };
        const expected = days.map((d) => `${year}-${d}`);
        expect(
          liveCountryYear(source, Number(year))
            .map((h) => h.date)
            .filter(weekday),
        ).toEqual(expected);
        expect(
          resolvePublicHolidays(source, Number(year), Number(year))
            .map((h) => h.date)
            .filter(weekday),
        ).toEqual(expected);
      });
    }
  }
});

describe('correctHolidayYear', () => {
  const ny = { date: '2011-01-02', name: "New Year's Day" };
  it('adds and removes the days of the year asked for, sorted by date', () => {
    expect(correctHolidayYear('gb', 2011, [{ date: '2011-12-25', name: 'Christmas Day' }, ny])).toEqual([
      ny,
      { date: '2011-04-29', name: 'Royal wedding' },
      { date: '2011-12-25', name: 'Christmas Day' },
    ]);
    expect(correctHolidayYear('GB', 2012, [{ date: '2012-05-28', name: 'Spring bank holiday' }])).toEqual([
      { date: '2012-06-04', name: 'Spring bank holiday' },
    ]);
    expect(correctHolidayYear('DE', 2011, [ny])).toEqual([ny]);
  });

  it('keeps once, as date-holidays names it, a day added that date-holidays already lists', () => {
    expect(
      correctHolidayYear('GB', 2011, [{ date: '2011-04-29', name: 'Wedding of William and Catherine' }]),
    ).toEqual([{ date: '2011-04-29', name: 'Wedding of William and Catherine' }]);
  });
});
