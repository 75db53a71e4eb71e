import { describe, expect, it } from 'vitest';
import { createZoneWatch } from '../../src/cli/zone-watch.js';
import { parseMapping, readCases, withMappingCalendar } from '../../src/index.js';
import { caseOf, collect, memoryInput } from './_helpers.js';

const columns = { caseId: 'case', activity: 'status', timestamp: 'at' };
const csv = (...rows: string[]) => `case,status,sub,at\n${rows.join('\n')}\n`;
const typesAt = (events: unknown[]) =>
  events.map((e) => `${(e as { type: string }).type}@${(e as { at: string }).at.slice(8, 10)}`);

async function read(mapping: unknown, text: string, options: { sortedByCase?: boolean } = {}) {
  return collect(readCases([memoryInput('log.csv', text)], { mapping: parseMapping(mapping), ...options }));
}

describe('the mapping language', () => {
  it('selects by position: an event at the first (or last) row a rule matches, in time order, besides what the row makes', async () => {
    const mapping = {
      columns,
      activities: [
        { position: 'first', type: 'complaint.received' },
        { position: 'last', match: 'Open', type: 'x-last-open' },
        { match: 'Open', type: 'x-open' },
      ],
    };
    // Rows out of time order: the first in time is the 2nd row.
    const items = await read(
      mapping,
      csv('C1,Open,,2024-05-03T09:00:00Z', 'C1,Open,,2024-05-01T09:00:00Z', 'C1,Done,,2024-05-04T09:00:00Z'),
    );
    expect(typesAt(caseOf(items, 'C1').events)).toEqual([
      'x-last-open@03',
      'x-open@03',
      'complaint.received@01',
      'x-open@01',
      'x-done@04',
    ]);
    expect(caseOf(items, 'C1').source.eventLines).toEqual([2, 2, 3, 3, 4]);
  });

  it('makes several events of one row with continue, and matches conditions over several columns (all, any, not)', async () => {
    const mapping = {
      columns,
      activities: [
        {
          match: 'Done',
          where: [
            {
              any: [
                { column: 'sub', equals: 'Resolved' },
                { column: 'sub', pattern: '^In ' },
              ],
            },
          ],
          type: 'decision.issued',
          data: { decisionMakerRole: 'staff', outcome: 'resolved' },
          continue: true,
        },
        {
          match: 'Done',
          where: [
            {
              all: [
                { column: 'sub', equals: 'Resolved' },
                { column: 'case', in: ['C1'], not: true },
              ],
            },
          ],
          type: 'case.closed',
        },
        { match: 'Done', type: 'x-done' },
      ],
    };
    const items = await read(
      mapping,
      csv(
        'C1,Done,Resolved,2024-05-01T09:00:00Z',
        'C2,Done,Resolved,2024-05-01T09:00:00Z',
        'C3,Done,In Call,2024-05-01T09:00:00Z',
      ),
    );
    expect(typesAt(caseOf(items, 'C1').events)).toEqual(['decision.issued@01', 'x-done@01']);
    expect(typesAt(caseOf(items, 'C2').events)).toEqual(['decision.issued@01', 'case.closed@01']);
    expect(typesAt(caseOf(items, 'C3').events)).toEqual(['decision.issued@01', 'x-done@01']);
    // With an event id column, the second event of a row gets the row's id with /2.
    const withIds = await read(
      { ...mapping, columns: { ...columns, eventId: 'id' } },
      'case,status,sub,at,id\nC1,Done,Resolved,2024-05-01T09:00:00Z,e1\n',
    );
    expect(caseOf(withIds, 'C1').events.map((e) => (e as { id: string }).id)).toEqual(['e1', 'e1/2']);
  });

  it('reads a status that holds until the next different one as an interval, sorted or not, CSV or XES', async () => {
    const mapping = {
      columns,
      activities: [{ match: { pattern: '.' }, type: 'x-status' }],
      intervals: [
        {
          when: { column: 'sub', in: ['Wait - User', 'Wait - Customer'] },
          start: { type: 'case.paused', data: { reason: 'awaiting_complainant' } },
          end: { type: 'case.resumed', dataFromColumns: { status: 'sub' } },
        },
      ],
    };
    const rows = [
      'C1,A,In Progress,2024-05-01T09:00:00Z',
      'C1,A,Wait - User,2024-05-02T09:00:00Z',
      'C1,A,Wait - Customer,2024-05-03T09:00:00Z',
      'C1,A,In Progress,2024-05-06T09:00:00Z',
      'C1,A,Wait - User,2024-05-07T09:00:00Z',
    ];
    const expected = [
      'x-status@01',
      'x-status@02',
      'case.paused@02',
      'x-status@03',
      'x-status@06',
      'case.resumed@06',
      'x-status@07',
      'case.paused@07',
    ];
    for (const sortedByCase of [false, true]) {
      const items = await read(mapping, csv(...rows), { sortedByCase });
      expect(typesAt(caseOf(items, 'C1').events)).toEqual(expected);
      const resumed = caseOf(items, 'C1').events[5] as { data?: unknown };
      expect(resumed.data).toEqual({ status: 'In Progress' });
    }
    const xes = `<log>\n<trace><string key="concept:name" value="C1"/>\n${rows
      .map((r) => r.split(','))
      .map(
        ([, s, sub, at]) =>
          `<event><string key="concept:name" value="${s}"/><string key="sub" value="${sub}"/><date key="time:timestamp" value="${at}"/></event>`,
      )
      .join('\n')}\n</trace>\n</log>`;
    const fromXes = await collect(
      readCases([memoryInput('log.xes', xes)], {
        mapping: parseMapping({
          ...mapping,
          columns: { caseId: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp' },
        }),
      }),
    );
    expect(typesAt(caseOf(fromXes, 'C1').events)).toEqual(expected);
    expect(caseOf(fromXes, 'C1').source.eventLines?.slice(0, 3)).toEqual([3, 4, 4]);
  });

  it('carries a calendar that fills in what the config leaves out, and says when the config overrides it', () => {
    const mapping = parseMapping({
      columns,
      activities: [],
      calendar: { zone: 'Europe/Stockholm', country: 'SE', holidayTypes: ['public', 'bank'] },
    });
    expect(withMappingCalendar({}, mapping)).toEqual({
      config: {
        zone: 'Europe/Stockholm',
        calendar: { holidays: { country: 'SE' }, holidayTypes: ['public', 'bank'] },
      },
      warnings: [],
    });
    const overridden = withMappingCalendar(
      { zone: 'Europe/Rome', calendar: { holidays: { country: 'IT' } } },
      mapping,
    );
    expect(overridden.config.zone).toBe('Europe/Rome');
    expect(overridden.warnings).toEqual([
      "the config's zone Europe/Rome is used, not the mapping's calendar zone Europe/Stockholm",
      "the config's holidays are used, not the mapping's calendar (SE)",
    ]);
  });

  it('warns when no time of the log is in the calendar zone, or the mapping reads naive times in another zone', () => {
    const italian = createZoneWatch('Europe/London', undefined);
    for (const at of ['2024-07-01T10:00:00+02:00', '2024-01-10T10:00:00+01:00', 'no offset']) italian.see(at);
    expect(italian.warnings()).toEqual([
      expect.stringContaining(
        "none of the log's times carries the offset the calendar's zone Europe/London has at that time (offsets seen: +02:00, +01:00)",
      ),
    ]);
    const british = createZoneWatch(
      'Europe/London',
      parseMapping({ columns, activities: [], zone: 'Europe/Rome' }),
    );
    british.see('2024-07-01T10:00:00+01:00');
    british.see('2024-01-10T10:00:00Z');
    expect(british.warnings()).toEqual([
      expect.stringContaining(
        'the mapping reads naive times in Europe/Rome, but the calendar counts days in Europe/London',
      ),
    ]);
  });

  it('checks the fixed data of interval events against their type when the mapping is read', () => {
    expect(() =>
      parseMapping({
        columns,
        activities: [],
        intervals: [
          { when: { column: 'sub', equals: 'Wait' }, start: { type: 'case.paused', data: { reason: 5 } } },
        ],
      }),
    ).toThrow(/intervals\.0\.start\.data\.reason`: does not fit a case\.paused event/);
  });
});
