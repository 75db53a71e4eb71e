import { closest, distance } from 'fastest-levenshtein';
import type { z } from 'zod';
import { fromZodIssues, type InputIssue } from './issues.js';
import { CANONICAL_EVENT_TYPES } from './vocabulary.js';

/**
 * Schema problems of a file a person wrote (a mapping, a config, a rule), each naming the field
 * and, for a near miss, the spelling that was meant: `equal` is "did you mean `equals`?". A
 * value that fits none of a union's shapes is explained by the shape it comes closest to, not by
 * zod's "Invalid input".
 */

type _Issue = z.core.$ZodIssue;
type _Path = (string | number)[];
type _Def = { type: string; [k: string]: unknown };

const _def = (schema: unknown): _Def | undefined =>
  (schema as { _zod?: { def?: _Def } } | undefined)?._zod?.def;

/** The schema itself, with optional, default, nullable, pipe and lazy wrappers taken off. */
function _unwrap(schema: unknown): unknown {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    const def = _def(s);
    if (def === undefined) return s;
    if (
      def.type === 'optional' ||
      def.type === 'default' ||
      def.type === 'nullable' ||
      def.type === 'readonly'
    )
      s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'lazy') s = (def.getter as () => unknown)();
    else return s;
  }
  return s;
}

/** Every schema a value at `path` inside `schema` may have to fit (all options of unions). */
function _at(schema: unknown, path: readonly PropertyKey[]): unknown[] {
  let current = [schema];
  for (const key of path) {
    const next: unknown[] = [];
    const visit = (s: unknown) => {
      const u = _unwrap(s);
      const def = _def(u);
      if (def === undefined) return;
      if (def.type === 'union') for (const o of def.options as unknown[]) visit(o);
      else if (def.type === 'object') {
        const shape = def.shape as Record<string, unknown>;
        if (typeof key === 'string' && Object.hasOwn(shape, key)) next.push(shape[key]);
      } else if (def.type === 'array' && typeof key === 'number') next.push(def.element);
      else if (def.type === 'record') next.push(def.valueType);
    };
    for (const s of current) visit(s);
    current = next;
  }
  return current;
}

/** The field names an object at `path` may have. */
function _keysAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  const visit = (s: unknown) => {
    const def = _def(_unwrap(s));
    if (def?.type === 'union') for (const o of def.options as unknown[]) visit(o);
    else if (def?.type === 'object') for (const k of Object.keys(def.shape as object)) keys.add(k);
  };
  for (const s of _at(schema, path)) visit(s);
  return [...keys].filter((k) => k !== '$schema');
}

/**
 * The closest of `candidates` to `word` when it is near enough to be a slip (a third of its
 * letters at most, and at least one).
 * @example nearMiss('equal', ['column', 'equals', 'in']); // 'equals'
 */
export function nearMiss(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, [...candidates]);
  const d = distance(word.toLowerCase(), best.toLowerCase());
  return d <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

const _field = (path: readonly PropertyKey[]) =>
  path.length > 0 ? `\`${path.map(String).join('.')}\`` : 'the file';

/** Flattens unions: the branch with the fewest problems stands for the union. */
function _flatten(issues: readonly _Issue[], base: readonly PropertyKey[] = []): _Issue[] {
  const out: _Issue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
      out.push({ ...issue, path } as _Issue);
      continue;
    }
    const branches = issue.errors.map((b) => _flatten(b, path));
    // When every branch finds unknown fields, they are the mistake; the fields each branch then
    // misses follow from them.
    const unknown = branches.map((b) => b.filter((i) => i.code === 'unrecognized_keys'));
    if (unknown.every((u) => u.length > 0)) {
      out.push(...(unknown[0] ?? []));
      continue;
    }
    // A branch whose only problem is the value's own type (a string where an object was given) is
    // the worst fit: the value did not even have that shape.
    const score = (b: _Issue[]) =>
      b.length * 2 + (b.some((i) => i.code === 'invalid_type' && i.path.length === path.length) ? 1 : 0);
    let best = branches[0] ?? [];
    for (const b of branches) if (score(b) < score(best)) best = b;
    out.push(...best);
  }
  return out;
}

function _message(schema: unknown, issue: _Issue): string | undefined {
  const field = _field(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const allowed = _keysAt(schema, issue.path);
    const parts = issue.keys.map((k) => {
      const meant = nearMiss(k, allowed);
      return meant === undefined ? `\`${k}\`` : `\`${k}\` (did you mean \`${meant}\`?)`;
    });
    const known = allowed.length > 0 ? `; allowed: ${allowed.join(', ')}` : '';
    return `${field} has unknown field(s) ${parts.join(', ')}${known}`;
  }
  if (issue.code === 'invalid_value' && typeof issue.input === 'string') {
    const meant = nearMiss(
      issue.input,
      issue.values.filter((v): v is string => typeof v === 'string'),
    );
    if (meant !== undefined) return `${field} is "${issue.input}": did you mean "${meant}"?`;
  }
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'invalid_format' && last === 'type' && typeof issue.input === 'string') {
    const meant = nearMiss(issue.input, CANONICAL_EVENT_TYPES);
    if (meant !== undefined)
      return `${field} is "${issue.input}", not an event type: did you mean "${meant}"? (a custom type starts with "x-")`;
  }
  return undefined;
}

/**
 * The problems zod found in a value of `schema`, as {@link InputIssue}s that name the field and
 * suggest the spelling meant for a near miss.
 * @example
 * const r = MappingSchema.safeParse(value);
 * if (!r.success) schemaIssues(MappingSchema, r.error.issues);
 * // [{ path: ['filters', 0], message: '`filters.0` has unknown field(s) `equal` (did you mean `equals`?); allowed: column, equals, not, in, pattern', ... }]
 */
export function schemaIssues(schema: z.ZodType, issues: readonly _Issue[], prefix: _Path = []): InputIssue[] {
  return _flatten(issues).map((issue) => {
    const [plain] = fromZodIssues([issue], prefix);
    const message = _message(schema, issue);
    return message === undefined ? (plain as InputIssue) : { ...(plain as InputIssue), message };
  });
}
