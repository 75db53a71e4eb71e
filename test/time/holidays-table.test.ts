/**
 * The precomputed holidays (`src/time/holidays-table.ts`, from `scripts/generate-holidays.ts`)
 * are date-holidays' own, for the installed version, every year the calendar supports; and a
 * calendar built lazily (no `years`: the table waits for the first query and grows) answers
 * exactly as one whose table was built at once.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/time/calendar.js';
import { dayFromIsoDate } from '../../src/time/days.js';
import {
  checkHolidaySource,
  holidaySourceKey,
  liveCountryYear,
  precomputedCountryYear,
  resolvePublicHolidays,
} from '../../src/time/holidays.js';
import { PRECOMPUTED_HOLIDAYS } from '../../src/time/holidays-table.js';

const SCOTLAND = { country: 'GB', state: 'SCT' } as const;

describe('the precomputed holidays', () => {
  it('were generated from the installed date-holidays (else run `npx tsx scripts/generate-holidays.ts`)', () => {
    const installed = (createRequire(import.meta.url)('date-holidays/package.json') as { version: string })
      .version;
    expect(PRECOMPUTED_HOLIDAYS.version).toBe(installed);
    expect(Object.keys(PRECOMPUTED_HOLIDAYS.sources)).toContain(holidaySourceKey(SCOTLAND));
  });

  it("are date-holidays' own public holidays, in its order, every year 1900-2200", () => {
    for (const key of Object.keys(PRECOMPUTED_HOLIDAYS.sources)) {
      const [country = '', state, region] = key.split('/');
      const source = { country, ...(state ? { state } : {}), ...(region ? { region } : {}) };
      for (let year = PRECOMPUTED_HOLIDAYS.fromYear; year <= PRECOMPUTED_HOLIDAYS.toYear; year++) {
        expect(precomputedCountryYear(source, year), `${key} ${year}`).toEqual(liveCountryYear(source, year));
      }
    }
  });

  it('are found whatever the case of the codes, and not for other sources', () => {
    expect(precomputedCountryYear({ country: 'gb', state: 'sct' }, 2025)).toEqual(
      liveCountryYear(SCOTLAND, 2025),
    );
    expect(precomputedCountryYear({ country: 'GB' }, 2025)).toBeUndefined();
    expect(precomputedCountryYear(SCOTLAND, 2201)).toBeUndefined();
    expect(resolvePublicHolidays({ country: 'GB' }, 2025, 2025).length).toBeGreaterThan(5);
  });

  it('still reject unknown codes before any year is computed', () => {
    expect(() => checkHolidaySource({ country: 'ZZ' })).toThrow(/ZZ/);
    expect(() => checkHolidaySource({ country: 'GB', state: 'XYZ' })).toThrow(/XYZ/);
    expect(() => checkHolidaySource({ dates: [{ date: '2025-02-30', name: 'x' }] })).toThrow(/2025-02-30/);
    expect(() => checkHolidaySource(SCOTLAND)).not.toThrow();
    expect(() => checkHolidaySource({ none: true })).not.toThrow();
  });
});

describe('a lazily built calendar', () => {
  const options = {
    zone: 'Europe/London',
    holidays: SCOTLAND,
    extraHolidays: [{ date: '2025-06-13', name: 'Staff day' }],
    closures: [{ from: '2024-12-24', to: '2025-01-03', reason: 'Festive closure' }],
  };

  it('answers as one built at once, whatever is asked first', () => {
    const day = fc.integer({ min: dayFromIsoDate('1990-01-01'), max: dayFromIsoDate('2060-12-31') });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 8 }),
        (asks) => {
          const eager = createCalendar({ ...options, years: [2000, 2040] });
          const lazy = createCalendar(options);
          for (const [d, n] of asks) {
            expect(lazy.isWorkingDay(d)).toBe(eager.isWorkingDay(d));
            expect(lazy.nonWorkingReason(d)).toEqual(eager.nonWorkingReason(d));
            expect(lazy.deadline(d, n, [[d + 3, d + 9]])).toBe(eager.deadline(d, n, [[d + 3, d + 9]]));
            expect(lazy.elapsedWorkingDays(d, d + n)).toBe(eager.elapsedWorkingDays(d, d + n));
            expect(lazy.nonWorkingDaysBetween(d - n, d)).toEqual(eager.nonWorkingDaysBetween(d - n, d));
          }
        },
      ),
      { numRuns: 60, seed: 5 },
    );
  });

  it('lists the holidays of 2000-2040 at least, as before', () => {
    const eager = createCalendar({ ...options, years: [2000, 2040] });
    expect(createCalendar(options).holidays()).toEqual(eager.holidays());
    const lazy = createCalendar(options);
    lazy.isWorkingDay(dayFromIsoDate('1995-03-01'));
    expect(lazy.holidays()[0]?.date.slice(0, 4)).toBe('1993');
    expect(lazy.holidays().at(-1)?.date.slice(0, 4)).toBe('2040');
  });

  it('still throws at once for a bad zone or holiday source, and for days outside 1900-2200', () => {
    expect(() => createCalendar({ ...options, zone: 'Nowhere/Town' })).toThrow(/Nowhere/);
    expect(() => createCalendar({ ...options, holidays: { country: 'ZZ' } })).toThrow(/ZZ/);
    expect(() => createCalendar(options).isWorkingDay(dayFromIsoDate('2201-01-01'))).toThrow(/1900-2200/);
    expect(() => createCalendar(options).isWorkingDay(1.5)).toThrow(RangeError);
  });
});
