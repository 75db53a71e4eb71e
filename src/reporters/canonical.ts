/**
 * Deterministic key order for the machine-readable reports: object keys follow the zod schema
 * (so a report reads meta, summary, cases, as `interface.md` shows it), and the keys of records
 * and free-form values (`measured`, `dependencies`, `unmappedActivities`) are sorted. Two runs on
 * the same inputs then print the same bytes, whatever order the engine or a worker built them in.
 *
 * Each schema is compiled once into a plan (its object keys in order, its children's plans), which
 * the caller passes with each value (the report schemas' plans are built as this module loads),
 * and a value already in that order is returned as it is: only the objects and arrays whose printed
 * form would change are copied. The engine builds its results in schema order with sorted
 * `measured` keys, so a judged case is usually walked once and not copied at all.
 */
import { z } from 'zod';
import { CaseResultSchema } from '../model/finding.js';
import { ReportMetaSchema, ReportSchema } from '../model/report.js';
import { SummarySchema } from '../model/summary.js';
import { compare } from './common.js';

/**
 * What {@link canonicalize} does with a value under one schema node (optional and nullable
 * wrappers removed): `shape` for an object schema, else the keys are sorted; `items` for
 * the elements of an array value, `values` for the values of a non-object-schema object.
 */
interface _Plan {
  /** The object schema's shape (the lookup `key in shape` decides which keys are the schema's). */
  shape: Record<string, z.core.$ZodType> | undefined;
  /** The shape's keys, in order. */
  keys: string[];
  /** The plan of each shape key's value, as `keys`. */
  children: _Plan[];
  /** A shape key is also a name `{}` has (`toJSON`, `constructor`...): always copy, as before. */
  odd: boolean;
  /** The plan of an array value's elements. */
  items: _Plan;
  /** The plan of a (non-object-schema) object value's values. */
  values: _Plan;
}

const _plain = (): _Plan => ({
  shape: undefined,
  keys: [],
  children: [],
  odd: false,
  items: undefined as unknown as _Plan,
  values: undefined as unknown as _Plan,
});

/** The plan without a schema: every object's keys sorted, all the way down. */
const _FREE: _Plan = _plain();
_FREE.items = _FREE;
_FREE.values = _FREE;

/** How {@link canonicalize} orders values of one schema: see {@link canonicalPlan}. */
export type CanonicalPlan = Readonly<_Plan>;

/**
 * The plan of a schema: each object schema's keys in order and its children's plans, compiled
 * once; pass it to {@link canonicalize} with each value. A schema met again inside itself (a
 * recursive one) shares its plan.
 *
 * @example
 * const plan = canonicalPlan(CaseResultSchema);
 * JSON.stringify(canonicalize(result, plan));
 */
export function canonicalPlan(schema: z.core.$ZodType | undefined): CanonicalPlan {
  const seen = new Map<object, _Plan>();
  const planOf = (schema: z.core.$ZodType | undefined): _Plan => {
    let s = schema;
    while (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    if (s === undefined) return _FREE;
    const known = seen.get(s);
    if (known !== undefined) return known;
    const plan = _plain();
    plan.items = _FREE;
    plan.values = _FREE;
    seen.set(s, plan);
    if (s instanceof z.ZodArray) plan.items = planOf(s.element);
    if (s instanceof z.ZodObject) {
      const shape: Record<string, z.core.$ZodType> = s.shape;
      plan.shape = shape;
      plan.keys = Object.keys(shape);
      plan.odd = plan.keys.some((key) => key === 'toJSON' || key in Object.prototype);
      plan.children = plan.keys.map((key) => planOf(shape[key]));
    } else if (s instanceof z.ZodRecord) {
      plan.values = planOf(s.valueType);
    }
    return plan;
  };
  return planOf(schema);
}

/** Whether `JSON.stringify` prints an object as its own keys with nothing inherited to add. */
const _ordinary = (o: object): boolean => {
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
};

/** `value` in canonical order: itself when already so, else a copy of what must change. */
function _canon(value: unknown, plan: _Plan): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return _canonArray(value, plan.items);
  return plan.shape !== undefined
    ? _canonObject(value as Record<string, unknown>, plan)
    : _canonRecord(value as Record<string, unknown>, plan.values);
}

function _canonArray(value: unknown[], plan: _Plan): unknown[] {
  if (Object.getPrototypeOf(value) !== Array.prototype || Object.hasOwn(value, 'toJSON'))
    return value.map((v) => _canon(v, plan));
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const v = value[i];
    if (typeof v !== 'object' || v === null) continue;
    const c = _canon(v, plan);
    if (c === v) continue;
    // From here on a copy; a hole becomes undefined, which prints the same (`null`).
    const out = new Array<unknown>(n);
    for (let j = 0; j < i; j++) out[j] = value[j];
    out[i] = c;
    for (let j = i + 1; j < n; j++) out[j] = _canon(value[j], plan);
    return out;
  }
  return value;
}

