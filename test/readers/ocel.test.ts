import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, type TestContext } from 'vitest';
import { isRejected, type OcelOptions, parseMapping, type ReadCase, readCases } from '../../src/index.js';
import { ReadError } from '../../src/readers/errors.js';
import { loadSqlJs } from '../../src/readers/ocel-log.js';
import { collect } from './_helpers.js';

/**
 * Every object-centric log in the shared real logs, read with each object type as the case
 * notion: cases and events pinned, and the events linked to no case counted, never dropped.
 */
const dir = fileURLToPath(new URL('../../../shared/data/real-logs/', import.meta.url));
const need = (ctx: TestContext, file: string) => {
  if (existsSync(dir + file)) return;
  if (process.env.CI === 'true') throw new Error(`${dir}${file} is missing; CI runs must have it`);
  ctx.skip(`${file} is not in ${dir}`);
};

async function read(file: string, ocel: OcelOptions, mapping?: unknown) {
  const reader = readCases([dir + file], {
    ocel,
    ...(mapping === undefined ? {} : { mapping: parseMapping(mapping) }),
  });
  const items = await collect(reader);
  const cases = items.filter((i): i is ReadCase => !isRejected(i));
  return {
    cases,
    rejected: items.length - cases.length,
    events: cases.reduce((n, c) => n + c.events.length, 0),
    unlinked: reader.stats.inputs[0]?.unlinkedEvents,
    records: reader.stats.inputs[0]?.records,
    warnings: reader.stats.warnings,
    stats: reader.stats,
  };
}

const summary = (cases: ReadCase[]) =>
  Object.fromEntries(
    cases.map((c) => [
      c.caseId,
      c.events.map((e) => `${(e as { id: string }).id}:${(e as { type: string }).type}`),
    ]),
  );

describe('OCEL 2.0 example in its three encodings', () => {
  const encodings = ['ocel20_example.jsonocel', 'ocel20_example.xmlocel', 'ocel20_example.sqlite'];

  it('reads the same cases and events from JSON, XML and SQLite, and counts the events of no case', async (ctx) => {
    for (const f of encodings) need(ctx, f);
    const read3 = await Promise.all(encodings.map((f) => read(f, { caseObjectType: 'Invoice' })));
    for (const r of read3) {
      expect(r).toMatchObject({ rejected: 0, events: 9, unlinked: 4, records: 13 });
      expect(r.cases.map((c) => c.caseId)).toEqual(['R1', 'R2', 'R3']);
      expect(r.cases[2]?.attributes).toEqual({ is_blocked: 'No' }); // the latest of its values
      expect(r.warnings[0]).toMatch(
        /4 of 13 event\(s\) are linked to no Invoice object and were left out: .*Create Purchase Order \(1\)/,
      );
    }
    expect(summary(read3[1]?.cases ?? [])).toEqual(summary(read3[0]?.cases ?? []));
    expect(summary(read3[2]?.cases ?? [])).toEqual(summary(read3[0]?.cases ?? []));
    expect(summary(read3[0]?.cases ?? []).R1).toEqual(['e5:x-insert-invoice', 'e7:x-insert-payment']);
  });

  it('pins every case notion, directly and through related objects', async (ctx) => {
    need(ctx, encodings[0] as string);
    const counts: Record<string, [number, number, number | undefined]> = {};
    for (const type of ['Invoice', 'Payment', 'Purchase Order', 'Purchase Requisition'])
      for (const through of [false, true]) {
        const r = await read('ocel20_example.jsonocel', {
          caseObjectType: type,
          throughRelatedObjects: through,
        });
        counts[`${type}${through ? ' +related' : ''}`] = [r.cases.length, r.events, r.unlinked];
      }
    expect(counts).toEqual({
      Invoice: [3, 9, 4],
      'Invoice +related': [3, 15, 2],
      Payment: [3, 3, 10],
      'Payment +related': [3, 9, 4],
      'Purchase Order': [2, 5, 8],
      'Purchase Order +related': [2, 13, 0],
      'Purchase Requisition': [1, 3, 10],
      'Purchase Requisition +related': [1, 6, 7],
    });
  });

  it('maps activities with the same mapping language, and says which case types there are', async (ctx) => {
    need(ctx, encodings[0] as string);
    const r = await read(
      'ocel20_example.jsonocel',
      { caseObjectType: 'Invoice' },
      {
        columns: {
          caseId: 'case:ocel:oid',
          activity: 'ocel:activity',
          timestamp: 'ocel:timestamp',
          eventId: 'ocel:eid',
        },
        caseAttributes: { 'case:is_blocked': 'blocked' },
        activities: [
          {
            match: 'Insert Invoice',
            type: 'complaint.received',
            dataFromColumns: { by: 'invoice_inserter' },
          },
          { match: { pattern: 'Payment Block$' }, type: 'x-payment-block' },
        ],
      },
    );
    expect(r.cases[0]?.events[0]).toMatchObject({
      id: 'e5',
      type: 'complaint.received',
      data: { by: 'Luke' },
    });
    expect(r.cases[0]?.attributes).toEqual({ blocked: 'No' });
    expect(Object.fromEntries(r.stats.unmappedActivities)).toEqual({
      'Create Purchase Order': 1,
      'Insert Payment': 3,
    });
    await expect(read('ocel20_example.jsonocel', {})).rejects.toThrow(
      /say which objects are the cases with --case-object-type, one of: Invoice \(3\), Payment \(3\), Purchase Order \(2\), Purchase Requisition \(1\)/,
    );
    await expect(read('ocel20_example.sqlite', { caseObjectType: 'invoice' })).rejects.toThrow(
      /no objects of type "invoice" \(did you mean "Invoice"\?\)/,
    );
  });
});

describe('OCEL 1.0: recruiting-red', () => {
  it('reads 916 applications with all 6,607 events, and offers with what they leave out', async (ctx) => {
    need(ctx, 'recruiting-red.jsonocel');
    const counts: Record<string, [number, number, number | undefined]> = {};
    for (const type of ['applications', 'offers']) {
      const r = await read('recruiting-red.jsonocel', { caseObjectType: type });
      expect(r.rejected).toBe(0);
      counts[type] = [r.cases.length, r.events, r.unlinked];
    }
    // The log lists six object types, but only applications and offers are among its objects.
    expect(counts).toEqual({ applications: [916, 6607, 0], offers: [135, 270, 6337] });
  });
});

describe('OCEL SQLite without the optional sql.js', () => {
  const notFound = (name: string) =>
    Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- x.js`), {
      code: 'MODULE_NOT_FOUND',
    });

  it('names the file and the package to install', async () => {
    const load = (name: string) => {
      throw notFound(name);
    };
    const e = await loadSqlJs('log.sqlite', load).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ReadError);
    expect((e as ReadError).message).toBe(
      'Cannot read "log.sqlite" as OCEL 2.0 SQLite: it needs the optional package sql.js, which is not installed (npm install sql.js)',
    );
  });

  it('lets any other failure through as it is', async () => {
    const broken = notFound('./dist/sql-wasm.js');
    await expect(
      loadSqlJs('log.sqlite', () => {
        throw broken;
      }),
    ).rejects.toBe(broken);
  });

  it('loads the installed sql.js by default', async () => {
    const SQL = await loadSqlJs('log.sqlite');
    expect(typeof SQL.Database).toBe('function');
  });
});
