import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledRule } from '../../src/engine/compiled-rule.js';
import { compileCondition } from '../../src/engine/conditions.js';
import {
  type CaseResult,
  createJsonRulesEngineEvaluator,
  evaluateCase,
  loadRuleset,
  prepareEvaluation,
} from '../../src/index.js';
import { CONDITION_OPERATORS, type Condition, ConditionSchema } from '../../src/model/rule.js';
import { caseArb } from '../support/case-arbitrary.js';
import { deepFreeze, FIXTURES_DIR, readIndicatorFixtures } from '../support/fixtures.js';

/**
 * The compiled rules must decide exactly as json-rules-engine (the reference): same statuses,
 * evidence, measured values and explanations on every fixture, on every case of the sample log,
 * and on generated case histories; and, condition by condition, the same verdicts on random
 * conditions (as the rule schema admits them) over random facts.
 */

const ruleset = deepFreeze(await loadRuleset());
const reference = createJsonRulesEngineEvaluator();
// Compiled once for the default config; a fixture with a config of its own is compiled for it.
const defaults = prepareEvaluation(ruleset);

type Outcome = { result: CaseResult } | { error: string };

async function judge(input: unknown, asOf: string, config: unknown, byReference: boolean): Promise<Outcome> {
  try {
    const evaluator = byReference ? reference : undefined;
    return {
      result: await evaluateCase(input, {
        untrusted: true,
        ruleset,
        prepared: config === undefined ? defaults : undefined,
        asOf,
        config: config as never,
        evaluator,
      }),
    };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

async function both(input: unknown, asOf: string, config?: unknown): Promise<[Outcome, Outcome]> {
  return [await judge(input, asOf, config, true), await judge(input, asOf, config, false)];
}

describe('compiled rules = json-rules-engine, whole case results', () => {
  const fixtures = readIndicatorFixtures();

  it.each(fixtures.map((f) => [f.file, f] as const))('fixture %s (full ruleset)', async (_, fixture) => {
    const [ref, fast] = await both(deepFreeze(structuredClone(fixture.case)), fixture.asOf, fixture.config);
    expect('result' in ref).toBe(true);
    expect(fast).toEqual(ref);
  });

  it('every case of the sample log', async () => {
    const lines = readFileSync(join(FIXTURES_DIR, 'sample/sample.ndjson'), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const [ref, fast] = await both(deepFreeze(JSON.parse(line)), '2025-06-30T17:00:00+01:00');
      expect('result' in ref).toBe(true);
      expect(fast).toEqual(ref);
    }
  });

  // 2,000 generated histories in ten runs of 200 (each seed its own): both evaluators judge
  // every history, and a run of 500 outlasted the test timeout on a loaded two-core machine.
  // The outcomes reached are counted over all ten.
  const reached = new Set<string>();
  const seeds = Array.from({ length: 10 }, (_, i) => 20_240_501 + i);
  it.each(seeds)('generated case histories (seed %i)', async (seed) => {
    let judged = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ input, asOf }) => {
        const [ref, fast] = await both(deepFreeze(input), asOf);
        expect(fast).toEqual(ref);
        if ('result' in ref) {
          judged++;
          for (const f of ref.result.findings) reached.add(`${f.ref}:${f.status}`);
        }
      }),
      { numRuns: 200, seed },
    );
    // Not vacuous: most generated cases are valid.
    expect(judged).toBeGreaterThan(170);
  });

  it('the generated histories reach many outcomes', () => {
    expect(reached.size).toBeGreaterThan(85);
  });
});

// ---- Conditions and facts at random ------------------------------------------------------

