import type { z } from 'zod';

/** What a compiled schema gives for a value zod would reject, or that it cannot vouch for. */
export const FAIL: unique symbol = Symbol('not certainly valid');

/** A compiled schema: zod's output for a value it accepts, or {@link FAIL}. */
export type FastParse = (value: unknown) => unknown;

const OBJECT_PROTO = Object.prototype;

/** A plain object as JSON.parse makes it (no `__proto__` key, whose copy zod might treat differently). */
const _plain = (v: unknown): v is Record<string, unknown> =>
  v !== null &&
  typeof v === 'object' &&
  Object.getPrototypeOf(v) === OBJECT_PROTO &&
  !Object.hasOwn(v as object, '__proto__');

type Def = {
  type: string;
  checks?: { _zod: { def: { check: string; minimum?: number; format?: string; pattern?: RegExp } } }[];
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  keyType?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
};

const _def = (s: z.core.$ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Compiles the subset of zod 4 that the event schemas use (loose objects, optional fields,
 * strings with `min` and `regex`, enums, literals, booleans, finite numbers, arrays with `min`,
 * unions, string-keyed records, unknown) into a plain function giving exactly zod's output for
 * every value it accepts: loose objects are new objects with the schema's keys first (those
 * present, in schema order, `undefined` included) and then the others in input order; arrays and
 * records are new; other values are passed through. It gives {@link FAIL} for anything zod would
 * reject, and for anything it cannot vouch for (a non-plain object, a `__proto__` key), so that
 * zod itself decides those, with its own messages. Returns null for a schema outside the subset.
 * With `copy: false` it only checks: a value it accepts is given back as it is, for callers that
 * read its fields and keep nothing of zod's output.
 *
 * @example
 * const parse = compileZodSubset(BaseEventSchema);
 * const out = parse(raw); // zod's output, or FAIL: then call BaseEventSchema.safeParse(raw)
 */
export function compileZodSubset(
  schema: z.core.$ZodType,
  options: { copy?: boolean } = {},
): FastParse | null {
  const copy = options.copy !== false;
  const sub = (s: z.core.$ZodType) => compileZodSubset(s, options);
  const def = _def(schema);
  const checks = def.checks ?? [];
  switch (def.type) {
    case 'unknown':
      return (v) => v;
    case 'boolean':
      return checks.length === 0 ? (v) => (typeof v === 'boolean' ? v : FAIL) : null;
    case 'number':
      return checks.length === 0 ? (v) => (typeof v === 'number' && Number.isFinite(v) ? v : FAIL) : null;
    case 'string': {
      let min = 0;
      const patterns: RegExp[] = [];
      for (const c of checks) {
        const cd = c._zod.def;
        if (cd.check === 'min_length' && typeof cd.minimum === 'number') min = Math.max(min, cd.minimum);
        else if (cd.check === 'string_format' && cd.format === 'regex' && cd.pattern instanceof RegExp) {
          if (cd.pattern.global || cd.pattern.sticky) return null;
          patterns.push(cd.pattern);
        } else return null;
      }
      return (v) => {
        if (typeof v !== 'string' || v.length < min) return FAIL;
        for (const p of patterns) if (!p.test(v)) return FAIL;
        return v;
      };
    }
    case 'enum': {
      if (checks.length > 0 || !def.entries) return null;
      const values = new Set(Object.values(def.entries));
      return (v) => ((typeof v === 'string' || typeof v === 'number') && values.has(v) ? v : FAIL);
    }
    case 'literal': {
      if (checks.length > 0 || !def.values) return null;
      const values = new Set(def.values);
      return (v) => (values.has(v) ? v : FAIL);
    }
    case 'optional': {
      const inner = def.innerType ? sub(def.innerType) : null;
      return inner && checks.length === 0 ? (v) => (v === undefined ? undefined : inner(v)) : null;
    }
    case 'array': {
      const element = def.element ? sub(def.element) : null;
      if (!element) return null;
      let min = 0;
      for (const c of checks) {
        const cd = c._zod.def;
        if (cd.check === 'min_length' && typeof cd.minimum === 'number') min = Math.max(min, cd.minimum);
        else return null;
      }
      return (v) => {
        if (!Array.isArray(v) || Object.getPrototypeOf(v) !== Array.prototype || v.length < min) return FAIL;
        const out = copy ? new Array(v.length) : v;
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) return FAIL;
          const x = element(v[i]);
          if (x === FAIL) return FAIL;
          if (copy) out[i] = x;
        }
        return out;
      };
    }
    case 'union': {
      if (checks.length > 0 || !def.options) return null;
      const compiled = def.options.map(sub);
      if (compiled.some((o) => o === null)) return null;
      const opts = compiled as FastParse[];
      return (v) => {
        for (const o of opts) {
          const x = o(v);
          if (x !== FAIL) return x;
        }
        return FAIL;
      };
    }
    case 'record': {
      if (checks.length > 0 || !def.keyType || !def.valueType) return null;
      if (_def(def.keyType).type !== 'string' || (_def(def.keyType).checks ?? []).length > 0) return null;
      const value = sub(def.valueType);
      if (!value) return null;
      return (v) => {
        if (!_plain(v)) return FAIL;
        const out: Record<string, unknown> = copy ? {} : v;
        // for...in gives Object.keys' order without making the list (own keys only).
        for (const k in v) {
          if (!Object.hasOwn(v, k)) continue;
          const x = value(v[k]);
          if (x === FAIL) return FAIL;
          if (copy) out[k] = x;
        }
        return out;
      };
    }
    case 'object': {
      if (checks.length > 0 || !def.shape) return null;
      // Loose objects only: a catchall of unknown passes other keys through.
      if (!def.catchall || _def(def.catchall).type !== 'unknown') return null;
      const keys = Object.keys(def.shape);
      const fields: FastParse[] = [];
      const optional: boolean[] = [];
      for (const k of keys) {
        const s = def.shape[k] as z.core.$ZodType;
        const f = sub(s);
        if (!f) return null;
        fields.push(f);
        optional.push(_def(s).type === 'optional');
      }
      const known = new Set(keys);
      return (v) => {
        if (!_plain(v)) return FAIL;
        const out: Record<string, unknown> = copy ? {} : v;
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i] as string;
          if (!Object.hasOwn(v, k)) {
            if (optional[i]) continue;
            return FAIL;
          }
          const x = (fields[i] as FastParse)(v[k]);
          if (x === FAIL) return FAIL;
          if (copy) out[k] = x;
        }
        if (copy) for (const k in v) if (Object.hasOwn(v, k) && !known.has(k)) out[k] = v[k];
        return out;
      };
    }
    default:
      return null;
  }
}
