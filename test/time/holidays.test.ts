import { describe, expect, it } from 'vitest';
import { resolvePublicHolidays } from '../../src/time/holidays.js';

const SCOTLAND = { country: 'GB', state: 'SCT' } as const;
const datesOf = (year: number) =>
  resolvePublicHolidays(SCOTLAND, year, year)
    .map((h) => h.date)
    .filter((date) => ![6, 0].includes(new Date(`${date}T12:00:00Z`).getUTCDay()));

describe('Scottish bank holidays (date-holidays GB/SCT)', () => {
  it('matches the published 2025 list', () => {
    expect(datesOf(2025)).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-04-18',
      '2025-05-05',
      '2025-05-26',
      '2025-08-04',
      '2025-12-01',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('matches the published 2026 list', () => {
    expect(datesOf(2026)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-04-03',
      '2026-05-04',
      '2026-05-25',
      '2026-08-03',
      '2026-11-30',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  it('does not make Easter Monday a holiday, and keeps one-off days', () => {
    const all = resolvePublicHolidays(SCOTLAND, 2022, 2026).map((h) => h.date);
    expect(all).not.toContain('2025-04-21');
    expect(all).not.toContain('2026-04-06');
    expect(all).toContain('2022-09-19');
    expect(all).toContain('2022-01-04'); // New Year's Day substitute
  });

  it('uses the local date, sorted, deduplicated, English names', () => {
    const list = resolvePublicHolidays(SCOTLAND, 2024, 2025);
    expect(list.map((h) => h.date)).toEqual([...new Set(list.map((h) => h.date))].sort());
    expect(list.find((h) => h.date === '2024-05-06')).toEqual({
      date: '2024-05-06',
      name: 'Early May bank holiday',
    });
    expect(list.find((h) => h.date === '2025-04-18')?.name).toBe('Good Friday');
    expect(resolvePublicHolidays({ country: 'DE', state: 'BY' }, 2025, 2025)[0]?.name).toBe("New Year's Day");
  });

  it('returns fresh objects (the memo cannot be corrupted)', () => {
    const first = resolvePublicHolidays(SCOTLAND, 2025, 2025);
    (first[0] as { name: string }).name = 'changed';
    expect(resolvePublicHolidays(SCOTLAND, 2025, 2025)[0]?.name).toBe("New Year's Day");
  });

  it('accepts codes in any case and rejects unknown ones', () => {
    expect(resolvePublicHolidays({ country: 'gb', state: 'sct' }, 2025, 2025)).toEqual(
      resolvePublicHolidays(SCOTLAND, 2025, 2025),
    );
    expect(() => resolvePublicHolidays({ country: 'XX' }, 2025, 2025)).toThrow(/country "XX"/);
    expect(() => resolvePublicHolidays({ country: 'GB', state: 'XYZ' }, 2025, 2025)).toThrow(/state "XYZ"/);
    expect(() => resolvePublicHolidays({ country: 'GB', state: 'SCT', region: 'Q' }, 2025, 2025)).toThrow(
      /region "Q"/,
    );
    expect(() => resolvePublicHolidays(SCOTLAND, 2026, 2025)).toThrow(RangeError);
  });
});

describe('other holiday sources', () => {
  it('filters, deduplicates (first name wins) and sorts an explicit list', () => {
    const source = {
      dates: [
        { date: '2025-03-01', name: 'B' },
        { date: '2024-12-31', name: 'A' },
        { date: '2025-03-01', name: 'B2' },
        { date: '2026-01-01', name: 'C' },
      ],
    };
    expect(resolvePublicHolidays(source, 2025, 2025)).toEqual([{ date: '2025-03-01', name: 'B' }]);
    expect(resolvePublicHolidays(source, 2024, 2026).map((h) => h.name)).toEqual(['A', 'B', 'C']);
    expect(() => resolvePublicHolidays({ dates: [{ date: '2025-02-30', name: 'x' }] }, 2025, 2025)).toThrow(
      /2025-02-30/,
    );
  });

  it('has none for { none: true }', () => {
    expect(resolvePublicHolidays({ none: true }, 2000, 2040)).toEqual([]);
  });
});

describe('date-holidays codes', () => {
  const dates = (source: Parameters<typeof resolvePublicHolidays>[0]) =>
    resolvePublicHolidays(source, 2025, 2025).map((h) => `${h.date} ${h.name}`);

  it("gives a region's own holidays on top of its state's", () => {
    const augsburg = dates({ country: 'DE', state: 'BY', region: 'a' });
    expect(augsburg).toContain('2025-08-08 Augsburg Peace Festival');
    expect(dates({ country: 'DE', state: 'BY' })).not.toContain('2025-08-08 Augsburg Peace Festival');
    expect(augsburg).toEqual(expect.arrayContaining(dates({ country: 'DE', state: 'BY' })));
  });

  it('counts the kinds of day asked for: public only by default', () => {
    expect(dates({ country: 'SE' })).not.toContain('2025-06-20 Midsummer Eve');
    const withBank = dates({ country: 'SE', types: ['public', 'bank'] });
    expect(withBank).toContain('2025-06-20 Midsummer Eve');
    expect(withBank).toContain('2025-12-25 Christmas Day');
    expect(dates({ country: 'SE', types: ['bank'] })).toEqual([
      '2025-06-20 Midsummer Eve',
      '2025-12-24 Christmas Eve',
      "2025-12-31 New Year's Eve",
    ]);
  });

  it('refuses a state of a country without states, and a region without its state', () => {
    expect(() => resolvePublicHolidays({ country: 'IS', state: 'X' }, 2025, 2025)).toThrow(
      'date-holidays does not know the state "X" of IS',
    );
    expect(() => resolvePublicHolidays({ country: 'DE', region: 'A' }, 2025, 2025)).toThrow(
      /^date-holidays does not know the region "A" of DE\/$/,
    );
    expect(() => resolvePublicHolidays({ country: 'DE', state: 'by', region: 'Q' }, 2025, 2025)).toThrow(
      'date-holidays does not know the region "Q" of DE/by',
    );
    expect(() => resolvePublicHolidays({ country: 'ZZ' }, 2025, 2025)).toThrow(
      'date-holidays does not know the country "ZZ"',
    );
  });

  it('refuses a year range that is not whole years in order, naming it', () => {
    expect(() => resolvePublicHolidays({ none: true }, 2025.5, 2026)).toThrow(
      'Invalid holiday year range 2025.5-2026',
    );
    expect(() => resolvePublicHolidays({ none: true }, 2025, Number.NaN)).toThrow(
      'Invalid holiday year range 2025-NaN',
    );
    expect(() => resolvePublicHolidays({ none: true }, 2026, 2025)).toThrow(
      'Invalid holiday year range 2026-2025',
    );
    expect(resolvePublicHolidays({ dates: [{ date: '2025-01-01', name: 'x' }] }, 2025, 2025)).toHaveLength(1);
  });
});
