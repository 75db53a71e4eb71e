import { describe, expect, it } from 'vitest';
import { parseMapping, ReadError, readCases } from '../../src/index.js';
import { caseOf, collect, ids, memoryInput, rejectedOf } from './_helpers.js';

const mapping = parseMapping({
  columns: { caseId: 'case', activity: 'activity', timestamp: 'time', eventId: 'id', resource: 'who' },
  caseAttributes: { channel: 'channel', 'due date': { name: 'due', as: 'instant' } },
  filters: [{ column: 'status', in: ['done', 'complete'] }],
  activities: [
    {
      match: 'Received',
      type: 'complaint.received',
      dataFromColumns: { channel: { column: 'channel', values: { Web: 'web' } } },
    },
    {
      match: 'Letter',
      where: [{ column: 'template', equals: 'ACK' }],
      type: 'communication.sent',
      data: { to: 'complainant', covers: ['acknowledgement'] },
      actorRole: 'staff',
    },
    {
      match: { pattern: '^letter', ignoreCase: true },
      type: 'communication.sent',
      data: { to: 'complainant' },
      dataFromColumns: { covers: { column: 'topics', as: 'list' }, pages: { column: 'pages', as: 'number' } },
    },
  ],
});

const header = 'case,activity,time,id,who,channel,due date,status,template,topics,pages';

