/**
 * Property tests: the table-based calendar against a naive oracle that walks local-noon Date
 * objects with date-fns (noon is never in a DST gap of the test zones, so the walk is safe under
 * any TZ the tests run in) and applies the rules day by day.
 */
import { addDays, format, getISODay } from 'date-fns';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createCalendar, type PausedDays } from '../../src/time/calendar.js';
import { dayFromIsoDate } from '../../src/time/days.js';
import { resolvePublicHolidays } from '../../src/time/holidays.js';

const BASE = new Date(2015, 0, 1, 12); // 2015-01-01, local noon
const SPAN = 21 * 365; // to the end of 2035
const iso = (date: Date) => format(date, 'yyyy-MM-dd');
const at = (offset: number) => addDays(BASE, offset);
const SCOTTISH = new Set(
  resolvePublicHolidays({ country: 'GB', state: 'SCT' }, 2014, 2037).map((h) => h.date),
);

type Model = {
  weekend: Set<number>;
  holidays: Set<string>;
  closures: [string, string][];
  countReceiptDay: boolean;
  paused: Set<string>;
};
const working = (m: Model, date: Date) => {
  const day = iso(date);
  return (
    !m.weekend.has(getISODay(date)) &&
    !m.holidays.has(day) &&
    !m.closures.some(([a, b]) => day >= a && day <= b)
  );
};
const dayZero = (m: Model, date: Date) => {
  let x = date;
  while (!working(m, x)) x = addDays(x, 1);
  return x;
};
const counts = (m: Model, date: Date) => working(m, date) && !m.paused.has(iso(date));
const elapsed = (m: Model, start: Date, end: Date) => {
  const d0 = dayZero(m, start);
  if (iso(end) < iso(d0)) return 0;
  let n = m.countReceiptDay ? 1 : 0;
  for (let x = addDays(d0, 1); iso(x) <= iso(end); x = addDays(x, 1)) if (counts(m, x)) n++;
  return n;
};
const deadline = (m: Model, start: Date, target: number) => {
  let x = dayZero(m, start);
  let n = m.countReceiptDay ? 1 : 0;
  while (n < target) {
    x = addDays(x, 1);
    if (counts(m, x)) n++;
  }
  return x;
};

const interval = (maxStart: number, maxLength: number) =>
  fc.tuple(fc.integer({ min: -10, max: maxStart }), fc.integer({ min: 0, max: maxLength }));

const scenario = fc.record({
  start: fc.integer({ min: 0, max: SPAN - 400 }),
  n: fc.integer({ min: 0, max: 80 }),
  endAfter: fc.integer({ min: -10, max: 200 }),
  weekend: fc.subarray([1, 2, 3, 4, 5, 6, 7], { maxLength: 3 }),
  scottish: fc.boolean(),
  holidays: fc.array(fc.integer({ min: -10, max: 300 }), { maxLength: 12 }),
  extras: fc.array(fc.integer({ min: -10, max: 300 }), { maxLength: 3 }),
  closures: fc.array(interval(250, 15), { maxLength: 3 }),
  pauses: fc.array(interval(200, 20), { maxLength: 4 }),
  countReceiptDay: fc.boolean(),
});

