import type { Condition, LeafCondition } from '../model/rule.js';

/** The values a rule's conditions read: its facts, and `case`, `params` and `asOf`. */
export type FactValues = Readonly<Record<string, unknown>>;

/** A compiled condition: does it hold for these facts? */
export type ConditionTest = (facts: FactValues) => boolean;

/**
 * Compiles a condition (as `RuleFileSchema` admits it) into a plain function with the semantics
 * of json-rules-engine 7, the reference (`createJsonRulesEngineEvaluator`), proven identical on
 * every fixture and on generated histories and conditions (`test/engine/evaluator-equivalence.test.ts`):
 * - `all` holds when every condition does, `any` when one does, `not` negates.
 * - A leaf reads its fact; a `path` (`$.a.b`, `$.a[0]`) is followed only when the fact's value is
 *   an object (else the value itself is used), step by step through own properties of truthy
 *   values, giving `undefined` where a step is missing (as jsonpath-plus does).
 * - `equal`/`notEqual` compare with `===`; the order operators hold only for a fact value whose
 *   `parseFloat` is a number; `in`/`notIn` look the fact value up in the list; `contains` and
 *   `doesNotContain` hold only for a list fact value.
 *
 * @example
 * const test = compileCondition({ fact: 'reply', path: '$.late', operator: 'greaterThan', value: 0 });
 * test({ reply: { late: 1 } }); // true
 */
export function compileCondition(c: Condition): ConditionTest {
  if ('all' in c) return _every(c.all.map(compileCondition));
  if ('any' in c) return _some(c.any.map(compileCondition));
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return (f) => !inner(f);
  }
  return _leaf(c);
}

/** Every fact a condition reads, including facts used as comparison values. */
export function conditionFacts(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionFacts);
  if ('any' in c) return c.any.flatMap(conditionFacts);
  if ('not' in c) return conditionFacts(c.not);
  const v = c.value;
  const valueFact = v !== null && typeof v === 'object' && !Array.isArray(v) ? [v.fact] : [];
  return [c.fact, ...valueFact];
}

function _every(tests: readonly ConditionTest[]): ConditionTest {
  if (tests.length === 1) return tests[0] as ConditionTest;
  return (f) => {
    for (const t of tests) if (!t(f)) return false;
    return true;
  };
}

function _some(tests: readonly ConditionTest[]): ConditionTest {
  if (tests.length === 1) return tests[0] as ConditionTest;
  return (f) => {
    for (const t of tests) if (t(f)) return true;
    return false;
  };
}

type Read = (facts: FactValues) => unknown;

const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]/g;

/** Reads a fact, and a path into it, as json-rules-engine's almanac and jsonpath-plus do. */
function _read(fact: string, path: string | undefined): Read {
  const keys = path ? [...path.matchAll(STEP)].map((s) => (s[1] ?? s[2]) as string) : [];
  if (keys.length === 0) return (f) => f[fact];
  return (f) => {
    const root = f[fact];
    if (root === null || typeof root !== 'object') return root;
    let v: unknown = root;
    for (const k of keys) {
      if (!v || !Object.hasOwn(v as object, k)) return undefined;
      v = (v as Record<string, unknown>)[k];
    }
    return v;
  };
}

/** json-rules-engine's check that a fact value is number-like, before comparing order. */
const _numeric = (a: unknown) => typeof a === 'number' || Number.parseFloat(a as string).toString() !== 'NaN';

const OPERATORS: Readonly<Record<LeafCondition['operator'], (a: unknown, b: unknown) => boolean>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  lessThan: (a, b) => _numeric(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => _numeric(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => _numeric(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => _numeric(a) && (a as number) >= (b as number),
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
};

function _leaf(c: LeafCondition): ConditionTest {
  const left = _read(c.fact, c.path);
  const op = OPERATORS[c.operator];
  const v = c.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const right = _read(v.fact, v.path);
    return (f) => op(left(f), right(f));
  }
  return (f) => op(left(f), v);
}