describe('CSV with a mapping', () => {
  it('maps rows to events: columns, exact and pattern rules, where, fixed data, data from columns, attributes', async () => {
    const csv = [
      header,
      'C1,Received,2024-05-01 09:00:00+01:00,e1,Ann,Web,2024-06-01,done,,,',
      'C1,Letter,2024-05-02T10:00:00Z,e2,Bob,Web,,done,ACK,,',
      'C1,LETTER out,2024-05-03T10:00:00Z,,,Web,,complete,OTHER,progress; next_steps,2',
      'C1,Letter,2024-05-04T10:00:00Z,e4,,Web,,started,ACK,,',
    ].join('\n');
    const reader = readCases([memoryInput('log.csv', csv)], { mapping });
    const items = await collect(reader);
    expect(items).toEqual([
      {
        caseId: 'C1',
        attributes: { channel: 'Web', due: '2024-06-01' },
        events: [
          {
            id: 'e1',
            type: 'complaint.received',
            at: '2024-05-01T09:00:00.000+01:00',
            actor: { id: 'Ann' },
            data: { channel: 'web' },
          },
          {
            id: 'e2',
            type: 'communication.sent',
            at: '2024-05-02T10:00:00.000Z',
            actor: { role: 'staff', id: 'Bob' },
            data: { to: 'complainant', covers: ['acknowledgement'] },
          },
          {
            type: 'communication.sent',
            at: '2024-05-03T10:00:00.000Z',
            data: { to: 'complainant', covers: ['progress', 'next_steps'], pages: 2 },
          },
        ],
        source: { file: 'log.csv', line: 2, eventLines: [2, 3, 4] },
      },
    ]);
    expect(reader.stats).toMatchObject({ cases: 1, events: 3, filtered: 1, rejectedCases: 0 });
  });

  it('keeps unmapped activities as x- events with the activity name, and counts them', async () => {
    const csv = `${header}\nC1,Phoned the customer,2024-05-01T09:00:00Z,,,,,done,,,\nC2,Phoned the customer,2024-05-01T09:00:00Z,,,,,done,,,\nC2,Réunion d'équipe,2024-05-01T10:00:00Z,,,,,done,,,\n`;
    const reader = readCases([memoryInput('log.csv', csv)], { mapping });
    const items = await collect(reader);
    expect(caseOf(items, 'C2').events).toEqual([
      {
        type: 'x-phoned-the-customer',
        at: '2024-05-01T09:00:00.000Z',
        data: { activity: 'Phoned the customer' },
      },
      { type: 'x-reunion-d-equipe', at: '2024-05-01T10:00:00.000Z', data: { activity: "Réunion d'équipe" } },
    ]);
    expect(Object.fromEntries(reader.stats.unmappedActivities)).toEqual({
      'Phoned the customer': 2,
      "Réunion d'équipe": 1,
    });
  });

  it('rejects the case of an unmapped activity with unmapped: "reject"', async () => {
    const strict = parseMapping({ ...mapping, unmapped: 'reject' });
    const csv = `${header}\nC1,Received,2024-05-01T09:00:00Z,,,,,done,,,\nC1,Mystery,2024-05-01T10:00:00Z,,,,,done,,,\n`;
    const items = await collect(readCases([memoryInput('log.csv', csv)], { mapping: strict }));
    expect(rejectedOf(items, 'C1').rejected.problems).toEqual([
      {
        code: 'unmapped_activity',
        path: ['activity'],
        message: 'no activity rule of the mapping matches "Mystery"',
        file: 'log.csv',
        line: 3,
      },
    ]);
  });

  it('rejects the whole case of a row with a missing or unparseable timestamp, naming file, line and column', async () => {
    const csv = [
      header,
      'C1,Received,2024-05-01T09:00:00Z,,,,,done,,,',
      'C1,Letter,,,,,,done,ACK,,',
      'C2,Received,2024-05-01T09:00:00Z,,,,,done,,,',
      'C1,Letter,2024-02-30 10:00,,,,,done,ACK,,',
      'C1,Letter,yesterday,,,,,done,ACK,,',
    ].join('\r\n');
    const reader = readCases([memoryInput('log.csv', csv)], { mapping });
    const items = await collect(reader);
    expect(ids(items)).toEqual({ cases: ['C2'], rejected: ['C1'] });
    const r = rejectedOf(items, 'C1').rejected;
    expect(r.events).toBe(4);
    expect(r.problems.map((p) => [p.code, p.path, p.file, p.line])).toEqual([
      ['missing_value', ['time'], 'log.csv', 3],
      ['invalid_instant', ['time'], 'log.csv', 5],
      ['invalid_instant', ['time'], 'log.csv', 6],
    ]);
    expect(r.problems[1]?.message).toContain('is not a real date');
    expect(r.problems[2]?.message).toContain('"yesterday" is not a date-time');
    expect(reader.stats).toMatchObject({ cases: 2, events: 5, rejectedCases: 1 });
  });

  it('rejects a timestamp in a year the calendar does not cover, naming file, line and column', async () => {
    const csv = [
      header,
      'C1,Received,2024-05-01T09:00:00Z,,,,,done,,,',
      'C1,Letter,0202-05-02T09:00:00Z,,,,,done,ACK,,',
      'C2,Received,9999-12-31,,,,,done,,,',
    ].join('\n');
    const items = await collect(readCases([memoryInput('log.csv', csv)], { mapping }));
    expect(ids(items)).toEqual({ cases: [], rejected: ['C1', 'C2'] });
    expect(rejectedOf(items, 'C1').rejected.problems).toEqual([
      {
        code: 'invalid_instant',
        path: ['time'],
        message:
          '"0202-05-02T09:00:00Z" is in the year 202: the working calendar covers 1900-2200 (a mistyped year?)',
        file: 'log.csv',
        line: 3,
      },
    ]);
    expect(rejectedOf(items, 'C2').rejected.problems).toMatchObject([
      { path: ['time'], file: 'log.csv', line: 4, message: expect.stringContaining('the year 9999') },
    ]);
  });

  it('rejects a row with no case id on its own, as "(line N)", so that nothing read is dropped', async () => {
    const csv = `${header}\nC1,Received,2024-05-01T09:00:00Z,,,,,done,,,\n ,Letter,2024-05-02T09:00:00Z,,,,,done,ACK,,\n`;
    const items = await collect(readCases([memoryInput('log.csv', csv)], { mapping }));
    expect(rejectedOf(items, '(line 3)').rejected).toEqual({
      caseId: '(line 3)',
      events: 1,
      problems: [
        { code: 'missing_value', path: ['case'], message: 'the case id is empty', file: 'log.csv', line: 3 },
      ],
    });
  });

  it('rejects values that do not convert, and rows with the wrong number of fields', async () => {
    const csv = [
      header,
      'C1,Received,2024-05-01T09:00:00Z,,,,not a date,done,,,',
      'C2,LETTER,2024-05-01T09:00:00Z,,,,,done,,,two',
      'C3,Received,2024-05-01T09:00:00Z,,,,,done,,,,extra',
    ].join('\n');
    const items = await collect(readCases([memoryInput('log.csv', csv)], { mapping }));
    expect(rejectedOf(items, 'C1').rejected.problems[0]).toMatchObject({
      code: 'invalid_value',
      path: ['due date'],
      line: 2,
    });
    expect(rejectedOf(items, 'C2').rejected.problems[0]).toMatchObject({
      code: 'invalid_value',
      path: ['pages'],
      message: '"two" is not a number',
    });
    expect(rejectedOf(items, 'C3').rejected.problems[0]).toMatchObject({
      code: 'inconsistent_columns',
      line: 4,
    });
  });

  it('counts lines across quoted values that span lines, and skips blank rows', async () => {
    const csv = `${header}\r\n\r\nC1,Received,2024-05-01T09:00:00Z,,,,,done,,,\r\n,,,,,,,,,,\r\nC1,"Letter\r\nwith a note",2024-05-02T09:00:00Z,,,,,done,,,\r\nC1,Received,bad,,,,,done,,,\r\n`;
    const items = await collect(readCases([memoryInput('log.csv', csv, 5)], { mapping }));
    expect(rejectedOf(items, 'C1').rejected.problems).toEqual([
      expect.objectContaining({ path: ['time'], line: 7 }),
    ]);
  });

  it('reads a row csv-parse cannot read as a problem at its line', async () => {
    const csv = `${header}\nC1,Received,2024-05-01T09:00:00Z,,,,,done,,,\nC2,"unclosed,2024-05-01T09:00:00Z,,,,,done,,,\n`;
    const reader = readCases([memoryInput('log.csv', csv)], { mapping });
    const items = await collect(reader);
    expect(ids(items)).toEqual({ cases: ['C1'], rejected: ['(line 3)'] });
    expect(rejectedOf(items, '(line 3)').rejected.problems[0]).toMatchObject({
      code: 'invalid_csv',
      file: 'log.csv',
    });
  });

  it('throws a ReadError naming the file when the header lacks a mapped column, and warns of optional ones', async () => {
    const reading = collect(readCases([memoryInput('other.csv', 'a,b,c\n1,2,3\n')], { mapping }));
    await expect(reading).rejects.toThrow(ReadError);
    await expect(collect(readCases([memoryInput('other.csv', 'a,b\n')], { mapping }))).rejects.toThrow(
      /Cannot read "other.csv": the mapping's column\(s\) "case", "activity", "time" are not in its header/,
    );
    const reader = readCases([memoryInput('few.csv', 'case,activity,time\nC1,Received,2024-05-01\n')], {
      mapping,
      allowEmpty: true,
    });
    await collect(reader);
    expect(reader.stats.warnings).toContain(
      'few.csv: the mapping names the column "status", which the header does not have',
    );
  });

  it('reads luxon formats, a delimiter, and resolves naive times in the mapping zone (or leaves them naive)', async () => {
    const base = {
      columns: { caseId: 'Case', activity: 'Activity', timestamp: 'When' },
      timestampFormats: ['iso', 'dd/MM/yyyy HH:mm', 'd MMMM yyyy'],
      csv: { delimiter: ';' },
      activities: [{ match: 'Received', type: 'complaint.received' }],
    };
    const csv =
      'Case;Activity;When\nC1;Received;07/05/2024 10:00\nC1;Received;2024-05-07T10:00\nC1;Received;7 May 2024\n';
    const zoned = await collect(
      readCases([memoryInput('z.csv', csv)], { mapping: parseMapping({ ...base, zone: 'Europe/London' }) }),
    );
    expect(caseOf(zoned, 'C1').events.map((e) => (e as { at: string }).at)).toEqual([
      '2024-05-07T10:00:00.000+01:00',
      '2024-05-07T10:00:00.000+01:00',
      '2024-05-07',
    ]);
    const naive = await collect(readCases([memoryInput('n.csv', csv)], { mapping: parseMapping(base) }));
    expect(caseOf(naive, 'C1').events.map((e) => (e as { at: string }).at)).toEqual([
      '2024-05-07T10:00:00.000',
      '2024-05-07T10:00:00.000',
      '2024-05-07',
    ]);
  });

  it('reads a CSV without a mapping through the default (XES/pm4py) columns', async () => {
    const csv =
      'case:concept:name,concept:name,time:timestamp,org:resource\nC1,register,2024-05-01T09:00:00+02:00,Pete\n';
    const items = await collect(readCases([memoryInput('pm4py.csv', csv)]));
    expect(caseOf(items, 'C1').events).toEqual([
      {
        type: 'x-register',
        at: '2024-05-01T09:00:00.000+02:00',
        actor: { id: 'Pete' },
        data: { activity: 'register' },
      },
    ]);
  });

  it('streams with --sorted-by-case and stops the run at a case that comes back (earlier ones were partial)', async () => {
    const csv = `${header}\nA,Received,2024-05-01T09:00:00Z,,,,,done,,,\nB,Received,2024-05-01T09:00:00Z,,,,,done,,,\nA,Mystery,2024-05-02T09:00:00Z,,,,,done,,,\n`;
    const reading = collect(readCases([memoryInput('s.csv', csv)], { mapping, sortedByCase: true }));
    await expect(reading).rejects.toThrow(ReadError);
    await expect(
      collect(readCases([memoryInput('s.csv', csv)], { mapping, sortedByCase: true })),
    ).rejects.toThrow(/"s.csv" with --sorted-by-case: case "A" comes back at line 4 .*first read at s.csv:2/);
  });
});
