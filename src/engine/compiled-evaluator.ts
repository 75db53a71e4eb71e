import type { CompiledRule } from './compiled-rule.js';
import type { ConditionEvaluator, StageVerdicts } from './evaluator.js';
import { createJsonRulesEngineEvaluator } from './json-rules-engine-evaluator.js';

/**
 * The compiled evaluator: each rule's stages are turned, once per compiled rule, into plain
 * closures with the semantics of json-rules-engine 7.3.1 (the reference,
 * {@link createJsonRulesEngineEvaluator}), without its promises, almanac, JSONPath calls or deep
 * copies (the closures never write).
 *
 * Semantics kept from json-rules-engine (`dist/engine-default-operators.js`, `condition.js`,
 * `rule.js`, `almanac.js`):
 * - `all`/`any` with one condition give that condition's result; with several, every/some
 *   result `=== true`; with none, `true` (both). `not` negates its condition.
 * - A leaf reads its fact (a fact present with the value `undefined` reads as `undefined`); a
 *   `path` is followed only when the fact's value is a non-null object (else the value itself is
 *   used), step by step through own properties of truthy values (`val && Object.hasOwn(val, key)`,
 *   as jsonpath-plus does), giving `undefined` where a step is missing.
 * - `value` is a literal, or `{ fact, path }` read the same way.
 * - Operators: `equal` `===`, `notEqual` `!==`, `in`/`notIn` `value.indexOf(fact)` (so a string
 *   value matches substrings, and a value without `indexOf` throws), `contains`/`doesNotContain`
 *   only for an array fact value (else false), and the numeric operators only for a fact value
 *   whose `parseFloat` is not NaN (else false), compared with `<`, `<=`, `>`, `>=`.
 * - Every leaf of every stage is evaluated (json-rules-engine does not short-circuit conditions of
 *   equal priority), so a rule errors exactly when some leaf would throw.
 *
 * Anything outside that subset (unknown operators or decorators, `priority`, `params`, condition
 * references, JSONPath filters), a fact the conditions read that is absent, and any exception
 * are handed to the reference evaluator, so that the verdict, or the error and its message, is
 * the reference's own.
 *
 * @example
 * const evaluator = createCompiledEvaluator();
 * const result = await evaluateCase(input, { ruleset, asOf, evaluator });
 */
export function createCompiledEvaluator(options: CompiledEvaluatorOptions = {}): ConditionEvaluator {
  const compiled = new WeakMap<CompiledRule, CompiledStages | null>();
  let fallback = options.fallback;
  const reference = () => {
    fallback ??= createJsonRulesEngineEvaluator();
    return fallback;
  };
  const stagesFor = (rule: CompiledRule): CompiledStages | null => {
    let c = compiled.get(rule);
    if (c === undefined) {
      c = compileStages(rule);
      compiled.set(rule, c);
    }
    return c;
  };
  return {
    name: 'compiled',
    evaluate(rule, facts): Promise<StageVerdicts> {
      const c = stagesFor(rule);
      const verdicts = c === null ? undefined : _run(c, facts);
      if (c === null || verdicts === undefined) return reference().evaluate(rule, facts);
      const byKey = new Map<string, boolean>();
      for (let i = 0; i < verdicts.length; i++) byKey.set(c.keys[i] as string, verdicts[i] as boolean);
      return Promise.resolve(byKey);
    },
    evaluateSync(rule, facts): readonly boolean[] | undefined {
      const c = stagesFor(rule);
      return c === null ? undefined : _run(c, facts);
    },
  };
}

/** Options of {@link createCompiledEvaluator}. */
export interface CompiledEvaluatorOptions {
  /** Decides what the compiled form does not cover, and errors; json-rules-engine by default. */
  fallback?: ConditionEvaluator | undefined;
}

type Facts = Readonly<Record<string, unknown>>;
type Test = (facts: Facts) => boolean;
type Read = (facts: Facts) => unknown;

/** A rule's stages as closures, and the facts they read. */
interface CompiledStages {
  readonly keys: readonly string[];
  readonly tests: readonly Test[];
  readonly reads: readonly string[];
}

