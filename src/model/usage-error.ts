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
 * An argument that must be a string, checked.
 * @throws UsageError `missing_argument` or `wrong_argument`, with the call to make.
 * @example requireString('dayFromIsoDate', iso, 'iso', "dayFromIsoDate('2024-05-07')")
 */
export function requireString(fn: string, value: unknown, what: string, call: string): void {
  if (typeof value !== 'string') throw _misused(fn, what, value, 'a string', call);
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

/** @internal An object that is not an array. */
function _isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Optional options: absent, or an object.
 * @throws UsageError `wrong_argument`, with the call to make.
 * @example requireOptions('formatText', options, 'formatText(report, { color: true })')
 */
export function requireOptions(fn: string, value: unknown, call: string): void {
  if (value !== undefined) requireObject(fn, value, 'options', call);
}

/**
 * A whole report, `{ meta, cases?, summary }` as `check --format json` writes it, checked for its
 * shape (its contents are the caller's to get right: they come from this library).
 * @throws UsageError `missing_argument` or `wrong_argument`, with the call to make.
 * @example requireReport('formatText', report, 'formatText(report)')
 */
export function requireReport(fn: string, report: unknown, call: string): void {
  const how = `${call}, with a report { meta, cases, summary } as check --format json writes it`;
  requireObject(fn, report, 'report', how);
  const r = report as Record<string, unknown>;
  for (const key of ['meta', 'summary']) {
    if (!_isRecord(r[key])) throw _misused(fn, `report.${key}`, r[key], 'an object', how);
  }
  if (r.cases !== undefined) requireIterable(fn, r.cases, 'report.cases', how);
}

/**
 * The ruleset whose words a report quotes (`{ rules }`, or what loadRuleset() gives), checked:
 * present, awaited, and holding its rules.
 * @throws UsageError `missing_ruleset`, `unresolved_ruleset` or `not_a_ruleset`.
 * @example requireRuleWords('formatHtml', ruleset, 'formatHtml(report, ruleset)')
 */
export function requireRuleWords(fn: string, ruleset: unknown, call: string): void {
  const how = `call ${call} with the ruleset (const ruleset = await loadRuleset())`;
  if (ruleset === undefined || ruleset === null)
    throw new UsageError('missing_ruleset', `${fn}: no ruleset given: ${how}.`);
  if (typeof (ruleset as { then?: unknown }).then === 'function')
    throw new UsageError('unresolved_ruleset', `${fn}: the ruleset is a promise: await it, then ${how}.`);
  if (!Array.isArray((ruleset as { rules?: unknown }).rules))
    throw new UsageError('not_a_ruleset', `${fn}: the ruleset has no list of rules: ${how}.`);
}

/**
 * Where a builder puts its parts: an object with `append(part, text)` (and `text(part)` to read
 * them back, for renderWhole), as memoryParts() gives.
 * @throws UsageError `missing_argument` or `wrong_argument`, with the call to make.
 * @example requireParts('createJsonBuilder', parts, 'createJsonBuilder(memoryParts())')
 */
export function requireParts(
  fn: string,
  parts: unknown,
  call: string,
  method: 'append' | 'text' = 'append',
): void {
  requireObject(fn, parts, 'parts', call);
  if (typeof (parts as Record<string, unknown>)[method] !== 'function')
    throw new UsageError('wrong_argument', `${fn}: parts must have a ${method} method: call ${call}.`);
}
