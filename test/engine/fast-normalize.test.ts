import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCaseFast, tryFastNormalize } from '../../src/engine/fast-normalize.js';
import { normalizeCase } from '../../src/engine/normalize.js';
import { caseArb } from '../support/case-arbitrary.js';
import { deepFreeze, FIXTURES_DIR, readIndicatorFixtures } from '../support/fixtures.js';

/**
 * The fast normalizer must give exactly normalizeCase's result: the same values, prototypes, key
 * order and frozen events for valid cases, and normalizeCase's own issues for invalid ones.
 */

const zone = 'Europe/London';

/** Same structure: prototypes, frozen-ness, own keys in order, values by Object.is. */
function same(a: unknown, b: unknown, path = '$'): string | undefined {
  if (typeof a !== typeof b) return `${path}: ${typeof a} vs ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object')
    return Object.is(a, b) ? undefined : `${path}: ${String(a)} vs ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  if (Object.isFrozen(a) !== Object.isFrozen(b)) return `${path}: frozen differs`;
  const ka = Reflect.ownKeys(a as object).map(String);
  const kb = Reflect.ownKeys(b as object).map(String);
  if (JSON.stringify(ka) !== JSON.stringify(kb)) return `${path}: keys ${ka} vs ${kb}`;
  for (const k of ka) {
    const d = same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d) return d;
  }
  return undefined;
}

function compare(input: unknown, asOfMs: number) {
  const options = { zone, asOfMs };
  expect(same(normalizeCaseFast(input, options), normalizeCase(input, options))).toBeUndefined();
}

type Json = Record<string, unknown>;
/** Ways to break an event, each caught by zod or by normalizeCase's own checks. */
const EVENT_MUTATIONS: ((e: Json) => void)[] = [
  (e) => {
    delete e.at;
  },
  (e) => Object.assign(e, { at: 'not a date' }),
  (e) => Object.assign(e, { at: '2024-02-30T10:00:00Z' }),
  (e) => Object.assign(e, { type: 'bogus.type' }),
  (e) => Object.assign(e, { type: 'x-custom' }),
  (e) => Object.assign(e, { data: 'x' }),
  (e) => Object.assign(e, { data: { ...(e.data as object), covers: ['no_such_topic'] } }),
  (e) =>
    Object.assign(e, {
      data: { ...(e.data as object), extra: { nested: [1] }, revisedTargetAt: '2024-13-01' },
    }),
  (e) => Object.assign(e, { data: { ...(e.data as object), dueAt: '2025-02-29' } }),
  (e) => Object.assign(e, { actor: 5 }),
  (e) => Object.assign(e, { actor: { role: 7 } }),
  (e) => Object.assign(e, { id: 'e1' }),
  (e) => Object.assign(e, { id: '' }),
  (e) => Object.assign(e, { caseId: 'another' }),
  (e) => Object.assign(e, { caseId: 'G-1' }),
  (e) => Object.assign(e, { data: JSON.parse('{"__proto__":{"x":1}}') }),
  (e) => Object.assign(e, JSON.parse('{"__proto__":{"x":1}}')),
  (e) => Object.assign(e, { data: Object.assign(Object.create(null), e.data ?? {}) }),
  (e) => Object.assign(e, { extraField: undefined }),
];
/** Ways to break the case itself. */
const CASE_MUTATIONS: ((c: Json) => void)[] = [
  (c) => Object.assign(c, { events: 'x' }),
  (c) => Object.assign(c, { caseId: '' }),
  (c) => Object.assign(c, { attributes: { complexity: 'huge' } }),
  (c) => Object.assign(c, { attributes: { channel: 'web', custom: [1, 2] } }),
  (c) => Object.assign(c, { events: [...(c.events as unknown[]), undefined] }),
  (c) => Object.assign(c, { events: [...(c.events as unknown[]), null] }),
];
const MUTATIONS = EVENT_MUTATIONS.length + CASE_MUTATIONS.length;

describe('normalizeCaseFast = normalizeCase', () => {
  it('on every fixture and the sample log', () => {
    for (const f of readIndicatorFixtures()) compare(deepFreeze(structuredClone(f.case)), Date.parse(f.asOf));
    const lines = readFileSync(join(FIXTURES_DIR, 'sample/sample.ndjson'), 'utf8').trim().split('\n');
    for (const line of lines) compare(JSON.parse(line), Date.parse('2025-06-30T16:00:00Z'));
  });

  it('on generated valid cases, and takes the fast path for them', () => {
    let fast = 0;
    fc.assert(
      fc.property(caseArb, ({ input, asOf }) => {
        const json = JSON.parse(JSON.stringify(input)) as unknown;
        const asOfMs = Date.parse(asOf.length === 10 ? `${asOf}T00:00:00Z` : asOf);
        compare(json, asOfMs);
        if (tryFastNormalize(json, { zone, asOfMs }) !== undefined) fast++;
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(fast).toBeGreaterThan(250);
  });

  it('on generated broken cases (the issues are normalizeCase’s own)', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: MUTATIONS - 1 })), { minLength: 1, maxLength: 3 }),
        ({ input }, mutations) => {
          const c = JSON.parse(JSON.stringify(input)) as Json;
          for (const [at, m] of mutations) {
            const events = Array.isArray(c.events) ? (c.events as unknown[]) : [];
            const e = events.length > 0 ? events[at % events.length] : undefined;
            const mutate = EVENT_MUTATIONS[m];
            if (mutate) {
              if (e !== null && typeof e === 'object') mutate(e as Json);
            } else (CASE_MUTATIONS[m - EVENT_MUTATIONS.length] as (c: Json) => void)(c);
          }
          compare(c, Date.parse('2026-06-30T16:00:00Z'));
        },
      ),
      { numRuns: 500, seed: 12 },
    );
  });
});
