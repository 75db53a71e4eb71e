/**
 * A deep copy with exactly the result of `JSON.parse(JSON.stringify(value))`, without printing
 * and parsing text: properties whose value is `undefined`, a function or a symbol are left out
 * (in arrays they become `null`), non-finite numbers become `null` and `-0` becomes `0`, shared
 * and repeated references become separate copies, and `__proto__` stays an own key.
 *
 * Plain objects and arrays are copied here; anything else (a `toJSON` method, a Date, a class
 * instance, a BigInt, a cycle, deep nesting) is left to the JSON round trip itself, so that the
 * result (or the error) is always the round trip's.
 *
 * With `sortKeys`, every object's keys come out in code-unit order (the order the reports print
 * them in, so that they need no second pass); `omit` names keys of the top-level object to leave
 * out.
 *
 * @example
 * jsonCopy({ a: 1, b: undefined, c: [undefined, Number.NaN], d: -0 }); // { a: 1, c: [null, null], d: 0 }
 * jsonCopy({ b: 1, a: { d: 1, c: 2 } }, { sortKeys: true }); // { a: { c: 2, d: 1 }, b: 1 }
 */
export function jsonCopy<T>(value: T, options: _JsonCopyOptions = {}): T {
  const sort = options.sortKeys === true;
  const omit = options.omit;
  if (value === null || typeof value !== 'object') return JSON.parse(JSON.stringify(value)) as T;
  try {
    return _copy(value, 0, sort, omit) as T;
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    const round = JSON.parse(JSON.stringify(value)) as T;
    return sort || omit ? (_copy(round, 0, sort, omit) as T) : round;
  }
}

/** Options of {@link jsonCopy}. */
export interface _JsonCopyOptions {
  /** Object keys in code-unit order, at every depth. */
  sortKeys?: boolean | undefined;
  /** Keys of the top-level object to leave out. */
  omit?: ReadonlySet<string> | undefined;
}

const NOT_PLAIN = Symbol('not plain JSON data');
const MAX_DEPTH = 512;
const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;

/** A value inside an object or array: the copy, or `undefined` when JSON would leave it out. */
function _copy(v: unknown, depth: number, sort: boolean, omit?: ReadonlySet<string>): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
    case 'object': {
      if (v === null) return null;
      if (depth > MAX_DEPTH) throw NOT_PLAIN;
      const proto = Object.getPrototypeOf(v);
      if (proto === ARRAY_PROTO) {
        const a = v as unknown[];
        if (typeof (a as { toJSON?: unknown }).toJSON === 'function') throw NOT_PLAIN;
        const n = a.length;
        const out = new Array(n);
        for (let i = 0; i < n; i++) {
          const c = _copy(a[i], depth + 1, sort);
          out[i] = c === undefined ? null : c;
        }
        return out;
      }
      if (proto !== OBJECT_PROTO && proto !== null) throw NOT_PLAIN;
      const o = v as Record<string, unknown>;
      if (typeof o.toJSON === 'function') throw NOT_PLAIN;
      const out: Record<string, unknown> = {};
      // Objects are nearly always built in key order already: walking the keys in place then
      // costs no key list (`for...in` gives Object.keys' order; own keys only).
      if (!sort || _ownKeysSorted(o)) {
        for (const k in o) {
          if (Object.hasOwn(o, k)) _copyEntry(o, k, out, depth, sort, omit);
        }
        return out;
      }
      const keys = Object.keys(o).sort(_byCodeUnits);
      for (const k of keys) _copyEntry(o, k, out, depth, sort, omit);
      return out;
    }
    case 'bigint':
      throw NOT_PLAIN;
    default:
      // undefined, functions and symbols: left out of objects, null in arrays.
      return undefined;
  }
}

const _byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Copies one property unless JSON would leave it out; `__proto__` stays an own key. */
function _copyEntry(
  o: Record<string, unknown>,
  k: string,
  out: Record<string, unknown>,
  depth: number,
  sort: boolean,
  omit: ReadonlySet<string> | undefined,
): void {
  if (omit?.has(k)) return;
  const c = _copy(o[k], depth + 1, sort);
  if (c === undefined) return;
  if (k === '__proto__')
    Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
  else out[k] = c;
}

/** Whether an object's own enumerable keys are in code-unit order already (checking is cheaper than sorting). */
function _ownKeysSorted(o: Record<string, unknown>): boolean {
  let previous: string | undefined;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) continue;
    if (previous !== undefined && previous > k) return false;
    previous = k;
  }
  return true;
}

/**
 * What `jsonCopy(value, { sortKeys: true, omit })` gives, reusing every nested part of `value`
 * that is already in that form (plain, keys in code-unit order, nothing JSON would drop or
 * change) instead of copying it: the top-level object is always new, and only the parts not in
 * that form are copied. For values made afresh for one use (a fact's value, which becomes a
 * finding's `measured`), this is the copy without its cost; the caller must not hand the same
 * part out twice.
 *
 * @example
 * const fact = { b: [1, 2], a: 1, eventIds: ['e1'] };
 * const out = jsonNormalized(fact, new Set(['eventIds'])); // { a: 1, b: [1, 2] }
 * out.b === fact.b; // true: already in JSON form, so reused
 */
export function jsonNormalized<T>(value: T, omit?: ReadonlySet<string>): T {
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== OBJECT_PROTO)
    return jsonCopy(value, { sortKeys: true, omit });
  const o = value as Record<string, unknown>;
  if (typeof o.toJSON === 'function' || !_ownKeysSorted(o)) return jsonCopy(value, { sortKeys: true, omit });
  const out: Record<string, unknown> = {};
  for (const k in o) {
    if (!Object.hasOwn(o, k) || omit?.has(k)) continue;
    const v = o[k];
    const t = typeof v;
    // What JSON leaves out of an object needs no copy to be left out.
    if (t === 'undefined' || t === 'function' || t === 'symbol') continue;
    if (_isJsonForm(v, 1)) define(out, k, v);
    else {
      // A part to copy, copied under its key, as a `toJSON(key)` would see it.
      const c = jsonCopy({ [k]: v }, { sortKeys: true }) as Record<string, unknown>;
      if (Object.hasOwn(c, k)) define(out, k, c[k]);
    }
  }
  return out as T;
}

/** Sets a key, keeping `__proto__` an own key. */
function define(out: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  else out[k] = v;
}

/** Whether a value is exactly what the sorted JSON copy would make of it (checked without allocating). */
function _isJsonForm(v: unknown, depth: number): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0);
    case 'object': {
      if (v === null) return true;
      if (depth > MAX_DEPTH) return false;
      const proto = Object.getPrototypeOf(v);
      if (proto === ARRAY_PROTO) {
        const a = v as unknown[];
        if (typeof (a as { toJSON?: unknown }).toJSON === 'function') return false;
        // A hole reads as undefined, which JSON prints as null: not in JSON form.
        for (let i = 0; i < a.length; i++) if (!_isJsonForm(a[i], depth + 1)) return false;
        return true;
      }
      if (proto !== OBJECT_PROTO) return false;
      const o = v as Record<string, unknown>;
      if (typeof o.toJSON === 'function') return false;
      let previous: string | undefined;
      for (const k in o) {
        if (!Object.hasOwn(o, k)) continue;
        // `__proto__` as an own key, and keys out of order, are left to the copy.
        if (k === '__proto__' || (previous !== undefined && previous > k)) return false;
        previous = k;
        if (!_isJsonForm(o[k], depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
