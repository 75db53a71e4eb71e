import { describe, expect, it } from 'vitest';
import { createCalendar, evaluateCase, loadRuleset } from '../../src/index.js';
import { dayFromIsoDate } from '../../src/time/days.js';
import {
  mergePaused,
  normalizePaused,
  type PauseEventKind,
  pausedDaysFromIntervals,
  pauseIntervals,
} from '../../src/time/paused.js';

type E = { id: string; atMs: number; kind: PauseEventKind };
const at = (day: number) => Date.UTC(2024, 4, day, 10);
const ev = (id: string, day: number, kind: PauseEventKind): E => ({ id, atMs: at(day), kind });
const of = (events: E[], asOfDay = 31) => pauseIntervals(events, (e) => e.kind, at(asOfDay));

describe('pauses and closures (indicators.md, "Time")', () => {
  it('runs a pause to the next resume', () => {
    expect(of([ev('p', 2, 'paused'), ev('r', 6, 'resumed')])).toEqual([
      { pausedAtMs: at(2), resumedAtMs: at(6), ids: ['p', 'r'] },
    ]);
  });

  it('ends a pause at the first closure when no resume comes before it', () => {
    expect(of([ev('p', 2, 'paused'), ev('c', 6, 'closed'), ev('r', 9, 'resumed')])).toEqual([
      { pausedAtMs: at(2), resumedAtMs: at(6), ids: ['p'] },
    ]);
  });

  it('gives nothing for a pause that starts after the first closure, even if the case reopens', () => {
    expect(
      of([ev('c', 3, 'closed'), ev('p', 4, 'paused'), ev('r', 8, 'resumed'), ev('c2', 9, 'closed')]),
    ).toEqual([]);
  });

  it('ends a pause with neither resume nor closure at asOf; ignores a second pause and a stray resume', () => {
    expect(
      of([ev('r0', 1, 'resumed'), ev('p', 2, 'paused'), ev('p2', 3, 'paused'), ev('x', 4, undefined)], 20),
    ).toEqual([{ pausedAtMs: at(2), resumedAtMs: at(20), ids: ['p'] }]);
  });

  it('is what the engine counts: a pause cut at closure removes only the days before it', async () => {
    const ruleset = await loadRuleset();
    const cal = createCalendar({ zone: 'Europe/London', holidays: { none: true } });
    const events = [
      { id: 'rec', type: 'complaint.received', at: '2024-05-01T09:00:00+01:00' },
      {
        id: 'p',
        type: 'case.paused',
        at: '2024-05-03T09:00:00+01:00',
        data: { reason: 'awaiting_complainant' },
      },
      { id: 'c', type: 'case.closed', at: '2024-05-10T09:00:00+01:00' },
      { id: 'r', type: 'case.resumed', at: '2024-05-20T09:00:00+01:00' },
      { id: 'p2', type: 'case.paused', at: '2024-05-21T09:00:00+01:00' },
    ];
    const result = await evaluateCase(
      { caseId: 'C', events },
      {
        untrusted: true,
        ruleset,
        asOf: '2024-06-30T00:00:00+01:00',
        config: { calendar: { holidays: { none: true } } },
        only: ['1.3.1'],
      },
    );
    const measured = result.findings[0]?.measured as { time: { elapsed: number; pausedWorkingDays: number } };
    const time = measured.time;
    // Paused Mon 6 .. Thu 9 May (4 working days); closed Fri 10 May, 7 working days after Wed 1 May.
    const paused = cal.countPausedWorkingDays(dayFromIsoDate('2024-05-01'), dayFromIsoDate('2024-05-10'), [
      [dayFromIsoDate('2024-05-04'), dayFromIsoDate('2024-05-09')],
    ]);
    expect(paused).toBe(4);
    expect(time).toMatchObject({ pausedWorkingDays: 4, elapsed: 7 - 4 });
  });
});

describe('paused day intervals: sorted, disjoint, merged', () => {
  it('drops empty intervals, sorts, and merges overlapping and adjacent ones only', () => {
    expect(
      mergePaused([
        [5, 3],
        [1, 2],
      ]),
    ).toEqual([[1, 2]]);
    expect(
      mergePaused([
        [3, 4],
        [1, 2],
      ]),
    ).toEqual([[1, 4]]);
    expect(
      mergePaused([
        [1, 2],
        [4, 5],
      ]),
    ).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(
      mergePaused([
        [1, 6],
        [2, 3],
      ]),
    ).toEqual([[1, 6]]);
  });

  it('keeps intervals already sorted and disjoint as they are (the same array), merges the others', () => {
    for (const ok of [
      [
        [1, 2],
        [4, 5],
      ],
      [
        [2, 2],
        [4, 5],
      ],
      [],
    ] as [number, number][][])
      expect(normalizePaused(ok)).toBe(ok);
    expect(
      normalizePaused([
        [4, 5],
        [1, 2],
      ]),
    ).toEqual([
      [1, 2],
      [4, 5],
    ]);
    expect(
      normalizePaused([
        [1, 2],
        [2, 3],
      ]),
    ).toEqual([[1, 3]]);
    expect(
      normalizePaused([
        [1, 3],
        [2, 5],
        [9, 9],
      ]),
    ).toEqual([
      [1, 5],
      [9, 9],
    ]);
    expect(normalizePaused([[3, 1]])).toEqual([]);
  });

  it('refuses a pause that is not a finite interval, naming it', () => {
    expect(() =>
      pausedDaysFromIntervals([{ pausedAtMs: Number.NaN, resumedAtMs: 5 }], 'Europe/London'),
    ).toThrow('Invalid pause interval NaN-5');
  });
});
