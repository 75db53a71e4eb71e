/**
 * Bounded memos for pure functions called again and again on the same few inputs (the syllables
 * of a word, for readability). The result is the function's own (computed once per input), so
 * nothing a memo returns may be written to; a full memo starts again empty, so memory stays
 * bounded whatever the input.
 */

/**
 * Memoises a pure function of a string (or number), keeping at most `limit` results.
 *
 * @example
 * const syllablesOf = memoize(syllable, 50_000);
 * syllablesOf('complaint'); // 2, counted once
 */
export function memoize<K extends string | number, V>(fn: (key: K) => V, limit = 10_000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let v = cache.get(key);
    // Stryker disable next-line ConditionalExpression: `v === undefined` only spares the second lookup of a cached key
    if (v === undefined && !cache.has(key)) {
      v = fn(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, v);
    }
    return v as V;
  };
}