const _isEnumerableOwn = (o: object, k: string) => Object.prototype.propertyIsEnumerable.call(o, k);

/**
 * The verdicts in stage order, or undefined when the reference must decide (a missing fact, an
 * exception).
 */
function _run(c: CompiledStages, facts: Facts): boolean[] | undefined {
  // json-rules-engine registers every enumerable own key of the facts (and rejects an empty id).
  if (_isEnumerableOwn(facts, '')) return undefined;
  for (const name of c.reads) if (!_isEnumerableOwn(facts, name)) return undefined;
  const verdicts = new Array<boolean>(c.tests.length);
  try {
    for (let i = 0; i < c.tests.length; i++) verdicts[i] = (c.tests[i] as Test)(facts);
  } catch {
    return undefined;
  }
  return verdicts;
}

/** Compiles every stage of a rule, or gives null when some condition is outside the subset. */
export function compileStages(rule: CompiledRule): CompiledStages | null {
  const reads = new Set<string>();
  const keys: string[] = [];
  const tests: Test[] = [];
  for (const stage of rule.stages) {
    const test = _compile(stage.condition, reads, 0);
    if (test === null) return null;
    keys.push(stage.key);
    tests.push(test);
  }
  return { keys, tests, reads: [...reads] };
}

const _hasOwn = (o: object, k: string) => Object.hasOwn(o, k);
const _keysAre = (o: object, allowed: readonly string[], required: readonly string[]) => {
  const keys = Object.keys(o);
  return (
    keys.every((k) => allowed.includes(k)) &&
    required.every((k) => _hasOwn(o, k)) &&
    Object.getOwnPropertySymbols(o).length === 0 &&
    Object.getOwnPropertyNames(o).length === keys.length
  );
};

const _isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function _compile(c: unknown, reads: Set<string>, depth: number): Test | null {
  if (!_isPlainObject(c) || depth > 64) return null;
  // json-rules-engine looks for `any`, then `all`, then `not`.
  if (_hasOwn(c, 'any') || _hasOwn(c, 'all')) {
    const op = _hasOwn(c, 'any') ? 'any' : 'all';
    if (!_keysAre(c, [op], [op])) return null;
    const list = c[op];
    if (!Array.isArray(list)) return null;
    const subs: Test[] = [];
    for (const sub of list) {
      const t = _compile(sub, reads, depth + 1);
      if (t === null) return null;
      subs.push(t);
    }
    return _combine(op, subs);
  }
  if (_hasOwn(c, 'not')) {
    if (!_keysAre(c, ['not'], ['not']) || Array.isArray(c.not)) return null;
    const t = _compile(c.not, reads, depth + 1);
    return t === null ? null : (f) => !t(f);
  }
  return _compileLeaf(c, reads);
}

/** `all`/`any` as json-rules-engine runs them: every condition evaluated, then combined. */
function _combine(op: 'all' | 'any', subs: readonly Test[]): Test {
  if (subs.length === 0) return () => true;
  if (subs.length === 1) return subs[0] as Test;
  if (subs.length === 2) {
    const [a, b] = subs as [Test, Test];
    return op === 'all'
      ? (f) => {
          const x = a(f);
          const y = b(f);
          return x === true && y === true;
        }
      : (f) => {
          const x = a(f);
          const y = b(f);
          return x === true || y === true;
        };
  }
  return op === 'all'
    ? (f) => {
        let ok = true;
        for (const s of subs) if (s(f) !== true) ok = false;
        return ok;
      }
    : (f) => {
        let ok = false;
        for (const s of subs) if (s(f) === true) ok = true;
        return ok;
      };
}

const PATH = /^\$((?:\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])*)$/;
const STEP = /\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]/g;

/** A plain JSONPath (`$.a.b`, `$.a[0]`) as its keys, or null for anything else. */
export function _pathKeys(path: string): string[] | null {
  const m = PATH.exec(path);
  if (!m) return null;
  return [...(m[1] as string).matchAll(STEP)].map((s) => (s[1] ?? s[2]) as string);
}

