/** What a misused library call did wrong, for a program to act on. */
export type UsageErrorCode =
  | 'missing_options'
  | 'missing_ruleset'
  | 'unresolved_ruleset'
  | 'not_a_ruleset'
  | 'missing_as_of'
  | 'unknown_indicator'
  | 'no_period_output';

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
