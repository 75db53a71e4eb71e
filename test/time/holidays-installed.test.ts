/**
 * Which date-holidays answers: the precomputed table serves its sources only while the installed
 * date-holidays is the version it was generated from, or while none is installed (an optional
 * peer dependency); any other source then needs the package, and says so. The installed version
 * is what `date-holidays/package.json` says, read here through a stand-in `readFileSync`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkHolidaySource,
  holidaySourceKey,
  liveCountryYear,
  precomputedCountryYear,
  resolvePublicHolidays,
} from '../../src/time/holidays.js';
import { PRECOMPUTED_HOLIDAYS } from '../../src/time/holidays-table.js';

/** The installed date-holidays as the stand-in reports it: a version, or none installed. */
const installed = vi.hoisted(() => ({ version: undefined as string | null | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: string, ...rest: unknown[]) => {
    if (installed.version !== undefined && String(path).endsWith('date-holidays/package.json')) {
      if (installed.version === null) throw new Error('ENOENT: no such file');
      return JSON.stringify({ version: installed.version });
    }
    return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

afterEach(() => {
  installed.version = undefined;
});

const SCOTLAND = { country: 'GB', state: 'SCT' } as const;
const { fromYear, toYear } = PRECOMPUTED_HOLIDAYS;
const NEEDS_PACKAGE = (key: string) =>
  `the holidays of ${key} need the optional package date-holidays (npm install date-holidays); ` +
  `without it only GB/SCT, GB/ENG ${fromYear}-${toYear} are available`;

describe('without date-holidays installed', () => {
  it('still gives the precomputed sources, the same as date-holidays gives them', () => {
    const live = liveCountryYear(SCOTLAND, 2025);
    installed.version = null;
    expect(precomputedCountryYear(SCOTLAND, 2025)).toEqual(live);
    expect(resolvePublicHolidays(SCOTLAND, 2025, 2025).map((h) => h.date)).toEqual(live.map((h) => h.date));
    expect(() => checkHolidaySource({ country: 'gb', state: 'eng' })).not.toThrow();
  });

  it('refuses any other source, or a year outside the table, naming the package and what is available', () => {
    installed.version = null;
    expect(() => resolvePublicHolidays({ country: 'DE' }, 2025, 2025)).toThrow(NEEDS_PACKAGE('DE'));
    expect(() => checkHolidaySource({ country: 'DE', state: 'BY' })).toThrow(NEEDS_PACKAGE('DE/BY'));
    expect(() => checkHolidaySource({ country: 'GB' })).toThrow(NEEDS_PACKAGE('GB'));
    expect(() => liveCountryYear(SCOTLAND, 2025)).toThrow(RangeError);
    expect(() => resolvePublicHolidays(SCOTLAND, toYear, toYear + 1)).toThrow(NEEDS_PACKAGE('GB/SCT'));
  });
});

describe('with another version of date-holidays installed', () => {
  it("leaves the table aside for that version's own answers", () => {
    const live = liveCountryYear(SCOTLAND, 2025);
    installed.version = '0.0.1';
    expect(precomputedCountryYear(SCOTLAND, 2025)).toBeUndefined();
    expect(resolvePublicHolidays(SCOTLAND, 2025, 2025).map((h) => h.date)).toEqual(live.map((h) => h.date));
    expect(() => checkHolidaySource({ country: 'GB', state: 'XYZ' })).toThrow(/state "XYZ"/);
  });

  it('uses the table again with the version it was made from', () => {
    installed.version = PRECOMPUTED_HOLIDAYS.version;
    expect(precomputedCountryYear(SCOTLAND, 2025)).toEqual(liveCountryYear(SCOTLAND, 2025));
  });
});

describe('holidaySourceKey', () => {
  it('names a source by its codes in upper case, its kinds of day when not just public', () => {
    expect(holidaySourceKey({ country: 'gb' })).toBe('GB//');
    expect(holidaySourceKey({ country: 'gb', state: 'sct' })).toBe('GB/SCT/');
    expect(holidaySourceKey({ country: 'de', state: 'by', region: 'a' })).toBe('DE/BY/A');
    expect(holidaySourceKey({ country: 'SE', types: ['public'] })).toBe('SE//');
    expect(holidaySourceKey({ country: 'SE', types: ['public', 'bank', 'public'] })).toBe('SE//+bank+public');
    expect(holidaySourceKey({ country: 'SE', types: ['bank'] })).toBe('SE//+bank');
    expect(holidaySourceKey({ country: 'DE', types: ['school', 'public'] })).toBe('DE//+public+school');
  });
});
