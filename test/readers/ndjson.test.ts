import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isRejected, readCases } from '../../src/index.js';
import { caseOf, collect, ids, memoryInput, ndjson, rejectedOf } from './_helpers.js';

const ev = (caseId: string, type: string, at: string) => ({ caseId, type, at });

describe('NDJSON: one event per line', () => {
  it('groups non-contiguous events by case and keeps each event line', async () => {
    const text = ndjson(
      ev('A', 'complaint.received', '2024-05-01T09:00:00Z'),
      ev('B', 'complaint.received', '2024-05-01T10:00:00Z'),
      ev('A', 'communication.sent', '2024-05-02T09:00:00Z'),
      ev('B', 'case.closed', '2024-05-03T09:00:00Z'),
      ev('A', 'case.closed', '2024-05-04T09:00:00Z'),
    );
    const reader = readCases([memoryInput('log.ndjson', text)]);
    const items = await collect(reader);
    expect(ids(items)).toEqual({ cases: ['A', 'B'], rejected: [] });
    expect(caseOf(items, 'A').source).toEqual({ file: 'log.ndjson', line: 1, eventLines: [1, 3, 5] });
    expect(caseOf(items, 'B').events).toEqual([
      ev('B', 'complaint.received', '2024-05-01T10:00:00Z'),
      ev('B', 'case.closed', '2024-05-03T09:00:00Z'),
    ]);
    expect(reader.stats).toMatchObject({ cases: 2, events: 5 });
  });

  it('groups a case across inputs when not sorted', async () => {
    const one = memoryInput('a.ndjson', ndjson(ev('A', 'complaint.received', '2024-05-01')));
    const two = memoryInput('b.ndjson', ndjson(ev('A', 'case.closed', '2024-05-02')));
    const items = await collect(readCases([one, two]));
    expect(caseOf(items, 'A').events).toHaveLength(2);
  });

  it('skips blank lines and reads CRLF line ends, counting lines as written', async () => {
    const text = `\r\n${JSON.stringify(ev('A', 'complaint.received', '2024-05-01'))}\r\n\r\n${JSON.stringify(ev('A', 'case.closed', '2024-05-02'))}`;
    const items = await collect(readCases([memoryInput('crlf.ndjson', text, 3)]));
    expect(caseOf(items, 'A').source.eventLines).toEqual([2, 4]);
  });
});

describe('NDJSON: one case per line', () => {
  it('reads whole cases (a line with events is a case) alongside event lines', async () => {
    const text = ndjson(
      {
        caseId: 'C1',
        attributes: { complexity: 'simple' },
        events: [{ type: 'complaint.received', at: '2024-05-01' }],
      },
      ev('E1', 'complaint.received', '2024-05-01'),
      { caseId: 'C2', events: [] },
    );
    const items = await collect(readCases([memoryInput('mixed.ndjson', text)]));
    expect(ids(items).cases.sort()).toEqual(['C1', 'C2', 'E1']);
    expect(caseOf(items, 'C2').source).toEqual({ file: 'mixed.ndjson', line: 3 });
  });

  it('streams case-per-line input: the first case comes out before the input ends', async () => {
    const pipe = new PassThrough();
    const reader = readCases([{ name: 'pipe.ndjson', stream: pipe }]);
    pipe.write(`${JSON.stringify({ caseId: 'C1', events: [] })}\n`);
    const first = await reader.next();
    expect(first.done).toBe(false);
    expect((first.value as { caseId: string }).caseId).toBe('C1');
    pipe.end(`${JSON.stringify({ caseId: 'C2', events: [] })}\n`);
    expect(ids(await collect(reader)).cases).toEqual(['C2']);
  });
});

describe('NDJSON: bad lines', () => {
  it('rejects the whole case of a malformed line whose caseId can still be read', async () => {
    const text = [
      JSON.stringify(ev('A', 'complaint.received', '2024-05-01')),
      '{"caseId": "A", "type": "case.closed", "at": ',
      JSON.stringify(ev('B', 'complaint.received', '2024-05-01')),
      JSON.stringify(ev('A', 'x-note', '2024-05-03')),
    ].join('\n');
    const reader = readCases([memoryInput('bad.ndjson', text)]);
    const items = await collect(reader);
    expect(ids(items)).toEqual({ cases: ['B'], rejected: ['A'] });
    const r = rejectedOf(items, 'A').rejected;
    expect(r.events).toBe(3);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'invalid_json', path: [], file: 'bad.ndjson', line: 2 });
    expect(reader.stats).toMatchObject({ cases: 2, events: 4, rejectedCases: 1 });
  });

  it('rejects a malformed line with no case id on its own, as "(line N)"', async () => {
    const text = `${JSON.stringify(ev('A', 'complaint.received', '2024-05-01'))}\nnot json at all\n`;
    const items = await collect(readCases([memoryInput('bad.ndjson', text)]));
    expect(ids(items)).toEqual({ cases: ['A'], rejected: ['(line 2)'] });
    expect(rejectedOf(items, '(line 2)').rejected.problems[0]).toMatchObject({ file: 'bad.ndjson', line: 2 });
  });

  it('names the field when an event has a caseId that is not a string', async () => {
    const items = await collect(
      readCases([memoryInput('n.ndjson', ndjson({ caseId: 7, type: 'x-a', at: '2024-05-01' }))]),
    );
    expect(rejectedOf(items, '(line 1)').rejected.problems[0]).toMatchObject({
      code: 'invalid_type',
      path: ['caseId'],
      line: 1,
    });
  });
});

describe('NDJSON: --sorted-by-case', () => {
  it('emits each case when the case id changes, before the input ends', async () => {
    const pipe = new PassThrough();
    const reader = readCases([{ name: 'sorted.ndjson', stream: pipe }], { sortedByCase: true });
    pipe.write(ndjson(ev('A', 'complaint.received', '2024-05-01'), ev('A', 'case.closed', '2024-05-02')));
    pipe.write(ndjson(ev('B', 'complaint.received', '2024-05-01')));
    const first = await reader.next();
    expect(first.value).toMatchObject({ caseId: 'A', source: { line: 1, eventLines: [1, 2] } });
    expect((first.value as { events: unknown[] }).events).toHaveLength(2);
    pipe.end();
    expect(ids(await collect(reader)).cases).toEqual(['B']);
  });

  it('stops the run at a case id that comes back: the cases judged before were partial histories', async () => {
    const text = ndjson(
      ev('A', 'complaint.received', '2024-05-01'),
      ev('B', 'complaint.received', '2024-05-01'),
      ev('A', 'case.closed', '2024-05-02'),
    );
    const reader = readCases([memoryInput('unsorted.ndjson', text)], { sortedByCase: true });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const i of reader) seen.push(isRejected(i) ? `!${i.rejected.caseId}` : i.caseId);
      })(),
    ).rejects.toThrow(/case "A" comes back at line 3 after other cases \(first read at unsorted.ndjson:1\)/);
    expect(seen).toEqual(['A']);
  });
});

describe('NDJSON: a case with a field named rejected', () => {
  it('is a case, not a rejection (only a reader makes rejections)', async () => {
    const line = {
      caseId: 'C1',
      rejected: { caseId: 'X', problems: [] },
      events: [{ id: 'e1', type: 'complaint.received', at: '2024-05-01T09:00:00Z' }],
    };
    const items = await collect(readCases([memoryInput('cases.ndjson', ndjson(line))]));
    expect(ids(items)).toEqual({ cases: ['C1'], rejected: [] });
    expect(items.some((item) => isRejected(item))).toBe(false);
  });
});
