import type { ParameterValue } from '../model/config.js';
import type { Status } from '../model/finding.js';
import type { Condition, RuleFile } from '../model/rule.js';
import { requireObject } from '../model/usage-error.js';
import { type ConditionTest, compileCondition, conditionFacts } from './conditions.js';
import type { FactFn } from './fact-context.js';
import type { FilterScope } from './filter.js';
import { jsonCopy } from './json-copy.js';
import { type MeasuredReads, measuredReads, readIndex } from './measured-detail.js';
import { compilePeriodAnchor, type PeriodAnchorFn } from './period-anchor.js';
import { compileTemplate, type TemplateRenderer, templateFacts } from './render.js';
import { compileFact, unmeasuredKeys } from './templates/index.js';

/** Names every rule can read besides its own facts. */
export const BUILTIN_FACTS = ['case', 'params', 'asOf'] as const;

/** A fact of a compiled rule: how it is measured, and the keys of its value `measured` leaves out. */
export interface CompiledFact {
  readonly name: string;
  readonly compute: FactFn;
  readonly unmeasured: ReadonlySet<string>;
}

/** One condition of a compiled rule, under a stable key (`applies`, `check.0.applies`, `check.0.outcome.1`). */
export interface Stage {
  readonly key: string;
  readonly condition: Condition;
  readonly test: ConditionTest;
}

/** An explanation (or due) template, parsed, with the facts (indices into `facts`) it reads. */
export interface CompiledTemplate {
  readonly render: TemplateRenderer;
  readonly facts: readonly number[];
  /** What it reads that a finding's `measured` keeps (`--detail findings`): indices into the rule's `reads.paths`. */
  readonly reads: readonly number[];
}

/** A check of a compiled rule: its stages (indices into `stages`; -1 for none) and templates. */
export interface CompiledCheck {
  readonly id: string;
  readonly applies: number;
  readonly outcomes: readonly {
    readonly stage: number;
    readonly status: 'fail' | 'insufficient_evidence' | 'pending';
    readonly explain?: CompiledTemplate | undefined;
    /** When a pending outcome falls due (`{<dueAt>|or:}`). */
    readonly due?: CompiledTemplate | undefined;
    /** What its condition reads that `measured` keeps (indices into the rule's `reads.paths`). */
    readonly reads: readonly number[];
  }[];
  readonly explain: Partial<Record<Status, CompiledTemplate>>;
  /** The facts its `appliesWhen` and its outcomes' conditions read. */
  readonly facts: readonly number[];
  /** What its `appliesWhen` reads that `measured` keeps (indices into the rule's `reads.paths`). */
  readonly appliesReads: readonly number[];
}

/**
 * A rule ready to run, built once when the ruleset is prepared: its facts compiled to functions
 * with parameters resolved, its conditions compiled to tests (as stages), its checks with their
 * templates parsed, and the order of its findings' `measured`. The raw {@link RuleFile} stays
 * untouched beside it.
 */
export interface CompiledRule {
  readonly source: RuleFile;
  readonly ref: string;
  readonly id: string;
  readonly params: Readonly<Record<string, ParameterValue>>;
  readonly facts: readonly CompiledFact[];
  readonly stages: readonly Stage[];
  /** The stage of the rule's `appliesWhen`, or -1. */
  readonly applies: number;
  /** The facts its `appliesWhen` reads. */
  readonly appliesFacts: readonly number[];
  /**
   * How many of its first facts its `appliesWhen` and `not_applicable` sentence need (facts are
   * measured in order, and one may read those before it): all a finding that does not apply reads.
   */
  readonly appliesNeeds: number;
  readonly checks: readonly CompiledCheck[];
  readonly notApplicable: CompiledTemplate;

  /** The entries of a finding's `measured`, in key order: facts by index, and the parameters. */
  readonly measured: readonly (number | 'parameters')[];
  /** The resolved parameters as `measured` shows them (keys sorted); each finding copies them. */
  readonly measuredParams: Readonly<Record<string, unknown>>;
  /** What any of its findings' explanations and checks may read (one finding reads less). */
  readonly reads: MeasuredReads;
  /** The event that places its findings in a period (`periodAnchor`), when the rule declares one. */
  readonly periodAnchor?: PeriodAnchorFn | undefined;
}

/** Options of {@link compileRule}. */
export interface CompileRuleOptions {
  /** Named filters of the ruleset manifest. */
  filters: FilterScope['named'];
  /** The rule's parameters, resolved (defaults overridden by config). */
  params: Readonly<Record<string, ParameterValue>>;
}

const _NOT_APPLICABLE = 'This indicator does not apply to this case.';

/**
 * Compiles a validated rule file. Throws, naming the rule and the part, when a fact name is
 * reserved, a fact uses an unknown filter or parameter, or a condition or template reads a fact
 * the rule does not declare or uses a template filter that does not exist.
 *
 * @example
 * const compiled = compileRule(ruleFile, { filters: manifest.filters, params: { acknowledgeWithin: 3 } });
 */
