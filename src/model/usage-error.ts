/** What a misused library call did wrong, for a program to act on. */
export type UsageErrorCode =
  | 'missing_options'
  | 'missing_ruleset'
  | 'unresolved_ruleset'
  | 'not_a_ruleset'
  | 'missing_as_of'
  | 'unknown_indicator'
  | 'no_period_output'
  | 'missing_argument'
  | 'wrong_argument';

/**
 * A library function called wrongly (an argument missing, a promise not awaited, an unknown
 * indicator): `code` says which, and the message says what to pass instead.
 *
 * @example
 * try { summarize(results) } catch (e) { if (e instanceof UsageError) e.code; } // 'missing_options'
 */
export class UsageError extends Error {
  constructor(
    readonly code: UsageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** @internal What a value is, for a message: `a string ("cases.ndjson")`, `an array`, `a number`. */
function _kind(value: unknown): string {
  if (typeof value === 'string') return `a string (${JSON.stringify(value.slice(0, 40))})`;
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** @internal Missing or of the wrong kind: the UsageError saying how to call `fn` instead. */
function _misused(fn: string, what: string, value: unknown, expected: string, call: string): UsageError {
  const missing = value === undefined || value === null;
  return new UsageError(
    missing ? 'missing_argument' : 'wrong_argument',
    missing
      ? `${fn}: no ${what} given: call ${call}.`
      : `${fn}: ${what} must be ${expected}, not ${_kind(value)}: call ${call}.`,
  );
}

/**
 * An argument that must be an object (options, a ruleset source), checked.
 * @throws UsageError `missing_argument` or `wrong_argument`, with the call to make.
 * @example requireObject('createCalendar', options, 'options', "createCalendar({ zone: 'Europe/London' })")
 */
export function requireObject(fn: string, value: unknown, what: string, call: string): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw _misused(fn, what, value, 'an object', call);
}

/**
 * An argument that must be an iterable or async iterable of items, checked; a string is refused,
 * since it would be taken a character at a time.
 * @throws UsageError `missing_argument` or `wrong_argument`, with the call to make.
 * @example requireIterable('compareResults', before, 'before', 'compareResults(before.results, after.results)')
 */
export function requireIterable(fn: string, value: unknown, what: string, call: string): void {
  const v = value as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null | undefined;
  const iterable =
    typeof value === 'object' &&
    v !== null &&
    v !== undefined &&
    (typeof v[Symbol.iterator] === 'function' || typeof v[Symbol.asyncIterator] === 'function');
  if (!iterable) throw _misused(fn, what, value, 'a list (an array or an iterable)', call);
}
