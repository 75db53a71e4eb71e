/** Freezes a plain object graph in place and returns it (rules and compiled forms never change). */
export function deepFreeze<T>(value: T): T {
  // Every primitive counts as frozen, so this walks only objects not yet frozen (and ends on a cycle).
  if (!Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
