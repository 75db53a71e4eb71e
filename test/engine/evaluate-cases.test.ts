import { describe, expect, it } from 'vitest';
import { type CaseOutcome, evaluateCases, type RejectedCase } from '../../src/engine/evaluate-cases.js';
import { loadRuleset } from '../../src/rules/load-ruleset.js';

const ruleset = await loadRuleset();
const asOf = '2024-06-28T17:00:00+01:00';
const judged = (caseId: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  ...extra,
  events: [{ id: 'e1', type: 'complaint.received', at: '2024-05-01T10:00:00+01:00' }],
});
const readerRejection = (caseId: string): { rejected: RejectedCase; source: { file: string } } => ({
  rejected: {
    caseId,
    events: 2,
    problems: [{ code: 'duplicate_case', path: ['caseId'], message: 'read twice' }],
  },
  source: { file: 'log.ndjson' },
});

async function outcomes(cases: unknown[]): Promise<string[]> {
  const out: string[] = [];
  const line = (o: CaseOutcome) =>
    o.kind === 'judged'
      ? `judged ${o.result.caseId} ${o.result.events}`
      : `rejected ${o.rejected.caseId} ${o.rejected.events} ${o.rejected.problems.map((p) => p.path.join('.') || '-').join(',')}`;
  for await (const o of evaluateCases(cases, { ruleset, asOf })) out.push(line(o));
  return out;
}

describe('evaluateCases', () => {
  it('rejects alone an item that is no case at all, and goes on', async () => {
    expect(await outcomes([null, judged('A'), undefined, 7, 'B'])).toEqual([
      'rejected (unknown case) 0 -',
      'judged A 1',
      'rejected (unknown case) 0 -',
      'rejected (unknown case) 0 -',
      'rejected (unknown case) 0 -',
    ]);
  });

  it("counts a rejected case's events when it has a list of them", async () => {
    const bad = {
      caseId: 'C',
      events: [
        { type: 'complaint.received', at: 'never' },
        { type: 'x-a', at: '2024-05-02' },
      ],
    };
    expect(await outcomes([bad, { caseId: 'D', events: { a: 1 } }])).toEqual([
      'rejected C 2 events.0.at',
      'rejected D 0 events',
    ]);
  });

  it("passes a reader's rejection on as it is, in input order", async () => {
    expect(await outcomes([judged('A'), readerRejection('R'), judged('B')])).toEqual([
      'judged A 1',
      'rejected R 2 caseId',
      'judged B 1',
    ]);
  });

  it('judges a case that has a field named rejected like any other', async () => {
    expect(
      await outcomes([
        judged('A', { rejected: { caseId: 'A', events: 0, problems: [] } }),
        judged('B', { rejected: { reason: 'offer declined' } }),
        { ...readerRejection('R'), events: [] },
      ]),
    ).toEqual(['judged A 1', 'judged B 1', 'rejected (unknown case) 0 caseId']);
  });

  it('takes an item whose rejected is no rejection as a case, and rejects it for its problems', async () => {
    expect(
      await outcomes([
        { rejected: null },
        { rejected: { caseId: 5, problems: [] } },
        { rejected: { caseId: 'X' } },
      ]),
    ).toEqual([
      'rejected (unknown case) 0 caseId,events',
      'rejected (unknown case) 0 caseId,events',
      'rejected (unknown case) 0 caseId,events',
    ]);
  });

  it('refuses cases that are not iterable, naming the call', async () => {
    await expect(outcomes(undefined as never)).rejects.toThrow(/evaluateCases/);
  });
});
