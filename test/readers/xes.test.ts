import { describe, expect, it } from 'vitest';
import { parseMapping, readCases } from '../../src/index.js';
import { caseOf, collect, ids, memoryInput, rejectedOf } from './_helpers.js';

const xes = (traces: string) => `<?xml version="1.0" encoding="UTF-8" ?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <global scope="trace"><string key="concept:name" value="UNKNOWN"/></global>
  <string key="concept:name" value="the log, not a trace"/>
  <float key="meta:stats" value="2.1"><float key="nested" value="0.1"/></float>
${traces}
</log>
`;

const event = (name: string, at: string, extra = '') => `
    <event>
      <string key="concept:name" value="${name}"/>
      <date key="time:timestamp" value="${at}"/>
      <string key="lifecycle:transition" value="complete"/>${extra}
    </event>`;

const mapping = parseMapping({
  columns: {
    caseId: 'case:concept:name',
    activity: 'concept:name',
    timestamp: 'time:timestamp',
    eventId: 'concept:instance',
  },
  caseAttributes: { 'case:channel': 'channel', 'case:deadline': { name: 'deadline', as: 'instant' } },
  filters: [{ column: 'lifecycle:transition', equals: 'complete' }],
  activities: [{ match: 'register', type: 'complaint.received' }],
});

describe('XES', () => {
  it('reads traces as cases: trace attributes as case: columns, nested attributes ignored, filters applied', async () => {
    const text = xes(`
  <trace>
    <string key="concept:name" value="T1"/>
    <string key="channel" value="Post"><string key="nested" value="ignored"/></string>
    <date key="deadline" value="2024-06-01T00:00:00.000+01:00"/>
    ${event('register', '2024-05-01T09:00:00.000+01:00', '<string key="concept:instance" value="i1"/><list key="tags"><values><string key="x" value="y"/></values></list>')}
    <event>
      <string key="concept:name" value="check"/>
      <date key="time:timestamp" value="2024-05-01T10:00:00.000+01:00"/>
      <string key="lifecycle:transition" value="start"/>
    </event>
    ${event('check &amp; decide', '2024-05-01T11:00:00.000+01:00')}
  </trace>
  <trace>
    <string key="concept:name" value="T2"/>
  </trace>`);
    const reader = readCases([memoryInput('log.xes', text, 13)], { mapping });
    const items = await collect(reader);
    expect(items).toEqual([
      {
        caseId: 'T1',
        attributes: { channel: 'Post', deadline: '2024-06-01T00:00:00.000+01:00' },
        events: [
          { id: 'i1', type: 'complaint.received', at: '2024-05-01T09:00:00.000+01:00' },
          {
            type: 'x-check-decide',
            at: '2024-05-01T11:00:00.000+01:00',
            data: { activity: 'check & decide' },
          },
        ],
        source: { file: 'log.xes', line: 7, eventLines: [12, 23] },
      },
      { caseId: 'T2', events: [], source: { file: 'log.xes', line: 29, eventLines: [] } },
    ]);
    expect(reader.stats).toMatchObject({ cases: 2, events: 2, filtered: 1 });
    expect(reader.stats.inputs[0]).toMatchObject({ format: 'xes', records: 2 });
  });

  it('rejects a trace with a bad event whole, with the XML line of the event and the event in the path', async () => {
    const text = xes(`
  <trace><string key="concept:name" value="T1"/>${event('register', '2024-05-01T09:00:00Z')}</trace>
  <trace><string key="concept:name" value="T2"/>${event('register', '2024-05-01T09:00:00Z')}${event('check', 'not a date')}</trace>
  <trace>${event('register', '2024-05-01T09:00:00Z')}</trace>`);
    const items = await collect(readCases([memoryInput('bad.xes', text)], { mapping }));
    expect(ids(items)).toEqual({ cases: ['T1'], rejected: ['T2', '(trace 3)'] });
    const t2 = rejectedOf(items, 'T2').rejected;
    expect(t2.events).toBe(2);
    expect(t2.problems[0]).toMatchObject({
      code: 'invalid_instant',
      path: ['events', 1, 'time:timestamp'],
      file: 'bad.xes',
      line: 19,
    });
    expect(t2.problems[0]?.message).toMatch(/\(event 2\)$/);
    expect(rejectedOf(items, '(trace 3)').rejected.problems.map((p) => p.code)).toEqual([
      'missing_value',
      'missing_value',
    ]);
  });

  it('rejects the trace a truncated file ends in, and keeps the traces before it', async () => {
    const text = xes(`
  <trace><string key="concept:name" value="T1"/>${event('register', '2024-05-01T09:00:00Z')}</trace>
  <trace><string key="concept:name" value="T2"/>${event('register', '2024-05-01T09:00:00Z')}`).replace(
      /<\/log>\s*$/,
      '',
    );
    const items = await collect(readCases([memoryInput('cut.xes', text)], { mapping }));
    expect(ids(items)).toEqual({ cases: ['T1'], rejected: ['T2'] });
    expect(rejectedOf(items, 'T2').rejected.problems[0]).toMatchObject({
      code: 'invalid_xml',
      file: 'cut.xes',
      line: 13,
    });
    expect(rejectedOf(items, 'T2').rejected.problems[0]?.message).toContain('unclosed tag');
  });

  it('after an XML error, rejects every later trace rather than trust the rest of the parse', async () => {
    const text = xes(`
  <trace><string key="concept:name" value="T1"/>${event('register', '2024-05-01T09:00:00Z')}</trace>
  <trace><string key="concept:name" value="T2"/><event><string key="concept:name" value="a"></event></trace>
  <trace><string key="concept:name" value="T3"/>${event('register', '2024-05-01T09:00:00Z')}</trace>`);
    const reader = readCases([memoryInput('broken.xes', text)], { mapping });
    const items = await collect(reader);
    expect(ids(items)).toEqual({ cases: ['T1'], rejected: ['T2', 'T3'] });
    expect(rejectedOf(items, 'T2').rejected.problems[0]?.message).toMatch(
      /^not well-formed XML at line \d+, column \d+: /,
    );
    expect(rejectedOf(items, 'T3').rejected.problems[0]?.message).toMatch(
      /comes after the XML error at line \d+/,
    );
    expect(reader.stats).toMatchObject({ cases: 3, rejectedCases: 2 });
  });

  it('reads an XES without a mapping through the XES standard keys', async () => {
    const text = xes(
      `<trace><string key="concept:name" value="T1"/>${event('register', '2024-05-01T09:00:00Z', '<string key="org:resource" value="Pete"/>')}</trace>`,
    );
    const items = await collect(readCases([memoryInput('plain.xes', text)]));
    expect(caseOf(items, 'T1').events).toEqual([
      {
        type: 'x-register',
        at: '2024-05-01T09:00:00.000Z',
        actor: { id: 'Pete' },
        data: { activity: 'register' },
      },
    ]);
  });

  it('uses another trace prefix when the mapping says so', async () => {
    const prefixed = parseMapping({
      columns: { caseId: 'trace.concept:name', activity: 'concept:name', timestamp: 'time:timestamp' },
      xes: { traceAttributePrefix: 'trace.' },
      activities: [],
    });
    const text = xes(
      `<trace><string key="concept:name" value="T9"/>${event('a', '2024-05-01T09:00:00Z')}</trace>`,
    );
    expect(ids(await collect(readCases([memoryInput('p.xes', text)], { mapping: prefixed }))).cases).toEqual([
      'T9',
    ]);
  });
});
