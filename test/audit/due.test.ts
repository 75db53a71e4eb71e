import { describe, expect, it } from 'vitest';
import { dueItems, evaluateCase, loadRuleset, prepareEvaluation } from '../../src/index.js';

const ruleset = await loadRuleset();
const prepared = prepareEvaluation(ruleset, {});
const asOf = '2024-12-23T12:00:00Z'; // Mon 23 Dec 2024, before the Christmas and New Year holidays

const received = (caseId: string, at: string) => ({
  caseId,
  events: [{ id: `${caseId}-1`, type: 'complaint.received', at, data: { channel: 'web' } }],
});

async function judge(cases: ReturnType<typeof received>[]) {
  const results = [];
  for (const c of cases) results.push(await evaluateCase(c, { untrusted: true, ruleset, prepared, asOf }));
  return results;
}

describe('dueItems', () => {
  it('lists dated pending findings soonest first, with working days left across holidays', async () => {
    // Worked by hand (Scottish working days: 25, 26 Dec and 1, 2 Jan are holidays).
    // B received Thu 19 Dec: 1.2.1 (5 working days) Fri 20, Mon 23, Tue 24, Fri 27, Mon 30 -> Mon 30 Dec;
    //   from Mon 23 Dec that leaves Tue 24, Fri 27, Mon 30 = 3 working days.
    // A received Fri 20 Dec: 1.2.1 -> Tue 31 Dec, 4 left; 2.1.2 (3 working days) -> Fri 27 Dec, 2 left.
    // B 1.3.1 (20 working days, standard) -> Wed 22 Jan 2025 (six in 2024, none on 1-2 Jan), 18 left.
    const results = await judge([
      received('A', '2024-12-20T10:00:00Z'),
      received('B', '2024-12-19T10:00:00Z'),
    ]);
    const { due, asOfDate } = dueItems(results, {
      asOfMs: Date.parse(asOf),
      calendar: prepared.calendar,
      ruleset,
    });
    expect(asOfDate).toBe('2024-12-23');
    const pick = (caseId: string, ref: string) => due.find((d) => d.caseId === caseId && d.ref === ref);
    expect(pick('B', '1.2.1')).toMatchObject({
      dueDate: '2024-12-30',
      dueDay: 'Mon 30 Dec 2024',
      workingDaysLeft: 3,
    });
    expect(pick('A', '1.2.1')).toMatchObject({
      dueDate: '2024-12-31',
      dueDay: 'Tue 31 Dec 2024',
      workingDaysLeft: 4,
    });
    expect(pick('A', '2.1.2')).toMatchObject({ dueDate: '2024-12-27', workingDaysLeft: 2 });
    expect(pick('B', '1.3.1')).toMatchObject({
      dueDate: '2025-01-22',
      dueDay: 'Wed 22 Jan 2025',
      workingDaysLeft: 18,
    });
    // Soonest first, then by case and ref.
    const order = due.map((d) => `${d.dueDate} ${d.caseId} ${d.ref}`);
    expect(order).toEqual([...order].sort());
    expect(order.slice(0, 4)).toEqual([
      '2024-12-24 B 2.1.2',
      '2024-12-27 A 2.1.2',
      '2024-12-30 B 1.2.1',
      '2024-12-31 A 1.2.1',
    ]);
    for (const d of due) expect(d.what).toMatch(/\w{3} \d{1,2} \w{3} \d{4}/);
  });

  it('keeps only deadlines within N working days, and a deadline due today has 0 left', async () => {
    const results = await judge([
      received('A', '2024-12-20T10:00:00Z'),
      received('B', '2024-12-19T10:00:00Z'),
    ]);
    const within = (n: number) =>
      dueItems(results, {
        asOfMs: Date.parse(asOf),
        calendar: prepared.calendar,
        ruleset,
        within: n,
      }).due.map((d) => `${d.caseId} ${d.ref} ${d.workingDaysLeft}`);
    expect(within(2)).toEqual(['B 2.1.2 1', 'A 2.1.2 2']);
    expect(within(0)).toEqual([]);
    const onTheDay = dueItems(results, {
      asOfMs: Date.parse('2024-12-24T09:00:00Z'),
      calendar: prepared.calendar,
      ruleset,
      within: 0,
    });
    expect(onTheDay.due.map((d) => `${d.caseId} ${d.ref} ${d.workingDaysLeft}`)).toEqual(['B 2.1.2 0']);
  });

  it('lists findings due before the decision apart, with the event they wait on', async () => {
    const results = await judge([received('A', '2024-12-20T10:00:00Z')]);
    const { awaiting } = dueItems(results, {
      asOfMs: Date.parse(asOf),
      calendar: prepared.calendar,
      ruleset,
    });
    expect(awaiting.map((a) => [a.ref, a.waitsOn])).toEqual([
      ['1.6.1', 'the decision'],
      ['2.1.1', 'the decision (or closure)'],
      ['3.2.1', 'the decision'],
    ]);
  });

  it('lists nothing for cases with nothing pending', async () => {
    const closed = {
      caseId: 'C',
      events: [
        { id: 'c1', type: 'complaint.received', at: '2024-05-01T10:00:00Z' },
        { id: 'c2', type: 'case.closed', at: '2024-05-02T10:00:00Z' },
      ],
    };
    const result = await evaluateCase(closed, { untrusted: true, ruleset, prepared, asOf });
    const w = dueItems([result], { asOfMs: Date.parse(asOf), calendar: prepared.calendar, ruleset });
    expect(result.findings.some((f) => f.status === 'pending')).toBe(false);
    expect(w.due).toEqual([]);
    expect(w.awaiting).toEqual([]);
  });
});