const FACT_NAMES = ['a', 'b', 'n', 's', 'list'] as const;
const scalarArb = fc.oneof(
  fc.integer({ min: -3, max: 5 }),
  fc.double({ noDefaultInfinity: false }),
  fc.constantFrom('', '3', '3abc', 'abc', 'a', '0x10', ' 2', 'NaN', 'Infinity', '1e3'),
  fc.boolean(),
  fc.constant(null),
);
const valueArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { weight: 4, arbitrary: scalarArb },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    {
      weight: 2,
      arbitrary: fc.record(
        { x: tie('value'), y: tie('value'), length: scalarArb },
        // Facts are plain JSON (null-prototype objects go through the fallback, still correct).
        { requiredKeys: [], noNullPrototype: true },
      ),
    },
  ),
})).value;
const factsArb = fc.record(
  Object.fromEntries(FACT_NAMES.map((n) => [n, valueArb])) as Record<string, fc.Arbitrary<unknown>>,
  { requiredKeys: [...FACT_NAMES], noNullPrototype: true },
);
const pathArb = fc.constantFrom(
  undefined,
  '$',
  '$.x',
  '$.x.y',
  '$.y.x',
  '$[0]',
  '$.x[1]',
  '$[0].x',
  '$.length',
);
const leafArb = fc
  .record({
    fact: fc.constantFrom(...FACT_NAMES),
    path: pathArb,
    operator: fc.constantFrom(...CONDITION_OPERATORS),
    value: fc.oneof(
      scalarArb,
      fc.array(scalarArb, { maxLength: 3 }),
      fc.record(
        { fact: fc.constantFrom(...FACT_NAMES), path: pathArb },
        { requiredKeys: ['fact'], noNullPrototype: true },
      ),
    ),
  })
  .map((l) => {
    const out: Record<string, unknown> = { fact: l.fact, operator: l.operator, value: l.value };
    if (l.path !== undefined) out.path = l.path;
    if (l.value && typeof l.value === 'object' && !Array.isArray(l.value) && l.value.path === undefined)
      out.value = { fact: (l.value as { fact: string }).fact };
    return out;
  });
// Only what the rule schema admits: a rule file with anything else is refused when it loads.
const conditionArb = fc
  .letrec((tie) => ({
    c: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb,
      fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('c') }),
    ),
  }))
  .c.filter((c) => ConditionSchema.safeParse(c).success) as fc.Arbitrary<Condition>;

const stubRule = (conditions: Condition[]) =>
  ({
    ref: 'X.1',
    id: 'x',
    params: {},
    facts: [],
    stages: conditions.map((condition, i) => ({
      key: `check.0.outcome.${i}`,
      condition,
      test: compileCondition(condition),
    })),
  }) as unknown as CompiledRule;

describe('compiled conditions = json-rules-engine, operator by operator', () => {
  it('random conditions over random facts: the same verdicts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(conditionArb, { minLength: 1, maxLength: 3 }),
        factsArb,
        async (cs, facts) => {
          const rule = stubRule(cs);
          expect(rule.stages.map((s) => s.test(facts))).toEqual(await reference.evaluate(rule, facts));
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
  });

  it.each([
    [
      'numeric operators want a number-like fact value',
      { fact: 'a', operator: 'greaterThan', value: 2 },
      { a: '3abc' },
    ],
    ['numeric operators reject null', { fact: 'a', operator: 'lessThan', value: 2 }, { a: null }],
    ['numeric operators on an array', { fact: 'a', operator: 'lessThan', value: 5 }, { a: [3] }],
    ['contains wants an array', { fact: 'a', operator: 'contains', value: 'b' }, { a: 'abc' }],
    [
      'a path into a primitive gives the primitive',
      { fact: 'a', path: '$.x', operator: 'equal', value: 4 },
      { a: 4 },
    ],
    [
      'a path into a string',
      { fact: 'a', path: '$.x.length', operator: 'equal', value: 3 },
      { a: { x: 'abc' } },
    ],
    [
      'a path through an empty string stops',
      { fact: 'a', path: '$.x.length', operator: 'equal', value: 0 },
      { a: { x: '' } },
    ],
    [
      'a missing path is undefined',
      { fact: 'a', path: '$.x.y', operator: 'notEqual', value: null },
      { a: {} },
    ],
    ['an undefined fact value', { fact: 'a', operator: 'equal', value: null }, { a: undefined }],
    [
      'a fact compared with a fact',
      { fact: 'a', operator: 'lessThan', value: { fact: 'b', path: '$.x' } },
      { a: 1, b: { x: 2 } },
    ],
  ])('%s', async (_, condition, facts) => {
    const rule = stubRule([ConditionSchema.parse(condition)]);
    expect(rule.stages.map((s) => s.test(facts))).toEqual(await reference.evaluate(rule, facts));
  });

  it('the rule schema refuses what json-rules-engine would throw on or read otherwise', () => {
    for (const c of [
      { fact: 'a', operator: 'in', value: 3 },
      { fact: 'a', operator: 'in', value: 'abc' },
      { fact: 'a', operator: 'greaterThan', value: 'x' },
      { fact: 'a', operator: 'someFact:equal', value: 1 },
      { fact: 'a', operator: 'equal', value: 1, priority: 2 },
      { fact: 'a', path: '$..x', operator: 'equal', value: 1 },
      { all: [] },
      { any: [] },
    ])
      expect(ConditionSchema.safeParse(c).success).toBe(false);
  });
});
