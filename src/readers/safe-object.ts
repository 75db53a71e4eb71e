/**
 * @internal Sets an own, enumerable property, whatever the key (`__proto__` included): never
 * changes a prototype, unlike `obj[key] = value` or `Object.assign`.
 * @example
 * define({}, '__proto__', 1); // { ['__proto__']: 1 } as an own key; Object.prototype untouched
 */
export function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * @internal A deep copy of a JSON value whose objects are built with own data properties only,
 * so that keys such as `__proto__` stay plain keys.
 * @example
 * cloneJson({ covers: ['acknowledgement'] });
 */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) define(out, k, cloneJson(v));
    return out as T;
  }
  return value;
}
