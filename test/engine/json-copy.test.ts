import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonCopy } from '../../src/engine/json-copy.js';

/** [1, <hole>, 3] */
const sparse = () => {
  const a = [1, 2, 3];
  delete a[1];
  return a;
};
/** The reference: the JSON round trip, then every object's keys in code-unit order. */
const sortedRoundTrip = (v: unknown) =>
  JSON.parse(JSON.stringify(v), (_, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, (x as Record<string, unknown>)[k]]),
        )
      : x,
  ) as unknown;

/** Same structure: prototypes, own keys in order (and their descriptors' enumerability), values by Object.is. */
function same(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== typeof b) return `${path}: ${typeof a} vs ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object')
    return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  const ka = Reflect.ownKeys(a as object);
  const kb = Reflect.ownKeys(b as object);
  if (JSON.stringify(ka.map(String)) !== JSON.stringify(kb.map(String)))
    return `${path}: keys ${String(ka)} vs ${String(kb)}`;
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k);
    const db = Object.getOwnPropertyDescriptor(b, k);
    if (da?.enumerable !== db?.enumerable) return `${path}.${String(k)}: enumerability differs`;
    const d = same(
      (a as Record<PropertyKey, unknown>)[k],
      (b as Record<PropertyKey, unknown>)[k],
      `${path}.${String(k)}`,
    );
    if (d) return d;
  }
  return undefined;
}

/** Same value, same prototypes, same key order as the sorted round trip. */
function expectSameAsRoundTrip(v: object) {
  expect(same(jsonCopy(v), sortedRoundTrip(v))).toBeUndefined();
}

describe('jsonCopy = JSON.parse(JSON.stringify(x)) with keys sorted', () => {
  it('on anything fast-check makes (objects and arrays at the top)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.object({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
          fc.array(fc.anything({ withNullPrototype: true, withSparseArray: true, withDate: true })),
          fc.dictionary(
            fc.constantFrom('__proto__', 'toJSON', 'a', '0', '10', 'constructor'),
            fc.jsonValue(),
          ),
        ),
        (v) => expectSameAsRoundTrip(v as object),
      ),
      { numRuns: 1000, seed: 42 },
    );
  });

  it.each([
    [
      'undefined, functions and symbols',
      { a: undefined, b: () => 1, c: Symbol('x'), d: [undefined, () => 1, Symbol('y')] },
    ],
    [
      'non-finite numbers and -0',
      { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -0, d: [-0, Number.NEGATIVE_INFINITY] },
    ],
    ['a Date inside', { at: new Date(0), list: [new Date(1)] }],
    [
      'a toJSON method, called with its key',
      { a: { toJSON: (k: string) => `key ${k}` }, l: [{ toJSON: (k: string) => k }] },
    ],
    ['__proto__ as an own key', JSON.parse('{"__proto__":{"polluted":true},"b":1}') as object],
    [
      'shared references',
      (() => {
        const s = { x: 1 };
        return { a: s, b: [s, s] };
      })(),
    ],
    ['integer-like keys first', { b: 1, 2: 'two', a: 3, 1: 'one' }],
    ['keys out of order, nested', { y: { d: 1, c: 2 }, x: [{ f: 1, e: 2 }] }],
    ['boxed values', { s: Object('x'), n: Object(2), b: Object(false) }],
    ['sparse arrays', { a: sparse() }],
  ])('%s', (_, v) => expectSameAsRoundTrip(v));

  it('leaves out the top-level keys in omit, and only those', () => {
    const v = { b: 1, eventIds: ['e1'], a: { eventIds: ['e2'] } };
    expect(jsonCopy(v, { omit: new Set(['eventIds']) })).toStrictEqual({ a: { eventIds: ['e2'] }, b: 1 });
  });

  it('copies: no reference is shared with the original', () => {
    const shared = { x: [1, 2] };
    const v = { a: shared, b: shared };
    const copy = jsonCopy(v);
    expect(copy.a).not.toBe(shared);
    expect(copy.a).not.toBe(copy.b);
    expect(copy.a.x).not.toBe(shared.x);
  });

  it('throws as the round trip does (cycles, BigInt)', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => jsonCopy(cyclic)).toThrow(new TypeError('Converting circular structure to JSON'));
    expect(() => jsonCopy({ n: 1n })).toThrow(/BigInt/);
  });

  it('orders keys by code unit at every depth (upper case before lower, accents last)', () => {
    const copy = jsonCopy({ b: 1, ä: 2, a: { z: 1, Z: 2, y: 3 }, C: 4 });
    expect(Object.keys(copy)).toEqual(['C', 'a', 'b', 'ä']);
    expect(Object.keys(copy.a)).toEqual(['Z', 'y', 'z']);
  });

  it('keeps a __proto__ key as a plain own property, written like any other', () => {
    const copy = jsonCopy(JSON.parse('{"b":1,"__proto__":{"a":1}}'));
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')).toEqual({
      value: { a: 1 },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"a":1},"b":1}');
  });

  it('does not touch Object.prototype', () => {
    jsonCopy(JSON.parse('{"__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
