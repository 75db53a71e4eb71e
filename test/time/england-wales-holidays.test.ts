/**
 * England and Wales bank holidays (date-holidays GB/ENG, the default of `hoc-code-2024`): the
 * lists published for each year, the one-off days of 2020, 2022 and 2023 included, from the
 * precomputed table and from date-holidays alike; Wales has the same days.
 */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/time/calendar.js';
import { dayFromIsoDate } from '../../src/time/days.js';
import {
  holidaySourceKey,
  liveCountryYear,
  precomputedCountryYear,
  resolvePublicHolidays,
} from '../../src/time/holidays.js';

const ENGLAND = { country: 'GB', state: 'ENG' } as const;
const WALES = { country: 'GB', state: 'WLS' } as const;
const weekdays = (source: typeof ENGLAND | typeof WALES, year: number) =>
  resolvePublicHolidays(source, year, year)
    .map((h) => h.date)
    .filter((date) => ![6, 0].includes(new Date(`${date}T12:00:00Z`).getUTCDay()));

// The bank holidays in England and Wales as published, weekdays only (substitute days included).
const PUBLISHED: Record<number, string[]> = {
  2020: [
    '2020-01-01',
    '2020-04-10',
    '2020-04-13',
    '2020-05-08',
    '2020-05-25',
    '2020-08-31',
    '2020-12-25',
    '2020-12-28',
  ],
  2022: [
    '2022-01-03',
    '2022-04-15',
    '2022-04-18',
    '2022-05-02',
    '2022-06-02',
    '2022-06-03',
    '2022-08-29',
    '2022-09-19',
    '2022-12-26',
    '2022-12-27',
  ],
  2023: [
    '2023-01-02',
    '2023-04-07',
    '2023-04-10',
    '2023-05-01',
    '2023-05-08',
    '2023-05-29',
    '2023-08-28',
    '2023-12-25',
    '2023-12-26',
  ],
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2025: [
    '2025-01-01',
    '2025-04-18',
    '2025-04-21',
    '2025-05-05',
    '2025-05-26',
    '2025-08-25',
    '2025-12-25',
    '2025-12-26',
  ],
};

describe('England and Wales bank holidays (date-holidays GB/ENG)', () => {
  it.each(Object.entries(PUBLISHED))('match the list published for %s', (year, dates) => {
    expect(weekdays(ENGLAND, Number(year))).toEqual(dates);
    expect(weekdays(WALES, Number(year))).toEqual(dates);
  });

  it('are precomputed, and the table agrees with date-holidays', () => {
    expect(holidaySourceKey(ENGLAND)).toBe('GB/ENG/');
    for (const year of [1995, 2002, 2012, 2022, 2023, 2030]) {
      expect(precomputedCountryYear(ENGLAND, year)).toEqual(liveCountryYear(ENGLAND, year));
    }
  });

  it('make the 2022 state funeral and the 2023 coronation non-working, and not St Andrew’s Day or 2 January', () => {
    const calendar = createCalendar({ zone: 'Europe/London', holidays: ENGLAND });
    const name = (date: string) => calendar.nonWorkingReason(dayFromIsoDate(date));
    expect(name('2022-09-19')).toMatchObject({ name: "Queen Elizabeth's Funeral Day" });
    expect(name('2023-05-08')).toMatchObject({ name: "King Charles III's Coronation" });
    expect(name('2022-06-03')).toMatchObject({ name: 'Queen’s Platinum Jubilee' });
    expect(name('2024-04-01')).toMatchObject({ name: 'Easter Monday' });
    expect(name('2024-12-02')).toBeUndefined();
    expect(name('2025-01-02')).toBeUndefined();
    expect(name('2025-08-04')).toBeUndefined();
  });

  it('carry the proclaimed corrections for the whole United Kingdom (2011 royal wedding)', () => {
    expect(resolvePublicHolidays(ENGLAND, 2011, 2011).map((h) => h.date)).toContain('2011-04-29');
  });
});
