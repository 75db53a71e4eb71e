/**
 * A value as JSON data, keys sorted: exactly `JSON.parse(JSON.stringify(value))` with every
 * object's keys in code-unit order (the order the reports print them in), always a fresh copy
 * that shares nothing with `value`. So: properties whose value is `undefined`, a function or a
 * symbol are left out (in arrays they become `null`), non-finite numbers become `null` and `-0`
 * becomes `0`, `toJSON` is called (a Date becomes its ISO string), boxed primitives are unboxed,
 * and `__proto__` stays an own key. A cycle or a BigInt throws the TypeError JSON would.
 * `omit` names keys of the top-level object to leave out.
 *
 * @example
 * jsonCopy({ b: undefined, a: [undefined, Number.NaN], c: -0 }); // { a: [null, null], c: 0 }
 * jsonCopy({ b: 1, a: { d: 1, c: 2 }, eventIds: ['e1'] }, { omit: new Set(['eventIds']) });
 * // { a: { c: 2, d: 1 }, b: 1 }
 */
export function jsonCopy<T>(value: T, options: JsonCopyOptions = {}): T {
  return _copy(value, '', [], options.omit) as T;
}

/** Options of {@link jsonCopy}. */
export interface JsonCopyOptions {
  /** Keys of the top-level object to leave out. */
  omit?: ReadonlySet<string> | undefined;
}

/**
 * A value as JSON would write it, or `undefined` where JSON leaves it out; `key` is the name
 * `toJSON` is called with, `open` the objects being copied (to find a cycle).
 */
function _copy(v: unknown, key: string, open: object[], omit?: ReadonlySet<string>): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? (v === 0 ? 0 : v) : null;
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      if (v === null) return null;
      if (v instanceof Number || v instanceof String || v instanceof Boolean)
        return _copy(v.valueOf(), key, open);
      if (open.includes(v)) throw new TypeError('Converting circular structure to JSON');
      open.push(v);
      try {
        return Array.isArray(v) ? _copyArray(v, open) : _copyObject(v as Record<string, unknown>, open, omit);
      } finally {
        open.pop();
      }
  }
  // undefined, functions and symbols: left out of objects, null in arrays.
  return undefined;
}

function _copyArray(a: readonly unknown[], open: object[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < a.length; i++) out.push(_copy(a[i], String(i), open) ?? null);
  return out;
}

function _copyObject(o: Record<string, unknown>, open: object[], omit?: ReadonlySet<string>) {
  const out: Record<string, unknown> = {};
  // sort()'s own order is the code units' order.
  for (const k of Object.keys(o).sort()) {
    if (omit?.has(k)) continue;
    const c = _copy(o[k], k, open);
    if (c === undefined) continue;
    // A plain assignment to `__proto__` would set the copy's prototype instead of a key.
    // Stryker disable next-line ConditionalExpression: defining every key so gives the same copy, only slower
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
    else out[k] = c;
  }
  return out;
}