/**
 * An object under an object schema: the schema's keys first, in its order, then the others
 * sorted; undefined values and keys that `{}` already has (`__proto__`, `constructor`...) out.
 */
function _canonObject(value: Record<string, unknown>, plan: _Plan): Record<string, unknown> {
  if (plan.odd || !_ordinary(value)) return _copyObject(value, plan, 0);
  const { keys, children } = plan;
  const shape = plan.shape as Record<string, z.core.$ZodType>;
  const n = keys.length;
  let next = 0;
  let extra: string | undefined;
  let p = -1;
  for (const key in value) {
    p++;
    const v = value[key];
    if (v === undefined) continue;
    let child = _FREE;
    // The schema's keys come first, in order: look for this one among those not seen yet.
    let i = extra === undefined ? next : n;
    while (i < n && keys[i] !== key) i++;
    if (i < n) {
      next = i + 1;
      child = children[i] as _Plan;
    } else {
      // Not a schema key still to come: an extra key, sorted after every schema key.
      if (key in shape || key === 'toJSON' || (extra !== undefined && !(extra < key)))
        return _copyObject(value, plan, p);
      extra = key;
    }
    if (typeof v !== 'object' || v === null) continue;
    const c = _canon(v, child);
    if (c !== v) return _copyObject(value, plan, p, key, c);
  }
  return value;
}

/**
 * The copy of {@link _canonObject}, exactly as the first implementation built it. The values of
 * `value`'s first `done` keys are known to be canonical already, and `key`'s is `canon`.
 */
function _copyObject(
  value: Record<string, unknown>,
  plan: _Plan,
  done: number,
  key?: string,
  canon?: unknown,
): Record<string, unknown> {
  const all = Object.keys(value);
  const known = new Set(all.slice(0, done));
  const canonOf = (k: string, v: unknown, p: _Plan) => (k === key ? canon : known.has(k) ? v : _canon(v, p));
  const shape = plan.shape as Record<string, z.core.$ZodType>;
  const out: Record<string, unknown> = {};
  plan.keys.forEach((k, i) => {
    const v = value[k];
    if (v !== undefined) out[k] = canonOf(k, v, plan.children[i] as _Plan);
  });
  for (const k of all.sort(compare)) {
    const v = value[k];
    if (!(k in shape) && v !== undefined) out[k] = canonOf(k, v, _FREE);
  }
  return out;
}

/** An object without an object schema: its keys sorted, undefined values and `__proto__` out. */
function _canonRecord(value: Record<string, unknown>, plan: _Plan): Record<string, unknown> {
  if (_ordinary(value)) {
    let prev: string | undefined;
    let p = -1;
    for (const key in value) {
      p++;
      const v = value[key];
      if (v === undefined) continue;
      if (key === '__proto__' || key === 'toJSON' || (prev !== undefined && !(prev < key)))
        return _copyRecord(value, plan, p);
      prev = key;
      if (typeof v !== 'object' || v === null) continue;
      const c = _canon(v, plan);
      if (c !== v) return _copyRecord(value, plan, p, key, c);
    }
    return value;
  }
  return _copyRecord(value, plan, 0);
}

/** The copy of {@link _canonRecord}; `done`, `key` and `canon` as for {@link _copyObject}. */
function _copyRecord(
  value: Record<string, unknown>,
  plan: _Plan,
  done: number,
  key?: string,
  canon?: unknown,
): Record<string, unknown> {
  const keys = Object.keys(value);
  const known = done > 0 ? new Set(keys.slice(0, done)) : undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys.sort(compare)) {
    const v = value[k];
    if (v !== undefined) out[k] = k === key ? canon : known?.has(k) ? v : _canon(v, plan);
  }
  return out;
}

/**
 * `value` with its keys in schema order (and sorted where the schema does not fix one), as
 * `JSON.stringify` will print it. Parts already in that order are returned as they are (the
 * result may be `value` itself, or share parts with it): treat it as read-only.
 */
export function canonicalize(value: unknown, plan: CanonicalPlan): unknown {
  return _canon(value, plan as _Plan);
}

/** The plans of the report's schemas, built once as the module loads and never changed. */
const _REPORT_PLAN = canonicalPlan(ReportSchema);
const _CASE_PLAN = canonicalPlan(CaseResultSchema);
const _META_PLAN = canonicalPlan(ReportMetaSchema);
const _SUMMARY_PLAN = canonicalPlan(SummarySchema);

/** {@link canonicalize} for a whole report. */
export const canonicalReport = (value: unknown): unknown => canonicalize(value, _REPORT_PLAN);
/** {@link canonicalize} for one case's result. */
export const canonicalCase = (value: unknown): Record<string, unknown> =>
  canonicalize(value, _CASE_PLAN) as Record<string, unknown>;
/** {@link canonicalize} for a report's meta. */
export const canonicalMeta = (value: unknown): unknown => canonicalize(value, _META_PLAN);
/** {@link canonicalize} for a summary. */
export const canonicalSummary = (value: unknown): unknown => canonicalize(value, _SUMMARY_PLAN);
