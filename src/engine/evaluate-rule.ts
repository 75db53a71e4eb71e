import type { Finding, Status } from '../model/finding.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { isoDateFromDay } from '../time/days.js';
import { formatInstant } from '../time/instant.js';
import type { CaseIndex } from './case-index.js';
import { type CompiledRule, conditionFacts } from './compiled-rule.js';
import type { ConditionEvaluator } from './evaluator.js';
import { _inTimeOrder, type FactValue } from './fact-context.js';
import { _jsonCopy } from './json-copy.js';
import { _memo, _memoByIdentity } from './memo.js';
import { renderTemplate, templateFacts } from './render.js';
import { worstStatus } from './status.js';

// Per-rule work that depends only on the rule is done once, not per case.
const _conditionFactsOf = _memoByIdentity(conditionFacts);
const _templateFactsOf = _memo(templateFacts);

/** Everything one rule needs to judge one case. */
export interface RuleRun {
  readonly index: CaseIndex;
  readonly calendar: WorkingCalendar;
  readonly asOfMs: number;
  readonly evaluator: ConditionEvaluator;
  /** `asOf` as templates read it (`{asOf.at}`, `{asOf.date}`); computed once per case when given. */
  readonly asOfText?: { readonly at: string; readonly date: string } | undefined;
}

/** `asOf` as explanation templates read it: the instant in the zone and its local date. */
export function _asOfText(index: CaseIndex, calendar: WorkingCalendar, asOfMs: number) {
  return { at: formatInstant(asOfMs, calendar.zone), date: isoDateFromDay(index.anchors.asOf?.day ?? 0) };
}

/**
 * Judges one case against one rule: measures the facts, lets the evaluator decide the
 * conditions, and writes the finding. A rule that throws yields an `error` finding.
 */
export async function evaluateRule(rule: CompiledRule, run: RuleRun): Promise<Finding> {
  try {
    return await _evaluate(rule, run);
  } catch (e) {
    return {
      ref: rule.ref,
      id: rule.id,
      status: 'error',
      explanation: `This indicator could not be evaluated: ${(e as Error).message}.`,
      evidence: [],
      measured: {},
    };
  }
}

