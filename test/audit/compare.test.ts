import { describe, expect, it } from 'vitest';
import { type CaseResult, compareResults, type Finding, type Status } from '../../src/index.js';

const finding = (ref: string, status: Status): Finding => ({
  ref,
  id: `id-${ref}`,
  status,
  explanation: `${ref} is ${status}.`,
  evidence: [],
  measured: {},
});

const result = (caseId: string, statuses: Record<string, Status>): CaseResult => ({
  caseId,
  status: 'pass',
  events: 1,
  eventsAfterAsOf: 0,
  findings: Object.entries(statuses).map(([ref, s]) => finding(ref, s)),
});

describe('compareResults', () => {
  it('counts transitions, lists changes, and cases added and gone', () => {
    const before = [
      result('C1', { '1.1': 'pending', '1.2': 'pass' }),
      result('C2', { '1.1': 'pass', '1.2': 'pass' }),
      result('C3', { '1.1': 'fail', '1.2': 'pass' }),
    ];
    const after = [
      result('C4', { '1.1': 'pending', '1.2': 'pending' }),
      result('C2', { '1.1': 'pass', '1.2': 'pass' }),
      result('C1', { '1.1': 'fail', '1.2': 'pass' }),
    ];
    const diff = compareResults(before, after);
    expect(diff.cases).toEqual({
      before: 3,
      after: 3,
      added: ['C4'],
      gone: ['C3'],
      changed: 1,
      unchanged: 1,
    });
    expect(diff.changes).toEqual([{ caseId: 'C1', ref: '1.1', from: 'pending', to: 'fail' }]);
    expect(diff.transitions).toEqual([
      { from: 'pending', to: 'fail', count: 1 },
      { from: 'pass', to: 'pass', count: 3 },
    ]);
  });

  it('reports an indicator judged in one run only as absent in the other', () => {
    const diff = compareResults(
      [result('C1', { '1.1': 'pass', '2.1': 'fail' })],
      [result('C1', { '1.1': 'pass', '3.1': 'pending' })],
    );
    expect(diff.changes).toEqual([
      { caseId: 'C1', ref: '3.1', from: 'absent', to: 'pending' },
      { caseId: 'C1', ref: '2.1', from: 'fail', to: 'absent' },
    ]);
    expect(diff.cases.changed).toBe(1);
  });

  it('refuses a run that holds a case twice', () => {
    const twice = [result('C1', { '1.1': 'pass' }), result('C1', { '1.1': 'fail' })];
    expect(() => compareResults(twice, [])).toThrow(/C1 appears twice in the earlier run/);
    expect(() => compareResults([], twice)).toThrow(/C1 appears twice in the later run/);
  });

  it('finds nothing changed between a run and itself', () => {
    const run = [result('C1', { '1.1': 'pass' }), result('C2', { '1.1': 'fail' })];
    const diff = compareResults(run, run);
    expect(diff.changes).toEqual([]);
    expect(diff.cases).toMatchObject({ changed: 0, unchanged: 2, added: [], gone: [] });
  });
});