export function compileRule(rule: RuleFile, options: CompileRuleOptions): CompiledRule {
  const call = 'compileRule(ruleFile, { filters: manifest.filters, params })';
  requireObject('compileRule', rule, 'rule', call);
  requireObject('compileRule', options, 'options', call);
  const facts = _compileFacts(rule, { named: options.filters, params: options.params });
  const factIndex = new Map(facts.map((f, i) => [f.name, i] as const));
  const known = new Set<string>([...BUILTIN_FACTS, ...factIndex.keys()]);
  const indices = (names: Iterable<string>) => [
    ...new Set([...names].flatMap((n) => (factIndex.has(n) ? [factIndex.get(n) as number] : []))),
  ];
  const stages: Stage[] = [];
  const stage = (key: string, condition: Condition | undefined) => {
    if (condition === undefined) return -1;
    for (const f of conditionFacts(condition))
      if (!known.has(f)) throw new Error(`rule ${rule.ref}: condition ${key} reads undeclared fact "${f}"`);
    stages.push({ key, condition, test: compileCondition(condition) });
    return stages.length - 1;
  };
  const reads = measuredReads(rule);
  const readsOf = readIndex(reads);
  const template = (text: string, where: string): CompiledTemplate => {
    const names = templateFacts(text);
    for (const n of names)
      if (!known.has(n)) throw new Error(`rule ${rule.ref}: ${where} reads undeclared fact "${n}"`);
    try {
      return { render: compileTemplate(text), facts: indices(names), reads: readsOf.template(text) };
    } catch (e) {
      throw new Error(`rule ${rule.ref}: ${where}: ${(e as Error).message}`);
    }
  };
  const applies = stage('applies', rule.appliesWhen);
  const checks = rule.checks.map((check, i): CompiledCheck => {
    const where = `check "${check.id}"`;
    const own = stage(`check.${i}.applies`, check.appliesWhen);
    const explain: Partial<Record<Status, CompiledTemplate>> = {};
    for (const [status, text] of Object.entries(check.explain))
      if (text !== undefined)
        explain[status as Status] = template(text, `${where}, explanation for ${status}`);
    // Every status the check can reach has a sentence: its outcomes', and pass.
    for (const status of ['pass', ...check.outcomes.filter((o) => !o.explain).map((o) => o.status)])
      if (!check.explain[status as Status])
        throw new Error(`rule ${rule.ref}: ${where} has no explanation for status ${status}`);
    return {
      id: check.id,
      applies: own,
      outcomes: check.outcomes.map((o, k) => ({
        stage: stage(`check.${i}.outcome.${k}`, o.when),
        status: o.status,
        explain: o.explain === undefined ? undefined : template(o.explain, `${where}, outcome ${k}`),
        due: o.dueAt ? template(`{${o.dueAt}|or:}`, `${where}, outcome ${k}'s dueAt`) : undefined,
        reads: readsOf.condition(o.when),
      })),
      explain,
      facts: indices([
        // Stryker disable next-line ArrayDeclaration: indices() keeps only names of facts, and no fact is named "Stryker was here"
        ...(check.appliesWhen ? conditionFacts(check.appliesWhen) : []),
        ...check.outcomes.flatMap((o) => conditionFacts(o.when)),
      ]),
      appliesReads: readsOf.condition(check.appliesWhen),
    };
  });
  const notApplicable = template(
    rule.explain.not_applicable ?? _NOT_APPLICABLE,
    'the not_applicable explanation',
  );
  // Stryker disable next-line ArrayDeclaration: without appliesWhen, appliesFacts marks no fact index and appliesNeeds is never read
  const appliesFacts = rule.appliesWhen ? indices(conditionFacts(rule.appliesWhen)) : [];
  return Object.freeze({
    source: rule,
    ref: rule.ref,
    id: rule.id,
    params: options.params,
    facts,
    stages,
    applies,
    appliesFacts,
    appliesNeeds: _leadingFactsFor([...appliesFacts, ...notApplicable.facts]),
    checks,
    notApplicable,
    measured: _measuredOrder(rule, facts),
    measuredParams: jsonCopy(options.params),
    reads,
    periodAnchor:
      rule.periodAnchor &&
      compilePeriodAnchor(rule.periodAnchor, { named: options.filters, params: options.params }),
  });
}

/** How many leading facts (measured in order) include every one of `needed` (indices). */
function _leadingFactsFor(needed: readonly number[]): number {
  return needed.length === 0 ? 0 : Math.max(...needed) + 1;
}

function _compileFacts(rule: RuleFile, scope: FilterScope): CompiledFact[] {
  return Object.entries(rule.facts).map(([name, spec]) => {
    if ((BUILTIN_FACTS as readonly string[]).includes(name)) {
      throw new Error(`rule ${rule.ref}: fact name "${name}" is reserved`);
    }
    try {
      return { name, compute: compileFact(spec, scope), unmeasured: unmeasuredKeys(spec) };
    } catch (e) {
      throw new Error(`rule ${rule.ref}, fact "${name}": ${(e as Error).message}`);
    }
  });
}

/**
 * The entries of a finding's `measured` in key order (code-unit order, the default sort of
 * strings); the resolved parameters win over a fact of that name.
 */
function _measuredOrder(rule: RuleFile, facts: readonly CompiledFact[]): (number | 'parameters')[] {
  const byName = new Map<string, number | 'parameters'>();
  for (const [i, f] of facts.entries()) byName.set(f.name, i);
  if (rule.parameters.length > 0) byName.set('parameters', 'parameters');
  return [...byName.keys()].sort().map((name) => byName.get(name) as number | 'parameters');
}
