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
