import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonCopy, jsonNormalized } from '../../src/engine/json-copy.js';
import { memoize } from '../../src/engine/memo.js';

/** [1, <hole>, 3] */
const sparse = () => {
  const a = [1, 2, 3];
  delete a[1];
  return a;
};
const roundTrip = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

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

/** Same value, same prototypes, same key order as the round trip. */
function expectSameAsRoundTrip(v: object) {
  expect(same(jsonCopy(v), roundTrip(v))).toBeUndefined();
}

describe('jsonCopy = JSON.parse(JSON.stringify(x))', () => {
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
    ['a toJSON method', { a: { toJSON: () => 'x' } }],
    ['__proto__ as an own key', JSON.parse('{"__proto__":{"polluted":true},"b":1}') as object],
    [
      'shared references',
      (() => {
        const s = { x: 1 };
        return { a: s, b: [s, s] };
      })(),
    ],
    ['integer-like keys first', { b: 1, 2: 'two', a: 3, 1: 'one' }],
    ['boxed values', { s: Object('x'), n: Object(2), b: Object(false) }],
    ['sparse arrays', { a: sparse() }],
  ])('%s', (_, v) => expectSameAsRoundTrip(v));

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
    expect(() => jsonCopy(cyclic)).toThrow(TypeError);
    expect(() => jsonCopy({ n: 1n })).toThrow(/BigInt/);
  });

  it('does not touch Object.prototype', () => {
    jsonCopy(JSON.parse('{"__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('jsonNormalized = the sorted copy, reusing what is in JSON form already', () => {
  const omit = new Set(['eventIds', 'b']);
  const sortedCopy = (v: unknown) => jsonCopy(v, { sortKeys: true, omit });

  it('gives exactly the sorted copy on anything fast-check makes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.object({ withNullPrototype: true, withBoxedValues: true, withSparseArray: true }),
          fc.dictionary(
            fc.constantFrom('__proto__', 'toJSON', 'a', 'b', '0', '10', 'constructor', 'eventIds', 'z'),
            fc.oneof(fc.jsonValue(), fc.anything({ withSparseArray: true, withDate: true })),
          ),
          fc.jsonValue(),
          fc.anything({ withNullPrototype: true, withSparseArray: true, withDate: true }),
        ),
        (v) => {
          let expected: unknown;
          try {
            expected = sortedCopy(v);
          } catch (e) {
            // What the copy cannot do (undefined at the top), neither can this, with the same error.
            expect(() => jsonNormalized(v, omit)).toThrow((e as Error).message);
            return;
          }
          expect(same(jsonNormalized(v, omit), expected)).toBeUndefined();
        },
      ),
      { numRuns: 2000, seed: 43 },
    );
  });

  it.each([
    ['undefined, functions and symbols', { a: undefined, c: () => 1, d: [undefined, Symbol('y')] }],
    ['non-finite numbers and -0', { a: Number.NaN, c: -0, d: [-0, Number.NEGATIVE_INFINITY], e: { x: -0 } }],
    ['a Date and a toJSON method', { at: new Date(0), t: { toJSON: (k: string) => `key ${k}` } }],
    ['__proto__ as an own key', JSON.parse('{"__proto__":{"polluted":true},"c":{"__proto__":1}}') as object],
    ['keys out of order, nested', { y: { d: 1, c: 2 }, x: [{ f: 1, e: 2 }] }],
    ['sparse arrays', { a: sparse() }],
  ])('%s', (_, v) => {
    expect(same(jsonNormalized(v, omit), sortedCopy(v))).toBeUndefined();
  });

  it('reuses the parts in JSON form, copies the rest, and never writes to its input', () => {
    const inForm = { c: [1, 'x', { d: null }] };
    const outOfForm = { z: 1, y: 2 };
    const input = Object.freeze({ a: inForm, b: 1, c: outOfForm, eventIds: ['e1'] });
    const out = jsonNormalized(input, omit);
    expect(out).not.toBe(input);
    expect(out.a).toBe(inForm);
    expect(out.c).not.toBe(outOfForm);
    expect(Object.keys(out.c)).toEqual(['y', 'z']);
    expect(Object.keys(outOfForm)).toEqual(['z', 'y']);
    expect(Object.keys(out)).toEqual(['a', 'c']);
  });
});

describe('memos', () => {
  it('memoize computes once per key and stays bounded', () => {
    let calls = 0;
    const f = memoize((k: string) => {
      calls++;
      return k.length;
    }, 2);
    expect([f('a'), f('bb'), f('a'), f('bb')]).toEqual([1, 2, 1, 2]);
    expect(calls).toBe(2);
    f('ccc'); // full: starts again
    f('a');
    expect(calls).toBe(4);
  });

  it('memoize remembers undefined results too', () => {
    let calls = 0;
    const f = memoize((_: string) => {
      calls++;
      return undefined;
    });
    f('x');
    f('x');
    expect(calls).toBe(1);
  });
});
