import { RE2JS } from 're2js';

/**
 * Mapping patterns run on RE2 (the re2js port): matching takes time linear in the text, so a
 * pattern such as `^(a+)+$` cannot hang a run on a hostile log. RE2 has no look-around and no
 * back-references; such a pattern is refused when the mapping is read.
 */

/** A compiled mapping pattern: `test` is unanchored, as `RegExp.prototype.test` is. */
export interface MappingPattern {
  test(text: string): boolean;
}

/**
 * Compiles a pattern for linear-time matching.
 * @throws Error when RE2 cannot compile it (invalid, or look-around and back-references).
 * @example
 * compilePattern('^T09-\\d+ ', true).test('t09-12 Wait'); // true
 */
export function compilePattern(source: string, ignoreCase = false): MappingPattern {
  const re = RE2JS.compile(source, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  return { test: (text) => re.test(text) };
}

/**
 * Why a pattern cannot be used, or undefined when it can.
 * @example
 * patternProblem('(?<=a)b'); // 'is not a pattern RE2 accepts (...): look-around and back-references are not supported'
 */
export function patternProblem(source: string): string | undefined {
  try {
    compilePattern(source);
    return undefined;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return `is not a pattern the linear-time engine (RE2) accepts (${why}); look-around and back-references are not supported`;
  }
}
