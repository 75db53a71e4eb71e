/**
 * Compiled filters and the type index: a fact that scans only the events of the types its filter
 * names (`candidateEvents`) must find exactly what a scan of every event finds.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexCase } from '../../src/engine/case-index.js';
import { candidateEvents, type FactContext } from '../../src/engine/fact-context.js';
import { compileFilter, type EventPredicate } from '../../src/engine/filter.js';
import { normalizeCase } from '../../src/engine/normalize.js';
import { prepareEvaluation } from '../../src/engine/prepare.js';
import type { Ruleset } from '../../src/engine/ruleset.js';
import type { ParameterValue } from '../../src/model/config.js';
import { type Filter, FilterSchema } from '../../src/model/rule.js';
import { CANONICAL_EVENT_TYPES } from '../../src/model/vocabulary.js';
import { loadRuleset } from '../../src/rules/load-ruleset.js';
import { parseInstant } from '../../src/time/instant.js';
import { caseArb } from '../support/case-arbitrary.js';

let ruleset: Ruleset;
beforeAll(async () => {
  ruleset = await loadRuleset();
});

/**
 * Every filter written in the shipped rules and manifest (any object the filter schema accepts),
 * with the parameters of its rule (the manifest's with every rule's).
 */
function shippedFilters(): { filter: Filter; params: Record<string, ParameterValue> }[] {
  const out: { filter: Filter; params: Record<string, ParameterValue> }[] = [];
  const rules = prepareEvaluation(ruleset).rules;
  let params: Record<string, ParameterValue> = Object.assign({}, ...rules.map((r) => r.params));
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (['type', 'use', 'where', 'anyOf'].some((k) => k in o)) {
        const parsed = FilterSchema.safeParse(o);
        if (parsed.success) out.push({ filter: parsed.data, params });
      }
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk(ruleset.manifest.filters);
  for (const r of rules) {
    params = { ...r.params };
    walk(r.source.facts);
  }
  return out;
}

const typeArb = fc.constantFrom(...CANONICAL_EVENT_TYPES);
const leafArb: fc.Arbitrary<Filter> = fc
  .record(
    {
      type: fc.oneof(typeArb, fc.array(typeArb, { minLength: 1, maxLength: 3 })),
      use: fc.constantFrom('complainantFacing', 'decision', 'progressMark'),
      where: fc.constantFrom(
        { 'actor.role': 'complainant' },
        { 'data.to': { in: ['complainant', 'representative'] } },
      ),
    },
    { requiredKeys: [] },
  )
  .map((f) => f as Filter);
const filterArb: fc.Arbitrary<Filter> = fc
  .record(
    { own: leafArb, anyOf: fc.array(leafArb, { maxLength: 3 }), not: leafArb },
    { requiredKeys: ['own'] },
  )
  .map(({ own, anyOf, not }) => ({
    ...own,
    ...(anyOf ? { anyOf } : {}),
    ...(not ? { not } : {}),
  }));

function contextOf(input: unknown, asOf: string): FactContext {
  const prepared = prepareEvaluation(ruleset);
  const p = parseInstant(asOf, prepared.zone);
  if ('error' in p) throw new Error(p.error);
  const n = normalizeCase(input, { zone: prepared.zone, asOfMs: p.epochMs });
  if (!n.success) throw new Error(JSON.stringify(n.issues));
  return {
    index: indexCase(n.case, prepared.calendar, p.epochMs),
    calendar: prepared.calendar,
    asOfMs: p.epochMs,
    facts: {},
  };
}

function expectSameMatches(f: EventPredicate, ctx: FactContext) {
  const all = ctx.index.events.filter((e) => f(e));
  expect(candidateEvents(ctx, f).filter((e) => f(e))).toEqual(all);
  if (f.types) for (const e of all) expect(f.types).toContain(e.type);
}

