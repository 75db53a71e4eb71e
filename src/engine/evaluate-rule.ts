import type { Finding, Status } from '../model/finding.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { isoDateFromDay } from '../time/days.js';
import { formatInstant } from '../time/instant.js';
import type { CaseIndex } from './case-index.js';
import { type CompiledRule, conditionFacts } from './compiled-rule.js';
import type { ConditionEvaluator } from './evaluator.js';
import { addPositions, type FactValue, idsInTimeOrder, startPositions } from './fact-context.js';
import { jsonCopy, jsonNormalized } from './json-copy.js';
import { memoByIdentity, memoize } from './memo.js';
import { renderTemplate, templateFacts } from './render.js';
import { worseStatus } from './status.js';

// Per-rule work that depends only on the rule is done once, not per case.
const _conditionFactsOf = memoByIdentity(conditionFacts);
const _templateFactsOf = memoize(templateFacts);

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
export function describeAsOf(index: CaseIndex, calendar: WorkingCalendar, asOfMs: number) {
  return { at: formatInstant(asOfMs, calendar.zone), date: isoDateFromDay(index.anchors.asOf?.day ?? 0) };
}

/**
 * Judges one case against one rule: measures the facts, lets the evaluator decide the
 * conditions, and writes the finding. A rule that throws yields an `error` finding. The finding
 * comes at once when the evaluator decides synchronously (`evaluateSync`), else as a promise.
 */
export function evaluateRule(rule: CompiledRule, run: RuleRun): Finding | Promise<Finding> {
  let measuredFacts: _Measured;
  try {
    measuredFacts = _measure(rule, run);
    const verdicts = run.evaluator.evaluateSync?.(rule, measuredFacts.values);
    if (verdicts !== undefined) return _finish(rule, run, measuredFacts, verdicts);
  } catch (e) {
    return _errorFinding(rule, e);
  }
  return _finishLater(rule, run, measuredFacts);
}

async function _finishLater(rule: CompiledRule, run: RuleRun, m: _Measured): Promise<Finding> {
  try {
    const byKey = await run.evaluator.evaluate(rule, m.values);
    // Read lazily, as before: a verdict the finding never consults may be missing.
    const verdicts = rule.stages.map((s) => byKey.get(s.key));
    return _finish(rule, run, m, verdicts);
  } catch (e) {
    return _errorFinding(rule, e);
  }
}

function _errorFinding(rule: CompiledRule, e: unknown): Finding {
  return {
    ref: rule.ref,
    id: rule.id,
    status: 'error',
    explanation: `This indicator could not be evaluated: ${(e as Error).message}.`,
    evidence: [],
    measured: {},
  };
}

/**
 * The facts of one rule for one case, in two views: for chained templates, and for conditions
 * (with `case`, `params` and `asOf` in epoch ms). Explanations see the second, with `asOf` as
 * text (`_renderValues`).
 */
interface _Measured {
  readonly facts: Record<string, FactValue>;
  readonly values: Record<string, unknown>;
}

function _measure(rule: CompiledRule, run: RuleRun): _Measured {
  const { index, calendar, asOfMs } = run;
  const facts: Record<string, FactValue> = {};
  const values: Record<string, unknown> = { case: index.state, params: rule.params, asOf: asOfMs };
  const ctx = { index, calendar, asOfMs, facts };
  for (const f of rule.facts) {
    const value = f.compute(ctx);
    facts[f.name] = value;
    values[f.name] = value;
  }
  return { facts, values };
}

/**
 * The values explanations are rendered from: the conditions' values, with `asOf` as templates
 * read it (`{asOf.at}`, `{asOf.date}`); a copy only for the rules whose templates read `asOf`.
 */
function _renderValues(plan: _Plan, run: RuleRun, values: Record<string, unknown>): Record<string, unknown> {
  if (!plan.readsAsOf) return values;
  return { ...values, asOf: run.asOfText ?? describeAsOf(run.index, run.calendar, run.asOfMs) };
}

/** What a rule's findings need of its shape, worked out once per compiled rule. */
interface _Plan {
  /** The stage index of the rule's `appliesWhen`, or -1. */
  readonly applies: number;
  /** The facts (indices into `rule.facts`) its `appliesWhen` reads. */
  readonly appliesFacts: readonly number[];
  readonly checks: readonly {
    readonly applies: number;
    readonly outcomes: readonly number[];
    /** Each outcome's `dueAt` as a template (`{path|or:}`), or undefined. */
    readonly dues: readonly (string | undefined)[];
    /** The facts its `appliesWhen` and its outcomes' conditions read. */
    readonly facts: readonly number[];
  }[];
  /** The facts each explanation template reads, by template. */
  readonly templateFacts: Map<string, readonly number[]>;
  readonly factIndex: ReadonlyMap<string, number>;
  /** Whether any of its explanation or due templates reads `asOf`. */
  readonly readsAsOf: boolean;
}