/** Reads a fact (and a path into it) as json-rules-engine's almanac and jsonpath-plus do. */
function _compileRead(fact: unknown, path: unknown, reads: Set<string>): Read | null {
  if (typeof fact !== 'string') return null;
  reads.add(fact);
  // `path` undefined, null or '' means none (`if (path)` in the almanac).
  if (path === undefined || path === null || path === '') return (f) => f[fact];
  if (typeof path !== 'string') return null;
  const keys = _pathKeys(path);
  if (keys === null) return null;
  const step = (v: unknown, k: string): { v: unknown } | undefined =>
    v && Object.hasOwn(v as object, k) ? { v: (v as Record<string, unknown>)[k] } : undefined;
  if (keys.length === 0) return (f) => f[fact];
  if (keys.length === 1) {
    const [k] = keys as [string];
    return (f) => {
      const v = f[fact];
      if (v === null || typeof v !== 'object') return v;
      return Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined;
    };
  }
  return (f) => {
    const root = f[fact];
    if (root === null || typeof root !== 'object') return root;
    let v: unknown = root;
    for (const k of keys) {
      const next = step(v, k);
      if (next === undefined) return undefined;
      v = next.v;
    }
    return v;
  };
}

function numberValidator(factValue: unknown): boolean {
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

type Operator = (a: unknown, b: unknown) => boolean;

/** json-rules-engine 7.3.1's default operators, each with its fact-value validator folded in. */
const OPERATORS: Readonly<Record<string, Operator>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => (b as unknown[]).indexOf(a) > -1,
  notIn: (a, b) => (b as unknown[]).indexOf(a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => numberValidator(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => numberValidator(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => numberValidator(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => numberValidator(a) && (a as number) >= (b as number),
};

function _compileLeaf(c: Record<string, unknown>, reads: Set<string>): Test | null {
  if (!_keysAre(c, ['fact', 'path', 'operator', 'value'], ['fact', 'operator', 'value'])) return null;
  const operator = c.operator;
  if (typeof operator !== 'string' || !Object.hasOwn(OPERATORS, operator)) return null;
  const op = OPERATORS[operator] as Operator;
  const left = _compileRead(c.fact, c.path, reads);
  if (left === null) return null;
  const value = c.value;
  // The almanac treats any object with an own `fact` as a reference to a fact.
  if (value !== null && typeof value === 'object' && _hasOwn(value, 'fact')) {
    if (!_keysAre(value, ['fact', 'path'], ['fact'])) return null;
    const v = value as { fact: unknown; path?: unknown };
    const right = _compileRead(v.fact, v.path, reads);
    if (right === null) return null;
    return (f) => op(left(f), right(f));
  }
  if (!_isLiteral(value)) return null;
  return _leafWithLiteral(operator, op, left, value);
}

/** A scalar, or an array of scalars (the rule schema's literals). */
function _isLiteral(v: unknown): boolean {
  const scalar = (x: unknown) =>
    x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
  return scalar(v) || (Array.isArray(v) && v.every(scalar));
}

/** Specialised closures for the common shapes (a literal on the right). */
function _leafWithLiteral(name: string, op: Operator, left: Read, b: unknown): Test {
  switch (name) {
    case 'equal':
      return (f) => left(f) === b;
    case 'notEqual':
      return (f) => left(f) !== b;
    case 'greaterThan':
      return (f) => {
        const a = left(f);
        return typeof a === 'number'
          ? a > (b as number)
          : numberValidator(a) && (a as number) > (b as number);
      };
    case 'greaterThanInclusive':
      return (f) => {
        const a = left(f);
        return typeof a === 'number'
          ? a >= (b as number)
          : numberValidator(a) && (a as number) >= (b as number);
      };
    case 'lessThan':
      return (f) => {
        const a = left(f);
        return typeof a === 'number'
          ? a < (b as number)
          : numberValidator(a) && (a as number) < (b as number);
      };
    case 'lessThanInclusive':
      return (f) => {
        const a = left(f);
        return typeof a === 'number'
          ? a <= (b as number)
          : numberValidator(a) && (a as number) <= (b as number);
      };
    default:
      return (f) => op(left(f), b);
  }
}
