import { describe, expect, it } from 'vitest';
import { evaluateCases } from '../../src/engine/evaluate-cases.js';
import { isRejected, locateIssues, type ReadItem, readCases, type SourceRef } from '../../src/index.js';
import { loadRuleset } from '../../src/rules/load-ruleset.js';
import { memoryInput, ndjson } from './_helpers.js';

describe('readers → evaluateCases', () => {
  it('accounts for every case and event read, and locates the engine problems through the source', async () => {
    const text = ndjson(
      { caseId: 'OK', type: 'complaint.received', at: '2024-05-01T09:00:00+01:00' },
      { caseId: 'BAD', type: 'complaint.received', at: '2024-05-01T09:00:00+01:00' },
      { caseId: 'BAD', type: 'communication.sent', at: '2024-13-01', data: { to: 'complainant' } },
      { caseId: 'OK', type: 'case.closed', at: '2024-05-03T09:00:00+01:00' },
      { type: 'x-orphan', at: '2024-05-01' },
    );
    const reader = readCases([memoryInput('log.ndjson', text)]);
    const sources = new Map<string, SourceRef>();
    async function* remember(items: AsyncIterable<ReadItem>) {
      for await (const item of items) {
        sources.set(isRejected(item) ? item.rejected.caseId : item.caseId, item.source);
        yield item;
      }
    }
    const ruleset = await loadRuleset();
    let judged = 0;
    let events = 0;
    const rejected = new Map<string, ReturnType<typeof locateIssues>>();
    for await (const outcome of evaluateCases(remember(reader), { ruleset, asOf: '2024-06-01T00:00:00Z' })) {
      if (outcome.kind === 'judged') {
        judged++;
        events += outcome.result.events;
      } else {
        events += outcome.rejected.events;
        rejected.set(
          outcome.rejected.caseId,
          locateIssues(outcome.rejected.problems, sources.get(outcome.rejected.caseId)),
        );
      }
    }
    expect(judged + rejected.size).toBe(reader.stats.cases);
    expect(events).toBe(reader.stats.events);
    expect(reader.stats).toMatchObject({ cases: 3, events: 5 });
    expect(rejected.get('BAD')).toEqual([
      expect.objectContaining({
        code: 'invalid_instant',
        path: ['events', 1, 'at'],
        file: 'log.ndjson',
        line: 3,
      }),
    ]);
    expect(rejected.get('(line 5)')?.[0]).toMatchObject({ path: ['caseId'], file: 'log.ndjson', line: 5 });
  });

  it('locateIssues falls back to the case line, and keeps locations already given', () => {
    const source = { file: 'f.csv', line: 10, eventLines: [10, 12] };
    expect(
      locateIssues(
        [
          { code: 'a', path: ['events', 1, 'at'], message: '' },
          { code: 'b', path: ['attributes', 'complexity'], message: '' },
          { code: 'c', path: ['events', 9], message: '' },
          { code: 'd', path: [], message: '', file: 'other', line: 1 },
        ],
        source,
      ).map((p) => [p.code, p.file, p.line]),
    ).toEqual([
      ['a', 'f.csv', 12],
      ['b', 'f.csv', 10],
      ['c', 'f.csv', 10],
      ['d', 'other', 1],
    ]);
  });
});
