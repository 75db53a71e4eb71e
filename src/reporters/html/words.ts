/**
 * How the audit report names an indicator (ref, a short title, the leaflet's words; the slug only
 * as a secondary label), and which of a rule's facts decide a status: read from the rule files,
 * so that no indicator needs code of its own.
 */
import type { Status } from '../../model/finding.js';
import type { RulesetWords } from '../common.js';

type _Rule = RulesetWords['rules'][number];

/** An indicator as the page names it. */
export interface IndicatorName {
  ref: string;
  /** The slug, shown small beside the title. */
  id: string;
  title: string;
  /** The leaflet's words ('' when the ruleset does not give them). */
  words: string;
}

/** "contact-named" as "Contact named": the title of a rule file without one. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words === '' ? slug : words.charAt(0).toUpperCase() + words.slice(1);
}

/** Names for the given indicators from the ruleset's rule files (by ref). */
export function indicatorNames(
  indicators: readonly { ref: string; id: string }[],
  ruleset: RulesetWords,
): IndicatorName[] {
  const rules = new Map(ruleset.rules.map((r) => [r.ref, r]));
  return indicators.map(({ ref, id }) => {
    const rule = rules.get(ref);
    return { ref, id, title: rule?.title ?? titleFromSlug(id), words: rule?.words ?? '' };
  });
}

/** A condition's comparison of a fact at a path, as the rule files write it. */
export interface FactPath {
  fact: string;
  path?: string;
}

function _leaves(condition: unknown, out: FactPath[], depth = 0): void {
  if (depth > 16 || condition === null || typeof condition !== 'object') return;
  const c = condition as Record<string, unknown>;
  if (typeof c.fact === 'string') {
    out.push({ fact: c.fact, ...(typeof c.path === 'string' ? { path: c.path } : {}) });
    const value = c.value as Record<string, unknown> | null;
    if (value && typeof value === 'object' && typeof value.fact === 'string') out.push({ fact: value.fact });
    return;
  }
  for (const key of ['all', 'any'] as const) {
    const list = c[key];
    if (Array.isArray(list)) for (const sub of list) _leaves(sub, out, depth + 1);
  }
  _leaves(c.not, out, depth + 1);
}

/**
 * The facts (and paths) the rule's outcomes of this status test, by rule ref: what a finding of
 * that status failed on. Undefined for a rule without checks in the ruleset given (the report
 * then looks at every fact of the finding).
 */
export function decidingFacts(
  ruleset: RulesetWords,
): (ref: string, status: Status) => FactPath[] | undefined {
  const rules = new Map<string, _Rule>(ruleset.rules.map((r) => [r.ref, r]));
  return (ref, status) => {
    const checks = rules.get(ref)?.checks;
    if (!checks) return undefined;
    const out: FactPath[] = [];
    for (const check of checks) for (const o of check.outcomes) if (o.status === status) _leaves(o.when, out);
    // Each once: outcomes of one status may test the same fact (a closed case's variant of a fail).
    const once = out.filter((p, i) => out.findIndex((q) => q.fact === p.fact && q.path === p.path) === i);
    return once.length === 0 ? undefined : once;
  };
}