async function _evaluate(rule: CompiledRule, run: RuleRun): Promise<Finding> {
  const { index, calendar, asOfMs } = run;
  // Three views of the same facts: for chained templates, for conditions, for explanations.
  const facts: Record<string, FactValue> = {};
  const values: Record<string, unknown> = { case: index.state, params: rule.params, asOf: asOfMs };
  const renderValues: Record<string, unknown> = {
    case: index.state,
    params: rule.params,
    asOf: run.asOfText ?? _asOfText(index, calendar, asOfMs),
  };
  const ctx = { index, calendar, asOfMs, facts };
  for (const f of rule.facts) {
    const value = f.compute(ctx);
    facts[f.name] = value;
    values[f.name] = value;
    renderValues[f.name] = value;
  }
  const verdicts = await run.evaluator.evaluate(rule, values);
  const truth = (key: string) => {
    const v = verdicts.get(key);
    if (v === undefined) throw new Error(`the evaluator gave no verdict for ${key}`);
    return v;
  };
  const src = rule.source;
  const keys = _stageKeys(rule);
  const cited = new Set<string>();
  const cite = (names: Iterable<string>) => {
    for (const n of names) cited.add(n);
  };
  if (src.appliesWhen) cite(_conditionFactsOf(src.appliesWhen));
  let status: Status;
  let explanation: string;
  let dueAt: string | undefined;
  if (src.appliesWhen && !truth('applies')) {
    status = 'not_applicable';
    const t = src.explain.not_applicable ?? 'This indicator does not apply to this case.';
    cite(_templateFactsOf(t));
    explanation = renderTemplate(t, renderValues);
  } else {
    const results = src.checks.map((check, i) => {
      let s: Status = 'pass';
      let due: string | undefined;
      let template: string | undefined;
      if (check.appliesWhen && !truth(keys.checks[i]?.applies ?? '')) s = 'not_applicable';
      else {
        const holding = check.outcomes.filter((_, k) => truth(keys.checks[i]?.outcomes[k] ?? ''));
        const o = holding[0];
        if (o) {
          s = o.status;
          template = o.explain;
          // A pending check falls due at the earliest dueAt of its pending outcomes that hold.
          if (s === 'pending') {
            const dues = holding.map((h) =>
              h.status === 'pending' && h.dueAt ? renderTemplate(`{${h.dueAt}|or:}`, renderValues) : '',
            );
            due = _earliest(dues);
          }
        }
      }
      return { check, status: s, due, template: template ?? check.explain[s] };
    });
    status = worstStatus(results.map((r) => r.status));
    const sentences: string[] = [];
    for (const r of results) {
      if (r.status !== 'not_applicable' || status === 'not_applicable') {
        if (r.check.appliesWhen) cite(_conditionFactsOf(r.check.appliesWhen));
        for (const o of r.check.outcomes) cite(_conditionFactsOf(o.when));
      }
      const t = r.template;
      if (t === undefined) {
        if (r.status === 'not_applicable') continue;
        throw new Error(`check "${r.check.id}" has no explanation for status ${r.status}`);
      }
      cite(_templateFactsOf(t));
      sentences.push(renderTemplate(t, renderValues));
    }
    explanation = sentences.join(' ');
    if (status === 'pending') {
      dueAt = _earliest(results.filter((r) => r.status === 'pending').map((r) => r.due));
    }
  }
  const evidenceIds: string[] = [];
  for (const name of cited) for (const id of facts[name]?.eventIds ?? []) evidenceIds.push(id);
  const finding: Finding = {
    ref: rule.ref,
    id: rule.id,
    status,
    explanation,
    evidence: _inTimeOrder(index, evidenceIds),
    measured: _measured(rule, facts),
  };
  if (dueAt) finding.dueAt = dueAt;
  return finding;
}

/**
 * The finding's `measured`: each fact less its unmeasured keys, and the resolved parameters; a
 * copy (nothing shared with the facts or between findings) with its keys in code-unit order,
 * the order the reports print.
 */
function _measured(rule: CompiledRule, facts: Readonly<Record<string, FactValue>>): Record<string, unknown> {
  const measured: Record<string, unknown> = {};
  for (const entry of _measuredOrder(rule)) {
    if (entry === 'parameters') {
      measured.parameters = _jsonCopy(_sortedParams(rule));
      continue;
    }
    const value = facts[entry.name];
    if (value !== undefined)
      measured[entry.name] = _jsonCopy(value, { sortKeys: true, omit: entry.unmeasured });
  }
  return measured;
}

/** The evaluator's keys for each check's stages (`check.0.applies`, `check.0.outcome.1`), made once per rule. */
const _stageKeys = _memoByIdentity((rule: CompiledRule) => ({
  checks: rule.source.checks.map((check, i) => ({
    applies: `check.${i}.applies`,
    outcomes: check.outcomes.map((_, k) => `check.${i}.outcome.${k}`),
  })),
}));

/** A rule's resolved parameters with their keys sorted once; each finding gets its own copy. */
const _sortedParams = _memoByIdentity((rule: CompiledRule) => _jsonCopy(rule.params, { sortKeys: true }));

/** The entries of a rule's `measured` in key order; the resolved parameters win over a fact of that name. */
const _measuredOrder = _memoByIdentity((rule: CompiledRule) => {
  const withParams = rule.source.parameters.length > 0;
  const entries: (CompiledRule['facts'][number] | 'parameters')[] = rule.facts.filter(
    (f) => !(withParams && f.name === 'parameters'),
  );
  if (withParams) entries.push('parameters');
  const key = (e: (typeof entries)[number]) => (e === 'parameters' ? e : e.name);
  return entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
});

/** The earliest of some instants (ISO strings; empty or missing ones ignored). */
function _earliest(instants: readonly (string | undefined)[]): string | undefined {
  const present = instants.filter((x): x is string => Boolean(x));
  return present.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}
