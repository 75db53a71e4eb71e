import type { ParameterValue } from '../model/config.js';
import type { Filter, Matcher } from '../model/rule.js';
import type { CaseEvent } from './case-event.js';

/**
 * A compiled filter: is this event one the fact looks at? `ref` is the event a value may refer
 * to. `types`, when present, holds every event type the filter can match (events of other types
 * never do), so that a fact need only look at those events.
 */
export type EventPredicate = ((event: CaseEvent, ref?: CaseEvent) => boolean) & {
  readonly types?: readonly string[] | undefined;
};

type Test = (event: CaseEvent, ref?: CaseEvent) => boolean;

/** Every part must hold; parts are tried in order (the cheap type test first). */
function _all(parts: readonly Test[]): Test {
  if (parts.length === 1) return parts[0] as Test;
  if (parts.length === 2) {
    const [a, b] = parts as [Test, Test];
    return (e, ref) => a(e, ref) && b(e, ref);
  }
  return (e, ref) => {
    for (const p of parts) if (!p(e, ref)) return false;
    return true;
  };
}

/** Both lists' common members; `undefined` stands for every type. */
function _intersect(a: readonly string[] | undefined, b: readonly string[] | undefined) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a.filter((t) => b.includes(t));
}

function _withTypes(test: Test, types: readonly string[] | undefined): EventPredicate {
  return Object.assign(test, { types });
}

/** What a filter may name besides its own fields. */
export interface FilterScope {
  /** Named filters from the ruleset manifest (`use`). */
  named: Readonly<Record<string, Filter>>;
  /** The rule's resolved parameters (`{ param }` matchers). */
  params: Readonly<Record<string, ParameterValue>>;
}

type Getter = (e: CaseEvent) => unknown;

/** Compiles a dotted path (`data.to`, `actor.role`) into a getter; own properties only. */
export function compilePath(path: string): Getter {
  const parts = path.split('.');
  return (e) => {
    let v: unknown = e;
    for (const p of parts) {
      if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
      v = (v as Record<string, unknown>)[p];
    }
    return v;
  };
}

const REF = /^\{ref\.([A-Za-z0-9_.]+)\}$/;

function _compileMatcher(m: Matcher, scope: FilterScope): (v: unknown, ref?: CaseEvent) => boolean {
  if (m === null || typeof m !== 'object') {
    const refPath = typeof m === 'string' ? REF.exec(m)?.[1] : undefined;
    if (refPath) {
      const get = compilePath(refPath);
      return (v, ref) => ref !== undefined && v !== undefined && v === get(ref);
    }
    return (v) => v === m;
  }
  if ('in' in m) return (v) => m.in.includes(v as never);
  if ('notIn' in m) return (v) => !m.notIn.includes(v as never);
  if ('not' in m) return (v) => v !== m.not;
  // A blank string gives nothing: a contact name of spaces names no one.
  if ('exists' in m) return (v) => _hasValue(v) === m.exists;
  if ('includes' in m) return (v) => Array.isArray(v) && v.includes(m.includes);
  if ('includesAny' in m) return (v) => Array.isArray(v) && _includesAny(v, m.includesAny);
  if ('includesAll' in m) return (v) => Array.isArray(v) && _includesAll(v, m.includesAll);
  if ('startsWith' in m) return (v) => typeof v === 'string' && v.startsWith(m.startsWith);
  const list = Object.hasOwn(scope.params, m.param) ? scope.params[m.param] : undefined;
  if (!Array.isArray(list)) throw new Error(`parameter "${m.param}" must be a list to be used in a filter`);
  return (v) => list.includes(v as string);
}

function _hasValue(v: unknown): boolean {
  return v !== undefined && v !== null && (typeof v !== 'string' || v.trim() !== '');
}

// Loops, not `some`/`every`: a callback closing over the value would be made for every event tested.
function _includesAny(v: readonly unknown[], wanted: readonly unknown[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (v.includes(wanted[i])) return true;
  return false;
}

function _includesAll(v: readonly unknown[], wanted: readonly unknown[]): boolean {
  for (let i = 0; i < wanted.length; i++) if (!v.includes(wanted[i])) return false;
  return true;
}

type Leaf = Omit<Filter, 'anyOf' | 'not'>;

/** `using`: the named filters being compiled, outermost first (to find one that uses itself). */
function _compileLeaf(leaf: Leaf, scope: FilterScope, using: readonly string[]): EventPredicate {
  const parts: Test[] = [];
  let types: readonly string[] | undefined;
  if (leaf.type !== undefined) {
    const list = typeof leaf.type === 'string' ? [leaf.type] : [...new Set(leaf.type)];
    const only = list[0];
    const set = new Set(list);
    types = list;
    parts.push(list.length === 1 ? (e) => e.type === only : (e) => set.has(e.type));
  }
  if (leaf.use !== undefined) {
    const named = Object.hasOwn(scope.named, leaf.use) ? scope.named[leaf.use] : undefined;
    if (!named) throw new Error(`unknown named filter "${leaf.use}"`);
    if (using.includes(leaf.use)) {
      const loop = [...using.slice(using.indexOf(leaf.use)), leaf.use].join(' -> ');
      throw new Error(`named filter "${leaf.use}" refers to itself (${loop})`);
    }
    const inner = _compile(named, scope, [...using, leaf.use]);
    types = _intersect(types, inner.types);
    parts.push(inner);
  }
  for (const [path, matcher] of Object.entries(leaf.where ?? {})) {
    const get = compilePath(path);
    const test = _compileMatcher(matcher, scope);
    parts.push((e, ref) => test(get(e), ref));
  }
  return _withTypes(_all(parts), types);
}

function _compile(filter: Filter, scope: FilterScope, using: readonly string[]): EventPredicate {
  const own = _compileLeaf(filter, scope, using);
  const alternatives = filter.anyOf?.map((f) => _compileLeaf(f, scope, using));
  const excluded = filter.not ? _compileLeaf(filter.not, scope, using) : undefined;
  const parts: Test[] = [own];
  let types = own.types;
  if (alternatives !== undefined) {
    // A loop, not `some`: a callback closing over the event would be made for every event tested.
    parts.push((e, ref) => {
      for (let i = 0; i < alternatives.length; i++) if ((alternatives[i] as Test)(e, ref)) return true;
      return false;
    });
    // One of the alternatives must hold: the filter matches no type that none of them can.
    if (alternatives.every((a) => a.types !== undefined)) {
      types = _intersect(types, [...new Set(alternatives.flatMap((a) => a.types ?? []))]);
    }
  }
  if (excluded !== undefined) parts.push((e, ref) => !excluded(e, ref));
  return _withTypes(_all(parts), types);
}

/**
 * Compiles a rule's event filter into a predicate. All parts must hold: the named filter it
 * `use`s, its `type`, each `where` matcher, one of `anyOf`, and not `not`. A string value
 * `{ref.data.need}` compares with the same field of a reference event (a trigger).
 *
 * @example
 * const isReply = compileFilter({ use: 'complainantFacing', where: { 'data.covers': { includes: 'progress' } } }, scope);
 */
export function compileFilter(filter: Filter, scope: FilterScope): EventPredicate {
  return _compile(filter, scope, []);
}
