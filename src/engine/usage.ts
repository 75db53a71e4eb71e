/**
 * The checks every library entry point makes of its arguments before using them, so that a
 * misuse gets a {@link UsageError} that says what to pass rather than a TypeError from inside.
 */
import { UsageError } from '../model/usage-error.js';
import type { Ruleset } from './ruleset.js';

const _LOAD = 'const ruleset = await loadRuleset()';

/**
 * The ruleset itself, checked: present, awaited, and a ruleset.
 * @example requireRulesetValue('createSummaryBuilder', ruleset)
 */
export function requireRulesetValue(fn: string, ruleset: unknown, where = 'its argument'): Ruleset {
  if (ruleset === undefined || ruleset === null) {
    throw new UsageError('missing_ruleset', `${fn}: ${where} is missing: pass the ruleset (${_LOAD}).`);
  }
  if (typeof (ruleset as { then?: unknown }).then === 'function') {
    throw new UsageError(
      'unresolved_ruleset',
      `${fn}: ${where} is a promise: await loadRuleset() first (${_LOAD}), then pass the ruleset.`,
    );
  }
  const r = ruleset as Partial<Ruleset>;
  if (typeof r.manifest !== 'object' || r.manifest === null || !Array.isArray(r.rules)) {
    throw new UsageError(
      'not_a_ruleset',
      `${fn}: ${where} is not a ruleset: pass what loadRuleset() or createRuleset() gives (${_LOAD}).`,
    );
  }
  return ruleset as Ruleset;
}

/**
 * The options object of a call that needs `{ ruleset, ... }`, checked, with its ruleset.
 * @example requireRulesetOption('summarize', options, 'summarize(results, { ruleset })')
 */
export function requireRulesetOption(fn: string, options: unknown, call: string): Ruleset {
  if (typeof options !== 'object' || options === null) {
    throw new UsageError(
      'missing_options',
      `${fn}: the options are missing: call ${call}, with the ruleset ${_LOAD} gives.`,
    );
  }
  return requireRulesetValue(fn, (options as { ruleset?: unknown }).ruleset, 'options.ruleset');
}

/**
 * Each `only`/`skip` selector names an indicator (its ref or id) or a ref prefix, as the
 * command requires: a typo must not quietly judge nothing, or everything.
 * @example checkSelectors(ruleset, 'only', ['1.1', 'L.2'])
 */
export function checkSelectors(
  ruleset: Ruleset,
  option: 'only' | 'skip',
  selectors: readonly string[],
): void {
  for (const s of selectors) {
    if (!ruleset.rules.some((r) => s === r.id || s === r.ref || r.ref.startsWith(`${s}.`))) {
      const refs = ruleset.rules.map((r) => r.ref).join(', ');
      throw new UsageError(
        'unknown_indicator',
        `${option}: no indicator has ref or id "${s}" or a ref under it; the ruleset's refs are ${refs}.`,
      );
    }
  }
}
