import type { ParameterValue } from '../model/config.js';
import type { Condition, RuleFile } from '../model/rule.js';
import type { FactFn } from './fact-context.js';
import type { FilterScope } from './filter.js';
import { compileFact, unmeasuredKeys } from './templates/index.js';

/** Names every rule can read besides its own facts. */
export const BUILTIN_FACTS = ['case', 'params', 'asOf'] as const;

/** One condition of a compiled rule, under a stable key (`applies`, `check.0.applies`, `check.0.outcome.1`). */
export interface Stage {
  readonly key: string;
  readonly condition: Condition;
}

/**
 * A rule ready to run: its facts compiled to functions with parameters resolved, and its
 * conditions (still json-rules-engine JSON, frozen) listed as stages. The raw {@link RuleFile}
 * stays untouched beside it.
 */
export interface CompiledRule {
  readonly source: RuleFile;
  readonly ref: string;
  readonly id: string;
  readonly params: Readonly<Record<string, ParameterValue>>;
  /** Each fact with the keys of its value that `measured` leaves out. */
  readonly facts: readonly {
    readonly name: string;
    readonly compute: FactFn;
    readonly unmeasured: ReadonlySet<string>;
  }[];
  readonly stages: readonly Stage[];
}

/** Options of {@link compileRule}. */
export interface CompileRuleOptions {
  /** Named filters of the ruleset manifest. */
  filters: FilterScope['named'];
  /** The rule's parameters, resolved (defaults overridden by config). */
  params: Readonly<Record<string, ParameterValue>>;
}

/**
 * Compiles a validated rule file. Throws when a condition names a fact the rule does not
 * declare, or a fact uses an unknown filter or parameter.
 *
 * @example
 * const compiled = compileRule(ruleFile, { filters: manifest.filters, params: { acknowledgeWithin: 3 } });
 */
export function compileRule(rule: RuleFile, options: CompileRuleOptions): CompiledRule {
  const scope: FilterScope = { named: options.filters, params: options.params };
  const facts = Object.entries(rule.facts).map(([name, spec]) => {
    if ((BUILTIN_FACTS as readonly string[]).includes(name)) {
      throw new Error(`rule ${rule.ref}: fact name "${name}" is reserved`);
    }
    try {
      return { name, compute: compileFact(spec, scope), unmeasured: unmeasuredKeys(spec) };
    } catch (e) {
      throw new Error(`rule ${rule.ref}, fact "${name}": ${(e as Error).message}`);
    }
  });
  const stages: Stage[] = [];
  if (rule.appliesWhen) stages.push({ key: 'applies', condition: rule.appliesWhen });
  rule.checks.forEach((check, i) => {
    if (check.appliesWhen) stages.push({ key: `check.${i}.applies`, condition: check.appliesWhen });
    check.outcomes.forEach((o, j) => {
      stages.push({ key: `check.${i}.outcome.${j}`, condition: o.when });
    });
  });
  const known = new Set([...BUILTIN_FACTS, ...facts.map((f) => f.name)]);
  for (const s of stages) {
    for (const f of conditionFacts(s.condition)) {
      if (!known.has(f)) throw new Error(`rule ${rule.ref}: condition ${s.key} reads undeclared fact "${f}"`);
    }
  }
  return Object.freeze({ source: rule, ref: rule.ref, id: rule.id, params: options.params, facts, stages });
}

/** Every fact a condition reads, including facts used as comparison values. */
export function conditionFacts(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionFacts);
  if ('any' in c) return c.any.flatMap(conditionFacts);
  if ('not' in c) return conditionFacts(c.not);
  const v = c.value;
  const valueFact = v !== null && typeof v === 'object' && !Array.isArray(v) ? [v.fact] : [];
  return [c.fact, ...valueFact];
}