describe('calendar against a day-by-day oracle (property)', () => {
  it('deadline, elapsedWorkingDays, dayZero and countPausedWorkingDays agree', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const start = at(s.start);
        const rel = (k: number) => iso(addDays(start, k));
        const listed = s.holidays.map((k) => ({ date: rel(k), name: `H${k}` }));
        const closures = s.closures.map(([k, len]) => ({ from: rel(k), to: rel(k + len) }));
        const paused: PausedDays = s.pauses.map(([k, len]) => [
          dayFromIsoDate(rel(k)),
          dayFromIsoDate(rel(k + len)),
        ]);
        const model: Model = {
          weekend: new Set(s.weekend),
          holidays: new Set([
            ...(s.scottish ? SCOTTISH : listed.map((h) => h.date)),
            ...s.extras.map((k) => rel(k)),
          ]),
          closures: closures.map((c) => [c.from, c.to]),
          countReceiptDay: s.countReceiptDay,
          paused: new Set(
            s.pauses.flatMap(([k, len]) => Array.from({ length: len + 1 }, (_, i) => rel(k + i))),
          ),
        };
        const cal = createCalendar({
          zone: 'Europe/London',
          holidays: s.scottish ? { country: 'GB', state: 'SCT' } : { dates: listed },
          extraHolidays: s.extras.map((k) => ({ date: rel(k) })),
          closures,
          weekend: s.weekend,
          countReceiptDay: s.countReceiptDay,
          years: [2014, 2037],
        });
        const startDay = dayFromIsoDate(iso(start));
        expect(startDay).toBe(dayFromIsoDate('2015-01-01') + s.start);
        const end = addDays(start, s.endAfter);
        const endDay = dayFromIsoDate(iso(end));

        expect(cal.dayZero(startDay)).toBe(dayFromIsoDate(iso(dayZero(model, start))));
        expect(cal.isWorkingDay(endDay)).toBe(working(model, end));
        expect(cal.elapsedWorkingDays(startDay, endDay, paused)).toBe(elapsed(model, start, end));
        const due = cal.deadline(startDay, s.n, paused);
        expect(due).toBe(dayFromIsoDate(iso(deadline(model, start, s.n))));

        const oraclePaused = { ...model, paused: new Set<string>() };
        let pausedWorking = 0;
        for (let x = addDays(start, 1); iso(x) <= iso(end); x = addDays(x, 1)) {
          if (working(oraclePaused, x) && model.paused.has(iso(x))) pausedWorking++;
        }
        expect(cal.countPausedWorkingDays(startDay, endDay, paused)).toBe(pausedWorking);

        const day0 = cal.dayZero(startDay);
        if (due > day0) expect(cal.elapsedWorkingDays(startDay, due - 1, paused)).toBeLessThan(s.n);
        if (s.n >= (s.countReceiptDay ? 1 : 0)) {
          const took = cal.elapsedWorkingDays(startDay, endDay, paused);
          expect(cal.elapsedWorkingDays(startDay, due, paused)).toBe(s.n);
          // met (endDay <= due) implies took <= n; took < n implies met; took > n implies late.
          // took === n after the deadline happens when the answer falls on a non-counting day.
          if (endDay <= due) expect(took).toBeLessThanOrEqual(s.n);
          if (took < s.n) expect(endDay).toBeLessThan(due);
          if (took > s.n) expect(endDay).toBeGreaterThan(due);
          if (endDay > due && took === s.n) expect(counts(model, end)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('pausedDaysFrom against luxon (property)', () => {
  const zones = ['Europe/London', 'Pacific/Auckland', 'America/Sao_Paulo'];

  it('pauses whole local days only', () => {
    for (const zone of zones) {
      const cal = createCalendar({ zone, holidays: { none: true }, years: [2024, 2024] });
      // luxon's local days from 29 Feb 2024 (covering the March clock changes): [day, start, end)
      const days = Array.from({ length: 71 }, (_, k) => {
        const start = DateTime.fromISO('2024-02-29', { zone }).plus({ days: k });
        return [
          dayFromIsoDate(start.toISODate() as string),
          start.toMillis(),
          start.plus({ days: 1 }).toMillis(),
        ] as const;
      });
      const origin = DateTime.fromISO('2024-03-01T00:00', { zone });
      const instant = fc
        .tuple(fc.integer({ min: 0, max: 60 * 24 * 4 }), fc.boolean())
        .map(([quarters, snap]) => {
          const t = origin.plus({ minutes: quarters * 15 });
          return (snap ? t.startOf('day') : t).toMillis();
        });
      fc.assert(
        fc.property(fc.array(fc.tuple(instant, instant), { maxLength: 4 }), (pairs) => {
          const intervals = pairs.map(([pausedAtMs, resumedAtMs]) => ({ pausedAtMs, resumedAtMs }));
          const got = cal
            .pausedDaysFrom(intervals)
            .flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i));
          const expected = days
            .filter(([, from, to]) => intervals.some((p) => p.pausedAtMs <= from && to <= p.resumedAtMs))
            .map(([day]) => day);
          expect(got).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    }
  });
});