const _planOf = memoByIdentity((rule: CompiledRule): _Plan => {
  const factIndex = new Map(rule.facts.map((f, i) => [f.name, i] as const));
  const indices = (names: Iterable<string>) => {
    const out = new Set<number>();
    for (const n of names) {
      const i = factIndex.get(n);
      if (i !== undefined) out.add(i);
    }
    return [...out];
  };
  const stages = new Map(rule.stages.map((s, i) => [s.key, i] as const));
  // compileRule lists a stage for every condition; a rule built otherwise is a defect.
  const stage = (key: string) => {
    const i = stages.get(key);
    if (i === undefined) throw new Error(`rule ${rule.ref} has no stage ${key}`);
    return i;
  };
  const src = rule.source;
  return {
    applies: src.appliesWhen ? stage('applies') : -1,
    appliesFacts: src.appliesWhen ? indices(_conditionFactsOf(src.appliesWhen)) : [],
    checks: src.checks.map((check, i) => ({
      applies: check.appliesWhen ? stage(`check.${i}.applies`) : -1,
      outcomes: check.outcomes.map((_, k) => stage(`check.${i}.outcome.${k}`)),
      dues: check.outcomes.map((o) => (o.dueAt ? `{${o.dueAt}|or:}` : undefined)),
      facts: indices([
        ...(check.appliesWhen ? _conditionFactsOf(check.appliesWhen) : []),
        ...check.outcomes.flatMap((o) => _conditionFactsOf(o.when)),
      ]),
    })),
    templateFacts: new Map(),
    factIndex,
    readsAsOf: _templates(rule).some((t) => _templateFactsOf(t).includes('asOf')),
  };
});

/** Every explanation and due template of a rule. */
function _templates(rule: CompiledRule): string[] {
  const src = rule.source;
  const out: string[] = [];
  const add = (t: string | undefined) => {
    if (t !== undefined) out.push(t);
  };
  add(src.explain.not_applicable);
  for (const check of src.checks) {
    for (const t of Object.values(check.explain)) add(t);
    for (const o of check.outcomes) {
      add(o.explain);
      if (o.dueAt) add(`{${o.dueAt}|or:}`);
    }
  }
  return out;
}

/** The verdict of a stage; an evaluator that gave none is a defect, reported as such. */
function _truth(rule: CompiledRule, verdicts: readonly (boolean | undefined)[], stage: number): boolean {
  const v = verdicts[stage];
  if (v === undefined) throw new Error(`the evaluator gave no verdict for ${rule.stages[stage]?.key}`);
  return v;
}

// Scratch space of `_finish`, which is synchronous and never re-entered: no per-rule allocations.
let _cited = new Uint8Array(32);
const _checkStatus: Status[] = [];
const _checkTemplate: (string | undefined)[] = [];
const _checkDue: (string | undefined)[] = [];

function _cite(facts: readonly number[]): void {
  for (let i = 0; i < facts.length; i++) _cited[facts[i] as number] = 1;
}

function _citeTemplate(plan: _Plan, template: string): void {
  let facts = plan.templateFacts.get(template);
  if (facts === undefined) {
    const names = _templateFactsOf(template);
    const out: number[] = [];
    for (const n of names) {
      const i = plan.factIndex.get(n);
      if (i !== undefined && !out.includes(i)) out.push(i);
    }
    facts = out;
    plan.templateFacts.set(template, facts);
  }
  _cite(facts);
}

const _NOT_APPLICABLE = 'This indicator does not apply to this case.';

function _finish(
  rule: CompiledRule,
  run: RuleRun,
  m: _Measured,
  verdicts: readonly (boolean | undefined)[],
): Finding {
  const plan = _planOf(rule);
  const src = rule.source;
  const renderValues = _renderValues(plan, run, m.values);
  if (_cited.length < rule.facts.length) _cited = new Uint8Array(rule.facts.length * 2);
  _cited.fill(0, 0, rule.facts.length);
  let status: Status;
  let explanation: string;
  let dueAt: string | undefined;
  if (plan.applies >= 0) _cite(plan.appliesFacts);
  if (plan.applies >= 0 && !_truth(rule, verdicts, plan.applies)) {
    status = 'not_applicable';
    const t = src.explain.not_applicable ?? _NOT_APPLICABLE;
    _citeTemplate(plan, t);
    explanation = renderTemplate(t, renderValues);
  } else {
    status = _judgeChecks(rule, plan, verdicts, renderValues);
    explanation = _explainChecks(rule, plan, status, renderValues);
    if (status === 'pending') {
      for (let i = 0; i < src.checks.length; i++) {
        if (_checkStatus[i] === 'pending') dueAt = _earlier(dueAt, _checkDue[i]);
      }
    }
  }
  const finding: Finding = {
    ref: rule.ref,
    id: rule.id,
    status,
    explanation,
    evidence: _evidence(rule, run.index, m.facts),
    measured: _measured(rule, m.facts),
  };
  if (dueAt) finding.dueAt = dueAt;
  return finding;
}

/**
 * Each check's status (`_checkStatus`), its explanation template (`_checkTemplate`) and, when
 * pending, when it falls due (`_checkDue`); returns the worst status.
 */
