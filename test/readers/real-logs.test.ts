import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, type TestContext } from 'vitest';
import { normalizeCase } from '../../src/engine/normalize.js';
import { isRejected, loadMapping, type ReadCase, type ReadItem, readCases } from '../../src/index.js';
import { collect } from './_helpers.js';

/**
 * End to end on the public logs in /work/shared/data/real-logs (never copied into the repo).
 * When the folder is missing the tests skip and say why; in CI (CI=true) a missing folder fails.
 * REAL_LOGS_DIR points elsewhere (e.g. to check the skip).
 */
const REAL_LOGS =
  process.env.REAL_LOGS_DIR ?? fileURLToPath(new URL('../../../shared/data/real-logs/', import.meta.url));
const FILES = ['receipt.csv', '08_receipt.xes.gz', 'running-example.xes'];
const missing = FILES.filter((f) => !existsSync(join(REAL_LOGS, f)));
const WHY = `the real logs are not at ${REAL_LOGS} (missing: ${missing.join(', ')})`;
const RECEIPT_MAPPING = fileURLToPath(new URL('../../docs/examples/receipt.mapping.json', import.meta.url));

function needLogs(ctx: TestContext): void {
  if (missing.length === 0) return;
  if (process.env.CI === 'true') throw new Error(`${WHY}; CI runs must have them`);
  ctx.skip(WHY);
}

const log = (file: string) => join(REAL_LOGS, file);
const withoutSource = (items: ReadItem[]) =>
  items
    .filter((i): i is ReadCase => !isRejected(i))
    .map(({ source: _source, ...rest }) => rest)
    .sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));

const UNMAPPED = {
  'T11 Create document X request unlicensed': 44,
  'T12 Check document X request unlicensed': 41,
  'T13 Adjust document X request unlicensed': 2,
  'T14 Determine document X request unlicensed': 39,
  'T15 Print document X request unlicensed': 39,
  'T17 Check report Y to stop indication': 26,
  'T18 Adjust report Y to stop indicition': 6,
  'T19 Determine report Y to stop indication': 20,
  'T20 Print report Y to stop indication': 20,
};

describe('real logs: the receipt log (CSV and XES) with the worked mapping', () => {
  it('reads the CSV and the XES to the same cases and events: 1,434 cases, 8,577 events, none rejected', async (ctx) => {
    needLogs(ctx);
    const mapping = await loadMapping(RECEIPT_MAPPING);
    const csv = readCases([log('receipt.csv')], { mapping, sortedByCase: true });
    const xes = readCases([log('08_receipt.xes.gz')], { mapping });
    const fromCsv = await collect(csv);
    const fromXes = await collect(xes);
    for (const reader of [csv, xes]) {
      expect(reader.stats).toMatchObject({
        cases: 1434,
        events: 8577,
        rejectedCases: 0,
        filtered: 0,
        warnings: [],
      });
      expect(Object.fromEntries([...reader.stats.unmappedActivities].sort())).toEqual(UNMAPPED);
    }
    expect(xes.stats.inputs[0]).toMatchObject({ format: 'xes', gzip: true, records: 1434 });
    expect(csv.stats.inputs[0]).toMatchObject({ format: 'csv', gzip: false, records: 8577 });
    const a = withoutSource(fromCsv);
    const b = withoutSource(fromXes);
    expect(a).toHaveLength(1434);
    expect(a.reduce((n, c) => n + c.events.length, 0)).toBe(8577);
    expect(a).toEqual(b);
    expect(a.find((c) => c.caseId === 'case-10011')).toEqual({
      caseId: 'case-10011',
      attributes: {
        channel: 'Internet',
        department: 'General',
        deadline: '2011-12-06T13:41:31.788+01:00',
        plannedEnd: '2011-12-06T13:41:31.788+01:00',
      },
      events: [
        {
          id: 'task-42933',
          type: 'complaint.received',
          at: '2011-10-11T13:45:40.276+02:00',
          actor: { id: 'Resource21' },
          data: { channel: 'web' },
        },
        {
          id: 'task-42935',
          type: 'x-receipt-confirmation-checked',
          at: '2011-10-12T08:26:25.398+02:00',
          actor: { id: 'Resource10' },
        },
        {
          id: 'task-42957',
          type: 'x-receipt-confirmation-adjusted',
          at: '2011-11-24T15:36:51.302+01:00',
          actor: { id: 'Resource21' },
        },
        {
          id: 'task-47958',
          type: 'x-receipt-confirmation-checked',
          at: '2011-11-24T15:37:16.553+01:00',
          actor: { id: 'Resource21' },
        },
      ],
    });
    // Sources point back into each file: the CSV row of the case's first event, the XES line of
    // the trace's <trace> and of each event's <event>.
    expect(fromCsv[0]?.source).toMatchObject({ file: log('receipt.csv'), line: 2 });
    expect(fromXes[0]?.source).toEqual({
      file: log('08_receipt.xes.gz'),
      line: 1798,
      eventLines: [1807, 1815, 1823, 1831],
    });
  });

  it('gives cases the engine accepts, every one', async (ctx) => {
    needLogs(ctx);
    const mapping = await loadMapping(RECEIPT_MAPPING);
    const problems: unknown[] = [];
    let events = 0;
    for await (const item of readCases([log('receipt.csv')], { mapping })) {
      const r = normalizeCase(item, { zone: 'Europe/Amsterdam', asOfMs: Date.parse('2013-01-01T00:00:00Z') });
      if (r.success) events += r.case.eventsRead;
      else problems.push(r.issues);
    }
    expect(problems).toEqual([]);
    expect(events).toBe(8577);
  });
});

describe('real logs: the running example (XES, no mapping)', () => {
  it('reads 6 cases and 42 events, every activity kept as an x- event and counted', async (ctx) => {
    needLogs(ctx);
    const reader = readCases([log('running-example.xes')]);
    const items = await collect(reader);
    expect(reader.stats).toMatchObject({ cases: 6, events: 42, rejectedCases: 0 });
    expect([...reader.stats.unmappedActivities.values()].reduce((a, b) => a + b, 0)).toBe(42);
    expect(reader.stats.unmappedActivities.get('register request')).toBe(6);
    const first = items[0] as ReadCase;
    expect(first.caseId).toBe('3');
    expect(first.events[0]).toEqual({
      type: 'x-register-request',
      at: '2010-12-30T14:32:00.000+01:00',
      actor: { id: 'Pete' },
      data: { activity: 'register request' },
    });
  });
});
