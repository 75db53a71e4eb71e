import { describe, expect, it } from 'vitest';
import { timestampReader } from '../../src/readers/timestamp.js';

describe('timestamp cells (independent of the machine zone)', () => {
  const iso = timestampReader();
  it.each([
    ['2011-10-11 13:45:40.276000+02:00', '2011-10-11T13:45:40.276+02:00'],
    ['2011-10-11T13:45:40.276+02:00', '2011-10-11T13:45:40.276+02:00'],
    ['2024-05-07T10:00Z', '2024-05-07T10:00:00.000Z'],
    ['2024-05-07 10:00:00 +0100', '2024-05-07T10:00:00.000+01:00'],
    ['2024-05-07T10:00:00,5-03', '2024-05-07T10:00:00.500-03:00'],
    ['2024-05-07T10:00:00', '2024-05-07T10:00:00.000'],
    ['2024-05-07', '2024-05-07'],
    [' 2024-05-07 ', '2024-05-07'],
  ])('ISO %s → %s', (raw, value) => {
    expect(iso(raw)).toEqual({ value });
  });

  it('rejects impossible dates and times with the engine words, and other text with the formats expected', () => {
    expect(iso('2024-02-30')).toEqual({ error: expect.stringContaining('is not a real date') });
    expect(iso('2024-05-07T25:00:00Z')).toEqual({ error: expect.stringContaining('is not a real time') });
    expect(iso('07/05/2024')).toEqual({
      error: '"07/05/2024" is not a date-time in the expected format (ISO 8601)',
    });
  });

  it('refuses a year outside the working calendar (1900-2200) in ISO and luxon formats, as written', () => {
    expect(iso('1899-12-31T23:00:00Z')).toEqual({
      error:
        '"1899-12-31T23:00:00Z" is in the year 1899: the working calendar covers 1900-2200 (a mistyped year?)',
    });
    expect(iso('2201-01-01')).toEqual({ error: expect.stringContaining('is in the year 2201') });
    expect(iso('1900-01-01')).toEqual({ value: '1900-01-01' });
    expect(iso('2200-12-31T23:59:59Z')).toEqual({ value: '2200-12-31T23:59:59.000Z' });
    const luxon = timestampReader({ formats: ['dd/MM/yyyy'] });
    expect(luxon('07/05/0202')).toEqual({
      error: expect.stringContaining('"07/05/0202" is in the year 202'),
    });
    expect(luxon('07/05/2024')).toEqual({ value: '2024-05-07' });
  });

  it('resolves naive date-times in the mapping zone, including across a DST change; dates stay dates', () => {
    const london = timestampReader({ zone: 'Europe/London' });
    expect(london('2024-03-31T00:30:00')).toEqual({ value: '2024-03-31T00:30:00.000+00:00' });
    expect(london('2024-03-31T02:30:00')).toEqual({ value: '2024-03-31T02:30:00.000+01:00' });
    expect(london('2024-05-07')).toEqual({ value: '2024-05-07' });
    expect(london('2024-05-07T10:00:00+02:00')).toEqual({ value: '2024-05-07T10:00:00.000+02:00' });
    const auckland = timestampReader({ zone: 'Pacific/Auckland' });
    expect(auckland('2024-05-07T10:00')).toEqual({ value: '2024-05-07T10:00:00.000+12:00' });
  });

  it('reads luxon formats in order, with offsets, names in the given locale, and dates alone', () => {
    const read = timestampReader({
      formats: ['dd-MM-yyyy HH:mm:ss', "yyyy-MM-dd'T'HH:mmZZ", 'd MMMM yyyy'],
      locale: 'nl',
    });
    expect(read('07-05-2024 10:00:00')).toEqual({ value: '2024-05-07T10:00:00.000' });
    expect(read('2024-05-07T10:00+02:00')).toEqual({ value: '2024-05-07T10:00:00.000+02:00' });
    expect(read('7 mei 2024')).toEqual({ value: '2024-05-07' });
    expect(read('2024-05-07')).toEqual({
      error: `"2024-05-07" is not a date-time in the expected format ("dd-MM-yyyy HH:mm:ss" or "yyyy-MM-dd'T'HH:mmZZ" or "d MMMM yyyy")`,
    });
    const zoned = timestampReader({ formats: ['dd/MM/yyyy HH:mm'], zone: 'America/Sao_Paulo' });
    expect(zoned('07/05/2024 10:00')).toEqual({ value: '2024-05-07T10:00:00.000-03:00' });
  });
});