function _judgeChecks(
  rule: CompiledRule,
  plan: _Plan,
  verdicts: readonly (boolean | undefined)[],
  renderValues: Readonly<Record<string, unknown>>,
): Status {
  const checks = rule.source.checks;
  let worst: Status = 'not_applicable';
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i] as (typeof checks)[number];
    const cp = plan.checks[i] as _Plan['checks'][number];
    let s: Status = 'pass';
    let due: string | undefined;
    let template: string | undefined;
    if (cp.applies >= 0 && !_truth(rule, verdicts, cp.applies)) s = 'not_applicable';
    else {
      // Every outcome's verdict is read (a missing one is an error), and the first that holds wins.
      let first = -1;
      for (let k = 0; k < cp.outcomes.length; k++) {
        if (_truth(rule, verdicts, cp.outcomes[k] as number) && first < 0) first = k;
      }
      const o = first < 0 ? undefined : check.outcomes[first];
      if (o) {
        s = o.status;
        template = o.explain;
        // A pending check falls due at the earliest dueAt of its pending outcomes that hold.
        if (s === 'pending') {
          for (let k = first; k < cp.outcomes.length; k++) {
            const h = check.outcomes[k] as (typeof check.outcomes)[number];
            const dueTemplate = cp.dues[k];
            if (h.status !== 'pending' || dueTemplate === undefined) continue;
            if (!_truth(rule, verdicts, cp.outcomes[k] as number)) continue;
            due = _earlier(due, renderTemplate(dueTemplate, renderValues));
          }
        }
      }
    }
    _checkStatus[i] = s;
    _checkDue[i] = due;
    _checkTemplate[i] = template ?? check.explain[s];
    worst = worseStatus(worst, s);
  }
  return worst;
}

/**
 * The checks' sentences, citing what each relied on: a check left out as not applicable cites
 * nothing unless the whole finding is not applicable.
 */
function _explainChecks(
  rule: CompiledRule,
  plan: _Plan,
  status: Status,
  renderValues: Readonly<Record<string, unknown>>,
): string {
  const checks = rule.source.checks;
  let explanation = '';
  let sentences = 0;
  for (let i = 0; i < checks.length; i++) {
    const s = _checkStatus[i] as Status;
    if (s !== 'not_applicable' || status === 'not_applicable')
      _cite((plan.checks[i] as _Plan['checks'][number]).facts);
    const t = _checkTemplate[i];
    if (t === undefined) {
      if (s === 'not_applicable') continue;
      throw new Error(
        `check "${(checks[i] as (typeof checks)[number]).id}" has no explanation for status ${s}`,
      );
    }
    _citeTemplate(plan, t);
    const sentence = renderTemplate(t, renderValues);
    explanation = sentences++ === 0 ? sentence : `${explanation} ${sentence}`;
  }
  return explanation;
}

/** The ids of the events the cited facts relied on, in time order without repeats. */
function _evidence(
  rule: CompiledRule,
  index: CaseIndex,
  facts: Readonly<Record<string, FactValue>>,
): string[] {
  startPositions();
  for (let f = 0; f < rule.facts.length; f++) {
    if (_cited[f] === 0) continue;
    const ids = facts[(rule.facts[f] as CompiledRule['facts'][number]).name]?.eventIds;
    if (ids !== undefined) addPositions(index, ids);
  }
  return idsInTimeOrder(index);
}

/**
 * The finding's `measured`: each fact less its unmeasured keys, and the resolved parameters, in
 * JSON form (what `JSON.parse(JSON.stringify(...))` gives) with keys in code-unit order, the
 * order the reports print. Fact values are made afresh for each rule and case, so their parts
 * already in that form are taken over rather than copied; the templates never hand out one
 * part twice, so nothing is shared between findings or results (`test/engine/measured.test.ts`).
 */
function _measured(rule: CompiledRule, facts: Readonly<Record<string, FactValue>>): Record<string, unknown> {
  const measured: Record<string, unknown> = {};
  for (const entry of _measuredOrder(rule)) {
    if (entry === 'parameters') {
      measured.parameters = jsonCopy(_sortedParams(rule));
      continue;
    }
    const value = facts[entry.name];
    // Fact values are made afresh for each rule and case: what is in JSON form already is kept.
    if (value !== undefined) measured[entry.name] = jsonNormalized(value, entry.unmeasured);
  }
  return measured;
}

/** A rule's resolved parameters with their keys sorted once; each finding gets its own copy. */
const _sortedParams = memoByIdentity((rule: CompiledRule) => jsonCopy(rule.params, { sortKeys: true }));

/** The entries of a rule's `measured` in key order; the resolved parameters win over a fact of that name. */
const _measuredOrder = memoByIdentity((rule: CompiledRule) => {
  const withParams = rule.source.parameters.length > 0;
  const entries: (CompiledRule['facts'][number] | 'parameters')[] = rule.facts.filter(
    (f) => !(withParams && f.name === 'parameters'),
  );
  if (withParams) entries.push('parameters');
  const key = (e: (typeof entries)[number]) => (e === 'parameters' ? e : e.name);
  return entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
});

/** The earlier of two instants (ISO strings; an empty or missing one ignored; the first on a tie). */
function _earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (!b) return a || undefined;
  if (!a) return b;
  return Date.parse(b) < Date.parse(a) ? b : a;
}
