import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCompiledEvaluator } from '../../src/engine/compiled-evaluator.js';
import type { CompiledRule } from '../../src/engine/compiled-rule.js';
import type { ConditionEvaluator } from '../../src/engine/evaluator.js';
import {
  type CaseResult,
  createJsonRulesEngineEvaluator,
  evaluateCase,
  loadRuleset,
} from '../../src/index.js';
import { LeafConditionSchema } from '../../src/model/rule.js';
import { caseArb } from '../support/case-arbitrary.js';
import { deepFreeze, FIXTURES_DIR, readIndicatorFixtures } from '../support/fixtures.js';

/**
 * The compiled evaluator must decide exactly as json-rules-engine (the reference): same
 * statuses, evidence, measured values and explanations on every fixture, on the sample log, and
 * on generated case histories. Its fallback to the reference is switched off here (it throws),
 * so that every verdict compared is the compiled closures' own.
 */

const ruleset = deepFreeze(await loadRuleset());
const reference = createJsonRulesEngineEvaluator();
const noFallback: ConditionEvaluator = {
  name: 'no-fallback',
  evaluate: () => Promise.reject(new Error('the compiled evaluator fell back to the reference')),
};
const compiled = createCompiledEvaluator({ fallback: noFallback });

type Outcome = { result: CaseResult } | { error: string };

async function judge(input: unknown, evaluator: ConditionEvaluator, asOf: string, config?: unknown) {
  try {
    return { result: await evaluateCase(input, { ruleset, asOf, config: config as never, evaluator }) };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

async function both(input: unknown, asOf: string, config?: unknown): Promise<[Outcome, Outcome]> {
  return [await judge(input, reference, asOf, config), await judge(input, compiled, asOf, config)];
}

describe('compiled evaluator = json-rules-engine, whole case results', () => {
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

  it('generated case histories (fast-check)', async () => {
    let judged = 0;
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ input, asOf }) => {
        const [ref, fast] = await both(deepFreeze(input), asOf);
        expect(fast).toEqual(ref);
        if ('result' in ref) {
          judged++;
          for (const f of ref.result.findings) reached.add(`${f.ref}:${f.status}`);
        }
      }),
      { numRuns: 300, seed: 20_240_501 },
    );
    // Not vacuous: most generated cases are valid, and the rules reach many outcomes.
    expect(judged).toBeGreaterThan(250);
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
  { requiredKeys: ['a', 'b', 'n', 's'], noNullPrototype: true },
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
// Every operator the rule schema allows.
const OPS = LeafConditionSchema.shape.operator.options;
const leafArb = fc
  .record({
    fact: fc.constantFrom(...FACT_NAMES),
    path: pathArb,
    operator: fc.constantFrom(...OPS),
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
const conditionArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.record({ all: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ),
})).c;

const stubRule = (conditions: unknown[]) =>
  ({
    ref: 'X.1',
    id: 'x',
    params: {},
    facts: [],
    stages: conditions.map((condition, i) => ({ key: `check.0.outcome.${i}`, condition })),
  }) as unknown as CompiledRule;

async function verdicts(evaluator: ConditionEvaluator, rule: CompiledRule, facts: Record<string, unknown>) {
  try {
    return { verdicts: Object.fromEntries(await evaluator.evaluate(rule, facts)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('compiled evaluator = json-rules-engine, operator by operator', () => {
  it('random conditions over random facts: same verdicts, same errors', async () => {
    const withFallback = createCompiledEvaluator();
    const closuresOnly = createCompiledEvaluator({ fallback: noFallback });
    let decidedAlone = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(conditionArb, { minLength: 1, maxLength: 3 }),
        factsArb,
        async (cs, facts) => {
          const rule = stubRule(cs);
          const ref = await verdicts(reference, rule, facts);
          // With the fallback, everything matches, errors and their messages included.
          expect(await verdicts(withFallback, stubRule(cs), facts)).toEqual(ref);
          // The closures decide alone whenever the reference does not throw.
          const alone = await verdicts(closuresOnly, stubRule(cs), facts);
          if ('verdicts' in ref) {
            expect(alone).toEqual(ref);
            decidedAlone++;
          } else expect(alone).toEqual({ error: 'the compiled evaluator fell back to the reference' });
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
    expect(decidedAlone).toBeGreaterThan(1000);
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
    ['in with a string value matches substrings', { fact: 'a', operator: 'in', value: 'abc' }, { a: 'b' }],
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
    ['any over nothing is true', { any: [] }, {}],
    ['all over nothing is true', { all: [] }, {}],
    ['in with a number value throws', { fact: 'a', operator: 'in', value: 3 }, { a: 3 }],
    ['an undeclared fact throws', { fact: 'zz', operator: 'equal', value: 3 }, { a: 3 }],
    [
      'a throwing leaf under a false all',
      {
        all: [
          { fact: 'a', operator: 'equal', value: 9 },
          { fact: 'a', operator: 'in', value: null },
        ],
      },
      { a: 3 },
    ],
  ])('%s', async (_, condition, facts) => {
    const ref = await verdicts(reference, stubRule([condition]), facts);
    expect(await verdicts(createCompiledEvaluator(), stubRule([condition]), facts)).toEqual(ref);
  });

  it('hands anything outside its subset to the reference', async () => {
    const calls: string[] = [];
    const spy: ConditionEvaluator = {
      name: 'spy',
      evaluate: (rule, facts) => {
        calls.push(rule.ref);
        return reference.evaluate(rule, facts);
      },
    };
    const evaluator = createCompiledEvaluator({ fallback: spy });
    const unusual = [
      { fact: 'a', operator: 'someFact:equal', value: 1 },
      { fact: 'a', operator: 'equal', value: 1, priority: 2 },
      { fact: 'a', path: '$..x', operator: 'equal', value: 1 },
      { fact: 'a', operator: 'equal', value: { fact: 'a', params: { p: 1 } } },
    ];
    for (const c of unusual) {
      const ref = await verdicts(reference, stubRule([c]), { a: { x: 1 } });
      expect(await verdicts(evaluator, stubRule([c]), { a: { x: 1 } })).toEqual(ref);
    }
    expect(calls).toHaveLength(unusual.length);
  });
});