describe('compileFilter types and candidateEvents', () => {
  it('knows the types of the shipped filters that name any', () => {
    const scope = { named: ruleset.manifest.filters, params: {} };
    const filters = shippedFilters();
    expect(filters.length).toBeGreaterThan(40);
    const typed = filters.filter(
      (f) =>
        compileFilter(f.filter, { named: ruleset.manifest.filters, params: f.params }).types !== undefined,
    );
    // Most shipped filters name their types: that is what makes the index pay.
    expect(typed.length / filters.length).toBeGreaterThan(0.6);
    const typesOf = (f: Parameters<typeof compileFilter>[0]) => {
      const types = compileFilter(f, scope).types;
      return types && new Set(types);
    };
    expect(typesOf({ type: ['a.b', 'c.d'], use: 'complainantFacing' })).toEqual(
      new Set(
        [...(compileFilter({ use: 'complainantFacing' }, scope).types ?? ['a.b', 'c.d'])].filter((t) =>
          ['a.b', 'c.d'].includes(t),
        ),
      ),
    );
    expect(compileFilter({ anyOf: [{ type: 'a.b' }, { where: { x: 1 } }] }, scope).types).toBeUndefined();
    expect(typesOf({ anyOf: [{ type: 'a.b' }, { type: 'c.d' }] })).toEqual(new Set(['a.b', 'c.d']));
    expect(typesOf({ type: 'a.b', not: { type: 'a.b' } })).toEqual(new Set(['a.b']));
  });

  it('finds through the type index exactly what a full scan finds (shipped and random filters, generated cases)', () => {
    const scope = { named: ruleset.manifest.filters, params: {} };
    const shipped = shippedFilters().map((f) =>
      compileFilter(f.filter, { named: ruleset.manifest.filters, params: f.params }),
    );
    fc.assert(
      fc.property(caseArb, fc.array(filterArb, { minLength: 1, maxLength: 5 }), (c, random) => {
        const ctx = contextOf(c.input, c.asOf);
        for (const f of shipped) expectSameMatches(f, ctx);
        for (const f of random) expectSameMatches(compileFilter(f, scope), ctx);
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });
});

describe('compileFilter matchers on list fields and alternatives', () => {
  const scope = { named: {}, params: {} };
  const event = (tags: unknown, type = 'x.y') =>
    ({ type, data: { tags } }) as unknown as Parameters<EventPredicate>[0];
  const matches = (filter: Filter, e: Parameters<EventPredicate>[0]) => compileFilter(filter, scope)(e);

  it('includesAny: some wanted value is in the list; includesAll: every one is', () => {
    const any = { where: { 'data.tags': { includesAny: ['a', 'b'] } } } as Filter;
    const all = { where: { 'data.tags': { includesAll: ['a', 'b'] } } } as Filter;
    const cases: [unknown, boolean, boolean][] = [
      [['a'], true, false],
      [['b', 'c'], true, false],
      [['b', 'a'], true, true],
      [['c'], false, false],
      [[], false, false],
      ['a', false, false], // not a list
      [undefined, false, false],
    ];
    for (const [tags, wantAny, wantAll] of cases) {
      expect(matches(any, event(tags)), JSON.stringify(tags)).toBe(wantAny);
      expect(matches(all, event(tags)), JSON.stringify(tags)).toBe(wantAll);
    }
    expect(matches({ where: { 'data.tags': { includesAll: [] } } } as Filter, event([]))).toBe(true);
    expect(matches({ where: { 'data.tags': { includesAny: [] } } } as Filter, event(['a']))).toBe(false);
  });

  it('anyOf: one alternative must hold, on top of the filter itself', () => {
    const f = {
      type: 'x.y',
      anyOf: [
        { where: { 'data.tags': { includes: 'a' } } },
        { type: 'x.y', where: { 'data.tags': { includes: 'b' } } },
      ],
    } as Filter;
    expect(matches(f, event(['a']))).toBe(true);
    expect(matches(f, event(['b']))).toBe(true);
    expect(matches(f, event(['c']))).toBe(false);
    expect(matches(f, event(['a'], 'z.z'))).toBe(false);
  });
});

describe('exists', () => {
  const scope = { named: {}, params: {} };
  const has = compileFilter({ where: { 'data.contactName': { exists: true } } }, scope);
  const event = (contactName: unknown) => ({ data: { contactName } }) as never;
  it('takes a value with something in it as present', () => {
    expect(has(event('Ms Brown'))).toBe(true);
    expect(has(event(0))).toBe(true);
    expect(has(event(false))).toBe(true);
  });
  it('takes nothing, null, an empty string or a blank one as absent', () => {
    for (const v of [undefined, null, '', '   ', ' \t\n ']) expect(has(event(v))).toBe(false);
  });
});

describe('named filters', () => {
  const event = (type: string) => ({ type, data: {} }) as unknown as Parameters<EventPredicate>[0];
  const use = (name: string): Filter => ({ use: name });

  it('combine through any number of names, each narrowing the types', () => {
    const named: Record<string, Filter> = { n0: { type: ['a.a', 'b.b'] } };
    for (let i = 1; i <= 12; i++) named[`n${i}`] = use(`n${i - 1}`);
    const f = compileFilter({ use: 'n12', type: ['b.b', 'c.c'] }, { named, params: {} });
    expect(f.types).toEqual(['b.b']);
    expect([f(event('a.a')), f(event('b.b')), f(event('c.c'))]).toEqual([false, true, false]);
  });

  it('refuse a name that is unknown, or that refers to itself however far round', () => {
    const scope = {
      named: { a: use('b'), b: use('c'), c: use('a'), self: use('self'), ok: { type: 'x.x' } },
      params: {},
    };
    expect(() => compileFilter(use('zz'), scope)).toThrow('unknown named filter "zz"');
    expect(() => compileFilter(use('toString'), scope)).toThrow('unknown named filter "toString"');
    expect(() => compileFilter(use('self'), scope)).toThrow(
      'named filter "self" refers to itself (self -> self)',
    );
    expect(() => compileFilter({ type: 'x.x', anyOf: [use('ok'), use('b')] }, scope)).toThrow(
      'named filter "b" refers to itself (b -> c -> a -> b)',
    );
    expect(() => compileFilter({ not: use('a') }, scope)).toThrow(
      'named filter "a" refers to itself (a -> b -> c -> a)',
    );
    // The same name used twice side by side is no loop.
    expect(
      compileFilter(
        { use: 'ok', anyOf: [use('ok')], not: { use: 'ok', where: { id: 'e1' } } },
        scope,
      )(event('x.x')),
    ).toBe(true);
  });
});

describe('compileFilter matchers', () => {
  const scope = {
    named: {},
    params: { roles: ['staff', 'manager'], limit: 3 } as Record<string, ParameterValue>,
  };
  const e = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ({ type: 'x.y', data, ...extra }) as unknown as Parameters<EventPredicate>[0];
  const holds = (
    where: Filter['where'],
    ev: Parameters<EventPredicate>[0],
    ref?: Parameters<EventPredicate>[0],
  ) => compileFilter({ where }, scope)(ev, ref);

  it('match a field equal to a value, in or not in a list, other than a value, or starting with a text', () => {
    expect([
      holds({ 'data.to': 'body' }, e({ to: 'body' })),
      holds({ 'data.to': 'body' }, e({ to: 'bod' })),
    ]).toEqual([true, false]);
    expect(holds({ 'data.n': null }, e({ n: null }))).toBe(true);
    expect(holds({ 'data.n': null }, e({}))).toBe(false);
    expect([
      holds({ 'data.to': { in: ['a', 'b'] } }, e({ to: 'b' })),
      holds({ 'data.to': { in: ['a'] } }, e({ to: 'b' })),
    ]).toEqual([true, false]);
    expect([
      holds({ 'data.to': { notIn: ['a'] } }, e({ to: 'b' })),
      holds({ 'data.to': { notIn: ['b'] } }, e({ to: 'b' })),
    ]).toEqual([true, false]);
    expect([
      holds({ 'data.to': { not: 'a' } }, e({ to: 'b' })),
      holds({ 'data.to': { not: 'b' } }, e({ to: 'b' })),
    ]).toEqual([true, false]);
    expect([
      holds({ 'data.tags': { includes: 'a' } }, e({ tags: ['b', 'a'] })),
      holds({ 'data.tags': { includes: 'a' } }, e({ tags: 'a' })),
    ]).toEqual([true, false]);
    expect([
      holds({ 'data.ref': { startsWith: 'SPSO-' } }, e({ ref: 'SPSO-12' })),
      holds({ 'data.ref': { startsWith: 'SPSO-' } }, e({ ref: 'X-SPSO-12' })),
      holds({ 'data.ref': { startsWith: '1' } }, e({ ref: 12 })),
    ]).toEqual([true, false, false]);
  });

  it('match a field against a list parameter, and refuse a parameter that is no list', () => {
    expect([
      holds({ 'actor.role': { param: 'roles' } }, e({}, { actor: { role: 'manager' } })),
      holds({ 'actor.role': { param: 'roles' } }, e({}, { actor: { role: 'clerk' } })),
    ]).toEqual([true, false]);
    expect(() => holds({ 'actor.role': { param: 'limit' } }, e({}))).toThrow(
      'parameter "limit" must be a list to be used in a filter',
    );
    expect(() => holds({ 'actor.role': { param: 'missing' } }, e({}))).toThrow(
      'parameter "missing" must be a list to be used in a filter',
    );
    expect(() => holds({ 'actor.role': { param: 'toString' } }, e({}))).toThrow(
      'parameter "toString" must be a list',
    );
  });

  it('compare with the same field of a reference event, never matching without one or without a value', () => {
    const where = { 'data.need': '{ref.data.need}' };
    expect(holds(where, e({ need: 'bsl' }), e({ need: 'bsl' }))).toBe(true);
    expect(holds(where, e({ need: 'bsl' }), e({ need: 'braille' }))).toBe(false);
    expect(holds(where, e({ need: 'bsl' }))).toBe(false);
    expect(holds(where, e({}), e({}))).toBe(false);
    // Not a reference: compared as the text it is.
    expect(holds({ 'data.need': '{ref.}' }, e({ need: '{ref.}' }))).toBe(true);
    expect(
      holds({ 'data.need': 'x{ref.data.need}' }, e({ need: 'x{ref.data.need}' }), e({ need: 'bsl' })),
    ).toBe(true);
  });

  it('read a path through own properties only, a missing or non-object step reading nothing', () => {
    const absent = { 'data.a.b': { exists: false } } as const;
    expect(holds(absent, e({ a: null }))).toBe(true);
    expect(holds(absent, e({ a: 'text' }))).toBe(true);
    expect(holds(absent, e({ a: {} }))).toBe(true);
    expect(holds(absent, e({ a: { b: 1 } }))).toBe(false);
    expect(holds({ 'data.constructor': { exists: false } }, e({}))).toBe(true);
    expect(holds({ 'data.length': { exists: false } }, e('abc' as never))).toBe(true);
  });

  it('need every part to hold: the type, each field, one alternative, and not the exclusion', () => {
    const f = compileFilter(
      { type: 'x.y', where: { 'data.a': 1, 'data.b': 2, 'data.c': 3 }, not: { where: { 'data.d': 4 } } },
      scope,
    );
    expect(f(e({ a: 1, b: 2, c: 3 }))).toBe(true);
    expect(f(e({ a: 1, b: 2, c: 0 }))).toBe(false);
    expect(f(e({ a: 0, b: 2, c: 3 }))).toBe(false);
    expect(f(e({ a: 1, b: 2, c: 3, d: 4 }))).toBe(false);
    expect(compileFilter({}, scope)(e({}))).toBe(true);
    expect(compileFilter({ where: { 'data.a': 1, 'data.b': 2 } }, scope)(e({ a: 1, b: 0 }))).toBe(false);
    expect(compileFilter({ where: { 'data.a': 1, 'data.b': 2 } }, scope)(e({ a: 0, b: 2 }))).toBe(false);
    expect(compileFilter({ where: { 'data.a': 1, 'data.b': 2 } }, scope)(e({ a: 1, b: 2 }))).toBe(true);
  });

  it('know the types an event must have: every alternative naming types limits them, one naming none does not', () => {
    expect(compileFilter({ type: ['a.a', 'a.a', 'b.b'] }, scope).types).toEqual(['a.a', 'b.b']);
    expect(compileFilter({ anyOf: [{ type: 'a.a' }, { type: ['b.b', 'a.a'] }] }, scope).types).toEqual([
      'a.a',
      'b.b',
    ]);
    expect(
      compileFilter({ type: ['a.a', 'c.c'], anyOf: [{ type: 'a.a' }, { type: 'b.b' }] }, scope).types,
    ).toEqual(['a.a']);
    expect(
      compileFilter({ type: 'c.c', anyOf: [{ type: 'a.a' }, { where: { id: 'x' } }] }, scope).types,
    ).toEqual(['c.c']);
    expect(compileFilter({ anyOf: [{ type: 'a.a' }, { where: { id: 'x' } }] }, scope).types).toBeUndefined();
    expect(compileFilter({ where: { id: 'x' } }, scope).types).toBeUndefined();
  });
});
