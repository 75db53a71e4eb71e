import { describe, expect, it } from 'vitest';
import { parseMapping, ReadError, readCases } from '../../src/index.js';
import { collect, gz, ids, memoryInput, rejectedOf } from './_helpers.js';

const log = (name: string) => new URL(`../../../shared/data/real-logs/${name}`, import.meta.url).pathname;

const xes = (body: string) => `<?xml version="1.0"?>\n<log xes.version="1.0">\n${body}\n</log>\n`;
const trace = (id: string, inner: string) =>
  `<trace><string key="concept:name" value="${id}"/>${inner}</trace>`;
const event = (name: string, at: string) =>
  `<event><string key="concept:name" value="${name}"/><date key="time:timestamp" value="${at}"/></event>`;

const read = (name: string, text: string | Buffer, options = {}) =>
  collect(readCases([memoryInput(name, text, 64)], options));

describe('readers never fail in silence', () => {
  it('refuses XML that is not XES, an OCEL log, a JSON file and an empty file given as XES', async () => {
    await expect(read('a.xes', '<html><body/></html>')).rejects.toThrow(
      /Cannot read "a.xes" as XES: its root element is <html>, not <log>/,
    );
    await expect(read('o.xes', '<?xml version="1.0"?>\n<log><object-types/></log>')).rejects.toThrow(
      /it is an OCEL log .*--case-object-type/,
    );
    await expect(collect(readCases([log('ocel20_example.xmlocel')], { inputFormat: 'xes' }))).rejects.toThrow(
      /it is an OCEL log/,
    );
    await expect(
      collect(readCases([log('recruiting-red.jsonocel')], { inputFormat: 'xes' })),
    ).rejects.toThrow(/as XES: it is not well-formed XML/);
    await expect(read('e.xes', '')).rejects.toThrow(ReadError);
  });

  it('makes an input with no records, or no case at all, an error unless allowEmpty', async () => {
    await expect(read('empty.ndjson', '\n\n')).rejects.toThrow(/"empty.ndjson" holds no records/);
    await expect(read('x.xes', xes(''))).rejects.toThrow(/"x.xes" holds no records/);
    expect(await read('empty.ndjson', '', { allowEmpty: true })).toEqual([]);
    const mapping = parseMapping({
      columns: { caseId: 'c', activity: 'a', timestamp: 't' },
      filters: [{ column: 'a', equals: 'nothing has this' }],
      activities: [],
    });
    await expect(read('f.csv', 'c,a,t\nC1,x,2024-05-01\n', { mapping })).rejects.toThrow(
      /No case was read from f.csv; the mapping's filters left out all 1 record\(s\)/,
    );
  });

  it('names a mapped XES key no event has once, with the keys the log has, instead of a problem per event', async () => {
    const mapping = parseMapping({
      columns: { caseId: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestmp' },
      activities: [],
    });
    const text = xes([1, 2, 3].map((i) => trace(`T${i}`, event('a', '2024-05-01T09:00:00Z'))).join('\n'));
    await expect(read('k.xes', text, { mapping })).rejects.toThrow(
      /the mapping's key\(s\) "time:timestmp" are in no trace or event of the log; keys seen: "case:concept:name", "concept:name", "time:timestamp"/,
    );
    const optional = parseMapping({
      columns: {
        caseId: 'case:concept:name',
        activity: 'concept:name',
        timestamp: 'time:timestamp',
        resource: 'org:resourc',
      },
      activities: [],
    });
    const reader = readCases([memoryInput('k.xes', text)], { mapping: optional });
    expect(ids(await collect(reader)).cases).toEqual(['T1', 'T2', 'T3']);
    expect(reader.stats.warnings).toEqual([
      'k.xes: the mapping names the key(s) "org:resourc", which no trace or event has; keys seen: "case:concept:name", "concept:name", "time:timestamp"',
    ]);
  });

  it('rejects a trace holding a nested <trace>, and warns of events outside any trace', async () => {
    const text = xes(
      `${trace('T1', `${event('a', '2024-05-01T09:00:00Z')}${trace('inner', event('b', '2024-05-02T09:00:00Z'))}`)}\n${event('loose', '2024-05-01T09:00:00Z')}\n${trace('T2', event('a', '2024-05-01T09:00:00Z'))}`,
    );
    const reader = readCases([memoryInput('n.xes', text)]);
    const items = await collect(reader);
    expect(ids(items)).toEqual({ cases: ['T2'], rejected: ['T1'] });
    expect(rejectedOf(items, 'T1').rejected.problems[0]).toMatchObject({
      code: 'nested_trace',
      file: 'n.xes',
      line: 3,
    });
    expect(reader.stats.warnings).toEqual(['n.xes: 1 <event> element(s) outside any <trace> were not read']);
  });

  it('bounds line length, decompressed size and case size, each with an error naming the option', async () => {
    const long = `{"caseId":"C1","type":"x-a","at":"2024-05-01","data":{"t":"${'x'.repeat(5000)}"}}\n`;
    await expect(read('l.ndjson', `\n${long}`, { limits: { maxLineBytes: 1000 } })).rejects.toThrow(
      /"l.ndjson": line 2 is longer than 1,000 bytes; if it is meant to be, raise --max-line-mb/,
    );
    await expect(
      read('g.ndjson.gz', gz(long.repeat(10)), { limits: { maxInflatedBytes: 20_000 } }),
    ).rejects.toThrow(/it decompresses to more than .* raise --max-inflated-mb/);
    const wide = `case:concept:name,concept:name,time:timestamp\nC1,${'a'.repeat(5000)},2024-05-01\nC2,b,2024-05-01\n`;
    await expect(read('w.csv', wide, { limits: { maxLineBytes: 1000 } })).rejects.toThrow(
      /"w.csv": line 2 is longer than .*--max-line-mb/,
    );
    const endless = xes(
      trace('T1', `<event><string key="concept:name" value="${'a'.repeat(5000)}"/></event>`),
    );
    await expect(read('x.xes', endless, { limits: { maxLineBytes: 1000 } })).rejects.toThrow(
      /"x.xes": line 3 is longer than .*--max-line-mb/,
    );
    const events = Array.from({ length: 5 }, (_, i) => ({
      caseId: 'C1',
      type: 'x-a',
      at: `2024-05-0${i + 1}`,
    }));
    const items = await read('c.ndjson', events.map((e) => JSON.stringify(e)).join('\n'), {
      limits: { maxCaseEvents: 3 },
    });
    const r = rejectedOf(items, 'C1').rejected;
    expect(r.events).toBe(5);
    expect(r.problems[0]).toMatchObject({ code: 'case_too_long', line: 4 });
    expect(r.problems[0]?.message).toMatch(/more than 3 events.*--max-case-events/);
    const big = xes(
      trace('T1', Array.from({ length: 4 }, () => event('a', '2024-05-01T09:00:00Z')).join('')),
    );
    const fromXes = await read('c.xes', big, { limits: { maxCaseEvents: 2 } });
    expect(rejectedOf(fromXes, 'T1').rejected.problems.map((p) => p.code)).toEqual(['case_too_long']);
  });

  it('matches mapping patterns in linear time: ^(a+)+$ on a long hostile value returns at once', async () => {
    const mapping = parseMapping({
      columns: { caseId: 'c', activity: 'a', timestamp: 't' },
      activities: [{ match: { pattern: '^(a+)+$' }, type: 'complaint.received' }],
    });
    const hostile = `${'a'.repeat(5000)}b`;
    const started = performance.now();
    const items = await read('r.csv', `c,a,t\nC1,${hostile},2024-05-01\nC1,aaa,2024-05-01\n`, { mapping });
    const events = (items[0] as { events: { type: string }[] }).events.map((e) => e.type);
    expect(events).toEqual([expect.stringMatching(/^x-a+$/), 'complaint.received']);
    // Backtracking takes minutes here; the bound is loose so that a busy machine never fails it.
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(() =>
      parseMapping({
        columns: { caseId: 'c', activity: 'a', timestamp: 't' },
        activities: [{ match: { pattern: '(?<=a)b' }, type: 'complaint.received' }],
      }),
    ).toThrow(/activities\.0\.match\.pattern.*linear-time engine \(RE2\)/s);
  });
});
