/**
 * Reading a calendar date `YYYY-MM-DD` (`dayFromIsoDate`, which every date an explanation names
 * goes through): what is refused and what each refusal says.
 */
import { describe, expect, it } from 'vitest';
import { dayFromIsoDate } from '../../src/time/days.js';

describe('dayFromIsoDate', () => {
  it('reads every year from 0000 on', () => {
    expect(dayFromIsoDate('0000-03-01') - dayFromIsoDate('0000-02-28')).toBe(2); // 0000 is a leap year
    expect(dayFromIsoDate('9999-12-31')).toBe(2_932_896);
  });

  it.each([
    '2024x05-07',
    '2024-05x07',
    '20a4-05-07',
    '2024-0a-07',
    '2024-05-0a',
    '2024-05-0:',
    '2024-05-0/',
    '2024-05-1/',
    '2024-05-7',
    '2024-05-07T00:00',
  ])('refuses %s as not in the form YYYY-MM-DD', (iso) => {
    expect(() => dayFromIsoDate(iso)).toThrow(`"${iso}" is not a date in the form YYYY-MM-DD`);
  });

  it('knows 29 February in leap years only', () => {
    expect(dayFromIsoDate('2024-02-29') + 1).toBe(dayFromIsoDate('2024-03-01'));
    expect(() => dayFromIsoDate('2023-02-29')).toThrow('day 29 does not exist in that month');
    expect(() => dayFromIsoDate('2100-02-29')).toThrow('day 29 does not exist in that month');
  });

  it('names a month or day that does not exist', () => {
    expect(() => dayFromIsoDate('2024-13-01')).toThrow(
      '"2024-13-01" is not a valid date: month 13 does not exist',
    );
    expect(() => dayFromIsoDate('2024-05-00')).toThrow(
      '"2024-05-00" is not a valid date: day 0 does not exist in that month',
    );
  });

  it('tells a caller who passes no string what to pass', () => {
    expect(() => dayFromIsoDate(20240507 as unknown as string)).toThrow(
      "dayFromIsoDate: iso must be a string, not a number: call dayFromIsoDate('2024-05-07').",
    );
  });
});
