import type { Finding, Status } from '../model/finding.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { isoDateFromDay } from '../time/days.js';
import { formatInstant } from '../time/instant.js';
import type { CaseIndex } from './case-index.js';
import { type CompiledRule, conditionFacts } from './compiled-rule.js';
import type { ConditionEvaluator } from './evaluator.js';
import type { FactValue } from './fact-context.js';
import { _jsonCopy } from './json-copy.js';
import { _memo, _memoByIdentity } from './memo.js';
import { renderTemplate, templateFacts } from './render.js';
import { worstStatus } from './status.js';

// Per-rule work that depends only on the rule (or on asOf) is done once, not per case.
const _conditionFactsOf = _memoByIdentity(conditionFacts);
const _templateFactsOf = _memo(templateFacts);
let _lastAsOf: { ms: number; zone: string; text: string } | undefined;
function _formatAsOf(ms: number, zone: string): string {
  if (_lastAsOf?.ms !== ms || _lastAsOf.zone !== zone)
    _lastAsOf = { ms, zone, text: formatInstant(ms, zone) };
  return _lastAsOf.text;
}

/** Everything one rule needs to judge one case. */
export interface RuleRun {
  readonly index: CaseIndex;
  readonly calendar: WorkingCalendar;
  readonly asOfMs: number;
  readonly evaluator: ConditionEvaluator;
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
  const facts: Record<string, FactValue> = {};
  for (const f of rule.facts) facts[f.name] = f.compute({ index, calendar, asOfMs, facts });
  const values = { ...facts, case: index.state, params: rule.params, asOf: asOfMs };
  const verdicts = await run.evaluator.evaluate(rule, values);
  const truth = (key: string) => {
    const v = verdicts.get(key);
    if (v === undefined) throw new Error(`the evaluator gave no verdict for ${key}`);
    return v;
  };
  const src = rule.source;
  const renderValues = {
    ...facts,
    case: index.state,
    params: rule.params,
    asOf: { at: _formatAsOf(asOfMs, calendar.zone), date: isoDateFromDay(index.anchors.asOf?.day ?? 0) },
  };
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
      if (check.appliesWhen && !truth(`check.${i}.applies`)) s = 'not_applicable';
      else {
        const holding = check.outcomes.filter((_, k) => truth(`check.${i}.outcome.${k}`));
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
  const evidenceIds = new Set<string>();
  for (const name of cited) for (const id of facts[name]?.eventIds ?? []) evidenceIds.add(id);
  const measured: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(facts)) {
    const { eventIds: _ids, ...rest } = value;
    measured[name] = rest;
  }
  if (rule.source.parameters.length > 0) measured.parameters = rule.params;
  const finding: Finding = {
    ref: rule.ref,
    id: rule.id,
    status,
    explanation,
    evidence: index.events.filter((e) => evidenceIds.has(e.id)).map((e) => e.id),
    measured: _jsonCopy(measured),
  };
  if (dueAt) finding.dueAt = dueAt;
  return finding;
}

/** The earliest of some instants (ISO strings; empty or missing ones ignored). */
function _earliest(instants: readonly (string | undefined)[]): string | undefined {
  const present = instants.filter((x): x is string => Boolean(x));
  return present.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}
