import { describe, expect, it } from 'vitest';
import { readCases } from '../../src/index.js';
import { elementLines, jsonErrorOffset, syntaxErrorLine } from '../../src/readers/json-positions.js';
import { caseOf, collect, ids, memoryInput, rejectedOf } from './_helpers.js';

const ev = (caseId: string, type: string, at: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  type,
  at,
  ...extra,
});

describe('JSON: an array of events', () => {
  it('groups non-contiguous events by case, in first-seen order, with each event line', async () => {
    const text = `[
  ${JSON.stringify(ev('A', 'complaint.received', '2024-05-01T09:00:00Z'))},
  ${JSON.stringify(ev('B', 'complaint.received', '2024-05-02T09:00:00Z'))},
  ${JSON.stringify(ev('A', 'case.closed', '2024-05-09T09:00:00Z'))}
]`;
    const reader = readCases([memoryInput('log.json', text)]);
    const items = await collect(reader);
    expect(ids(items)).toEqual({ cases: ['A', 'B'], rejected: [] });
    const a = caseOf(items, 'A');
    expect(a.events.map((e) => (e as { type: string }).type)).toEqual(['complaint.received', 'case.closed']);
    expect(a.source).toEqual({ file: 'log.json', line: 2, eventLines: [2, 4] });
    expect(reader.stats).toMatchObject({ cases: 2, events: 3, rejectedCases: 0 });
    expect(reader.stats.inputs[0]).toMatchObject({
      file: 'log.json',
      format: 'json',
      gzip: false,
      records: 3,
    });
  });

  it('rejects an event without caseId on its own, naming file, line and field', async () => {
    const text = `[\n${JSON.stringify(ev('A', 'complaint.received', '2024-05-01'))},\n${JSON.stringify({ type: 'case.closed', at: '2024-05-02' })}\n]`;
    const items = await collect(readCases([memoryInput('log.json', text)]));
    const r = rejectedOf(items, '(line 3)');
    expect(r.rejected).toEqual({
      caseId: '(line 3)',
      events: 1,
      problems: [
        {
          code: 'missing_value',
          path: ['caseId'],
          message: 'the event has no caseId',
          file: 'log.json',
          line: 3,
        },
      ],
    });
    expect(ids(items).cases).toEqual(['A']);
  });

  it('rejects an element that is not an object', async () => {
    const items = await collect(readCases([memoryInput('log.json', '[\n 42\n]')]));
    expect(rejectedOf(items, '(line 2)').rejected.problems[0]).toMatchObject({
      code: 'invalid_type',
      line: 2,
    });
  });
});

describe('JSON: cases', () => {
  it('reads an array of cases, passing each through with its source', async () => {
    const cases = [
      {
        caseId: 'C1',
        attributes: { channel: 'web' },
        events: [ev('C1', 'complaint.received', '2024-05-01')],
      },
      { caseId: 'C2', events: [] },
    ];
    const items = await collect(readCases([memoryInput('cases.json', JSON.stringify(cases, null, 2))]));
    expect(items).toEqual([
      { ...cases[0], source: { file: 'cases.json', line: 2 } },
      { ...cases[1], source: { file: 'cases.json', line: 15 } },
    ]);
  });

  it('reads { "cases": [...] } and a single case', async () => {
    const wrapped = JSON.stringify({ meta: { cases: [1, 2] }, cases: [{ caseId: 'C1', events: [] }] });
    expect(ids(await collect(readCases([memoryInput('w.json', wrapped)]))).cases).toEqual(['C1']);
    const single = JSON.stringify({ caseId: 'S', events: [ev('S', 'complaint.received', '2024-05-01')] });
    const items = await collect(readCases([memoryInput('s.json', single)]));
    expect(caseOf(items, 'S').events).toHaveLength(1);
  });

  it('rejects a second case with the same id, not merging it', async () => {
    const text = JSON.stringify([
      { caseId: 'C1', events: [ev('C1', 'complaint.received', '2024-05-01')] },
      { caseId: 'C1', events: [ev('C1', 'case.closed', '2024-05-02'), ev('C1', 'x-a', '2024-05-03')] },
    ]);
    const items = await collect(readCases([memoryInput('d.json', text)]));
    expect(ids(items)).toEqual({ cases: ['C1'], rejected: ['C1'] });
    const r = rejectedOf(items, 'C1').rejected;
    expect(r.events).toBe(2);
    expect(r.problems[0]).toMatchObject({ code: 'duplicate_case', file: 'd.json', line: 1 });
  });

  it('turns invalid JSON into one rejected record at the line of the error', async () => {
    const reader = readCases([memoryInput('bad.json', '[\n {"caseId": "A"},\n {"caseId": }\n]')]);
    const items = await collect(reader);
    expect(items).toHaveLength(1);
    const r = items[0] as {
      rejected: { caseId: string; problems: { code: string; line: number; file: string }[] };
    };
    expect(r.rejected.caseId).toBe('(line 3)');
    expect(r.rejected.problems[0]).toMatchObject({ code: 'invalid_json', file: 'bad.json', line: 3 });
    expect(reader.stats).toMatchObject({ cases: 1, rejectedCases: 1, events: 1 });
  });

  it('rejects a document of the wrong shape', async () => {
    const items = await collect(readCases([memoryInput('x.json', '{"hello": 1}')]));
    expect(rejectedOf(items, '(line 1)').rejected.problems[0]?.code).toBe('invalid_type');
  });
});

describe('JSON positions', () => {
  it('finds the line of each element, skipping strings with brackets and escapes', () => {
    const text = '[\n{"a": "[,{\\"x"},\n\n  {"b": [1,\n2]}, 3,\n"s"]';
    expect(elementLines(text)).toEqual([2, 4, 5, 6]);
    expect(elementLines('{"x": [1], "cases": [\n{}, \n{}]}')).toEqual([2, 3]);
    expect(elementLines('[]')).toEqual([]);
  });

  it('reads the line of a syntax error from either message style', () => {
    const valid = '[1,\n2,\n3]';
    expect(syntaxErrorLine(valid, new SyntaxError('Unexpected token in JSON at position 7'))).toBe(3);
    expect(syntaxErrorLine(valid, new SyntaxError('Bad (line 7 column 2)'))).toBe(7);
    expect(syntaxErrorLine(valid, new SyntaxError('Bad'))).toBe(1);
  });

  it('finds the first syntax error itself', () => {
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('[1, 2,\n]')).toBe(7);
    expect(jsonErrorOffset('{"a": "b\u0001"}')).toBe(8);
    expect(jsonErrorOffset('[1] x')).toBe(4);
    expect(jsonErrorOffset('{"a": [true, false, null, -1.5e3, "\\""]}')).toBeUndefined();
    expect(syntaxErrorLine('[\n{"a": 1},\n{"a" 2}\n]', new SyntaxError('Unexpected number'))).toBe(3);
  });
});
