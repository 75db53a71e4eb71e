import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMapping, readCases } from '../../src/index.js';
import { caseOf, collect, ids, memoryInput } from './_helpers.js';

/** Prototype pollution would show as an inherited `polluted` anywhere, or new keys on Object.prototype. */
let before: string[];
beforeEach(() => {
  before = Object.getOwnPropertyNames(Object.prototype).sort();
});
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
});

const plainPrototype = (o: unknown) => Object.getPrototypeOf(o) === Object.prototype;

describe('prototype pollution: JSON and NDJSON keys', () => {
  const hostileCase =
    '{"caseId": "C1", "__proto__": {"polluted": "case"}, "constructor": {"prototype": {"polluted": "ctor"}},' +
    ' "attributes": {"__proto__": {"polluted": "attr"}, "channel": "web"},' +
    ' "events": [{"type": "x-a", "at": "2024-05-01", "__proto__": {"polluted": "event"}, "data": {"__proto__": {"isAdmin": true}}}]}';
  const hostileEvent =
    '{"caseId": "E1", "type": "x-a", "at": "2024-05-01", "__proto__": {"polluted": "flat"}}';

  it('keeps __proto__ and constructor as plain own keys of what it yields, changing no prototype', async () => {
    for (const [name, text] of [
      ['hostile.json', `[${hostileCase}, ${hostileEvent}]`],
      ['hostile.ndjson', `${hostileCase}\n${hostileEvent}\n`],
    ] as const) {
      const items = await collect(readCases([memoryInput(name, text)]));
      expect(ids(items).cases.sort(), name).toEqual(['C1', 'E1']);
      const c1 = caseOf(items, 'C1');
      expect(plainPrototype(c1)).toBe(true);
      expect(Object.hasOwn(c1, '__proto__')).toBe(true);
      expect((c1 as { polluted?: unknown }).polluted).toBeUndefined();
      expect(c1.source).toEqual({ file: name, line: 1 });
      const attributes = c1.attributes as Record<string, unknown>;
      expect(plainPrototype(attributes)).toBe(true);
      expect(attributes.polluted).toBeUndefined();
      const event = c1.events[0] as { data: Record<string, unknown>; polluted?: unknown };
      expect(event.polluted).toBeUndefined();
      expect(event.data.isAdmin).toBeUndefined();
      const e1 = caseOf(items, 'E1').events[0] as { polluted?: unknown };
      expect(plainPrototype(e1)).toBe(true);
      expect(e1.polluted).toBeUndefined();
    }
  });

  it('groups events whose case ids are names of Object.prototype members', async () => {
    const ids_ = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', '__proto__'];
    const text = ids_.map((caseId) => JSON.stringify({ caseId, type: 'x-a', at: '2024-05-01' })).join('\n');
    const items = await collect(readCases([memoryInput('names.ndjson', text)]));
    expect(ids(items).cases).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(caseOf(items, '__proto__').events).toHaveLength(2);
  });
});

describe('prototype pollution: CSV and XES columns, mapping names, activity names', () => {
  const mapping = parseMapping(
    JSON.parse(`{
      "columns": { "caseId": "__proto__", "activity": "constructor", "timestamp": "time" },
      "caseAttributes": { "toString": "__proto__", "hasOwnProperty": { "name": "constructor", "values": { "yes": "y" } } },
      "activities": [{ "match": "mapped", "type": "x-mapped", "data": { "__proto__": { "polluted": "data" }, "kept": 1 },
                       "dataFromColumns": { "flag": { "column": "hasOwnProperty", "values": { "yes": true } } } }]
    }`),
  );

  it('reads columns named __proto__ and constructor, and defines attributes named __proto__ as own keys', async () => {
    const csv = [
      '__proto__,constructor,time,toString,hasOwnProperty',
      'C1,__proto__,2024-05-01T09:00:00Z,{"polluted":1},constructor',
      'C1,mapped,2024-05-01T10:00:00Z,,toString',
      '__proto__,__proto__,2024-05-01T09:00:00Z,x,yes',
    ].join('\n');
    const reader = readCases([memoryInput('hostile.csv', csv)], { mapping });
    const items = await collect(reader);
    const c1 = caseOf(items, 'C1');
    const attributes = c1.attributes as Record<string, unknown>;
    expect(plainPrototype(attributes)).toBe(true);
    expect(Object.getOwnPropertyDescriptor(attributes, '__proto__')?.value).toBe('{"polluted":1}');
    expect(Object.hasOwn(attributes, 'constructor')).toBe(false); // "constructor" is not a key of the values map
    expect(c1.events).toEqual([
      { type: 'x-proto', at: '2024-05-01T09:00:00.000Z', data: { activity: '__proto__' } },
      { type: 'x-mapped', at: '2024-05-01T10:00:00.000Z', data: { kept: 1 } },
    ]);
    const other = caseOf(items, '__proto__');
    expect(Object.getOwnPropertyDescriptor(other.attributes, 'constructor')?.value).toBe('y');
    expect([...reader.stats.unmappedActivities]).toEqual([['__proto__', 2]]);
    expect(Object.fromEntries(reader.stats.unmappedActivities)).toEqual(JSON.parse('{"__proto__": 2}'));
  });

  it('reads XES keys named __proto__ and constructor', async () => {
    const xes = `<log><trace><string key="concept:name" value="T1"/><string key="toString" value="v"/>
      <event><string key="__proto__" value="T1"/><string key="constructor" value="mapped"/><date key="time" value="2024-05-01T09:00:00Z"/></event>
      </trace></log>`;
    const xesMapping = parseMapping({
      ...mapping,
      columns: { caseId: 'case:concept:name', activity: 'constructor', timestamp: 'time' },
      caseAttributes: { 'case:toString': '__proto__' },
    });
    const items = await collect(readCases([memoryInput('hostile.xes', xes)], { mapping: xesMapping }));
    const t1 = caseOf(items, 'T1');
    expect(Object.getOwnPropertyDescriptor(t1.attributes, '__proto__')?.value).toBe('v');
    expect(plainPrototype(t1.attributes)).toBe(true);
    expect(t1.events).toHaveLength(1);
  });
});
