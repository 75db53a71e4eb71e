import type { Detail, Finding, Status } from '../model/finding.js';
import { isMarkedStatus } from '../model/vocabulary.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { isoDateFromDay } from '../time/days.js';
import { formatInstant } from '../time/instant.js';
import type { CaseIndex } from './case-index.js';
import { type CheckSentence, joinCheckSentences } from './check-sentences.js';
import type { CompiledCheck, CompiledFact, CompiledRule, CompiledTemplate, Stage } from './compiled-rule.js';
import type { FactValues } from './conditions.js';
import type { ConditionEvaluator, StageVerdicts } from './evaluator.js';
import { type FactValue, idsInTimeOrder } from './fact-context.js';
import { jsonCopy } from './json-copy.js';
import { findingMeasured } from './measured-detail.js';
import { worseStatus } from './status.js';

/** Everything one rule needs to judge one case. */
export interface RuleRun {
  readonly index: CaseIndex;
  readonly calendar: WorkingCalendar;
  readonly asOfMs: number;
  /** `asOf` as templates read it (`{asOf.at}`, `{asOf.date}`). */
  readonly asOfText: { readonly at: string; readonly date: string };
  /** How much of what the facts measured each finding carries; `findings` when not given. */
  readonly detail?: Detail | undefined;
  /**
   * When given, each finding judged appends one entry (in order): for a fail, error or pending
   * finding, everything its facts measured (as at `full`), else null. What the audit report marks
   * the events at fault and the deadlines from, whatever the detail of the other reports.
   */
  readonly fullMeasured?: (Record<string, unknown> | null)[] | undefined;
  /** Where each finding marks what it cites and reads; made once per case ({@link findingFlags}). */
  readonly flags?: FindingFlags | undefined;
}

/**
 * What a finding marks as it is written: its stages' verdicts (in `rule.stages` order), the facts
 * it cites (by index in `rule.facts`) and the paths it reads (by index in `rule.reads.paths`).
 * One set serves every rule of a case, cleared for each: three lists per finding were a
 * twentieth of what judging a case allocated.
 */
export interface FindingFlags {
  readonly verdicts: boolean[];
  readonly cited: boolean[];
  readonly read: boolean[];
}

/** Empty flags, for the findings of one case. */
export function findingFlags(): FindingFlags {
  return { verdicts: [], cited: [], read: [] };
}

/** `asOf` as explanation templates read it: the instant in the zone and its local date. */
export function describeAsOf(index: CaseIndex, calendar: WorkingCalendar, asOfMs: number) {
  return { at: formatInstant(asOfMs, calendar.clock), date: isoDateFromDay(index.anchors.asOf?.day ?? 0) };
}

/**
 * Judges one case against one rule: measures the facts, tests the rule's conditions, and writes
 * the finding. A rule that throws yields an `error` finding.
 *
 * @example
 * const finding = judgeRule(prepared.rules[0], { index, calendar, asOfMs, asOfText });
 */
export function judgeRule(rule: CompiledRule, run: RuleRun): Finding {
  try {
    const values = measureFacts(rule, run);
    const verdicts = (run.flags ?? findingFlags()).verdicts;
    _clear(verdicts, rule.stages.length);
    for (let i = 0; i < verdicts.length; i++) verdicts[i] = (rule.stages[i] as Stage).test(values);
    return findingOf(rule, run, values, verdicts);
  } catch (e) {
    return _errorFinding(rule, run, e);
  }
}

/**
 * {@link judgeRule} with the conditions decided by another evaluator (json-rules-engine, the
 * reference), which may take its time.
 */
export async function judgeRuleWith(
  rule: CompiledRule,
  run: RuleRun,
  evaluator: ConditionEvaluator,
): Promise<Finding> {
  try {
    const values = measureFacts(rule, run);
    return findingOf(rule, run, values, await evaluator.evaluate(rule, values));
  } catch (e) {
    return _errorFinding(rule, run, e);
  }
}

function _errorFinding(rule: CompiledRule, run: RuleRun, e: unknown): Finding {
  const finding: Finding = {
    ref: rule.ref,
    id: rule.id,
    status: 'error',
    explanation: `This indicator could not be evaluated: ${(e as Error).message}.`,
    evidence: [],
  };
  if (run.detail === 'full') finding.measured = {};
  run.fullMeasured?.push({});
  return finding;
}

/**
 * What the conditions read: `case`, `params`, `asOf` (epoch ms) and the rule's facts by name,
 * measured in declaration order (a fact's template may read those before it).
 */
function measureFacts(rule: CompiledRule, run: RuleRun): Record<string, unknown> {
  const values: Record<string, unknown> = { case: run.index.state, params: rule.params, asOf: run.asOfMs };
  const ctx = {
    index: run.index,
    calendar: run.calendar,
    asOfMs: run.asOfMs,
    facts: values as Readonly<Record<string, FactValue>>,
  };
  for (let i = 0; i < rule.facts.length; i++) {
    const f = rule.facts[i] as CompiledFact;
    values[f.name] = f.compute(ctx);
  }
  return values;
}

/** How one check came out. */
interface CheckResult {
  readonly status: Status;
  readonly explain: CompiledTemplate | undefined;
  /** When a pending check falls due: the earliest due instant of its pending outcomes that hold. */
  readonly dueAt: string | undefined;
}

/** The finding, from the facts and the stages' verdicts (in `rule.stages` order). */
function findingOf(rule: CompiledRule, run: RuleRun, values: FactValues, verdicts: StageVerdicts): Finding {
  // Explanations read `asOf` as text, where the conditions read it in epoch ms.
  const text = rule.readsAsOf ? { ...values, asOf: run.asOfText } : values;
  const { cited, read } = run.flags ?? findingFlags();
  _clear(cited, rule.facts.length);
  _setAll(cited, rule.appliesFacts);
  // What this finding read, for its `measured`: the conditions tested and the sentences written.
  _clear(read, rule.reads.paths.length);
  let status: Status;
  let explanation: string;
  let dueAt: string | undefined;
  if (rule.applies >= 0 && !_truth(rule, verdicts, rule.applies)) {
    status = 'not_applicable';
    _setAll(cited, rule.notApplicable.facts);
    explanation = rule.notApplicable.render(text);
  } else {
    const results = new Array<CheckResult>(rule.checks.length);
    status = 'not_applicable';
    for (let i = 0; i < results.length; i++) {
      const r = _judgeCheck(rule, rule.checks[i] as CompiledCheck, verdicts, text);
      results[i] = r;
      status = worseStatus(status, r.status);
    }
    // At most one sentence per check: a list made at that length (one grown by push reserves 17).
    const sentences = new Array<CheckSentence>(results.length);
    let written = 0;
    for (let i = 0; i < results.length; i++) {
      const r = results[i] as CheckResult;
      // A check left out as not applicable cites nothing unless the whole finding is not applicable.
      const check = rule.checks[i] as CompiledCheck;
      if (r.status !== 'not_applicable' || status === 'not_applicable') _setAll(cited, check.facts);
      _setAll(read, check.appliesReads);
      // The check's status is its first outcome that holds: the outcomes after it are not read.
      if (r.status !== 'not_applicable')
        for (let k = 0; k < check.outcomes.length; k++) {
          const o = check.outcomes[k] as Outcome;
          _setAll(read, o.reads);
          if (_truth(rule, verdicts, o.stage)) break;
        }
      if (status === 'pending' && r.status === 'pending') dueAt = _earlier(dueAt, r.dueAt);
      if (r.explain === undefined) continue;
      _setAll(cited, r.explain.facts);
      _setAll(read, r.explain.reads);
      sentences[written++] = { status: r.status, text: r.explain.render(text) };
    }
    sentences.length = written;
    explanation = joinCheckSentences(sentences);
  }
  const finding: Finding = {
    ref: rule.ref,
    id: rule.id,
    status,
    explanation,
    evidence: _evidence(rule, run.index, values, cited),
  };
  const measured = findingMeasured(run.detail ?? 'findings', status, rule.reads, read, values, () =>
    _measured(rule, values),
  );
  if (measured) finding.measured = measured;
  if (dueAt) finding.dueAt = dueAt;
  const anchor = rule.periodAnchor?.(run.index);
  if (anchor) finding.periodAnchor = formatInstant(anchor.atMs, run.calendar.clock);
  if (run.fullMeasured) {
    const full = run.detail === 'full' ? (measured ?? {}) : undefined;
    run.fullMeasured.push(isMarkedStatus(status) ? (full ?? _measured(rule, values)) : null);
  }
  return finding;
}

/** `n` flags, all false. */
function _clear(flags: boolean[], n: number): void {
  flags.length = n;
  flags.fill(false);
}

/** Sets `flags[i]` for each index listed. */
function _setAll(flags: boolean[], list: readonly number[]): void {
  for (let k = 0; k < list.length; k++) flags[list[k] as number] = true;
}

type Outcome = CompiledCheck['outcomes'][number];

/** One check: not applicable, or the first of its outcomes that holds, else pass. */
function _judgeCheck(
  rule: CompiledRule,
  check: CompiledCheck,
  verdicts: StageVerdicts,
  text: FactValues,
): CheckResult {
  if (check.applies >= 0 && !_truth(rule, verdicts, check.applies))
    return { status: 'not_applicable', explain: check.explain.not_applicable, dueAt: undefined };
  // Every outcome's verdict is read (a missing one is an error), and the first that holds wins.
  const outcomes = check.outcomes;
  let first = -1;
  for (let k = 0; k < outcomes.length; k++)
    if (_truth(rule, verdicts, (outcomes[k] as Outcome).stage) && first < 0) first = k;
  const o = outcomes[first];
  if (o === undefined) return { status: 'pass', explain: check.explain.pass, dueAt: undefined };
  let dueAt: string | undefined;
  // A pending check falls due at the earliest dueAt of its pending outcomes that hold.
  if (o.status === 'pending')
    for (let k = first; k < outcomes.length; k++) {
      const h = outcomes[k] as Outcome;
      if (h.status === 'pending' && h.due && _truth(rule, verdicts, h.stage))
        dueAt = _earlier(dueAt, h.due.render(text));
    }
  return { status: o.status, explain: o.explain ?? check.explain[o.status], dueAt };
}

/** The verdict of a stage; an evaluator that gave none is a defect, reported as such. */
function _truth(rule: CompiledRule, verdicts: StageVerdicts, stage: number): boolean {
  const v = verdicts[stage];
  if (v === undefined) throw new Error(`the evaluator gave no verdict for ${rule.stages[stage]?.key}`);
  return v;
}

/** The ids of the events the cited facts relied on, in time order without repeats. */
function _evidence(
  rule: CompiledRule,
  index: CaseIndex,
  values: FactValues,
  cited: readonly boolean[],
): string[] {
  const lists = new Array<readonly string[]>(rule.facts.length);
  let n = 0;
  for (let f = 0; f < rule.facts.length; f++) {
    if (cited[f] !== true) continue;
    const ids = (values[(rule.facts[f] as CompiledFact).name] as FactValue | undefined)?.eventIds;
    if (ids !== undefined) lists[n++] = ids;
  }
  lists.length = n;
  return idsInTimeOrder(index, lists);
}

/**
 * The finding's `measured` (`--detail full`): each fact less its unmeasured keys, and the
 * resolved parameters, copied as JSON data with keys in code-unit order, the order the reports
 * print; nothing is shared between findings or results (`test/engine/measured.test.ts`).
 */
function _measured(rule: CompiledRule, values: FactValues): Record<string, unknown> {
  const measured: Record<string, unknown> = {};
  for (const entry of rule.measured) {
    if (entry === 'parameters') {
      measured.parameters = jsonCopy(rule.measuredParams);
      continue;
    }
    const f = rule.facts[entry] as CompiledFact;
    const value = values[f.name];
    if (value !== undefined) measured[f.name] = jsonCopy(value, { omit: f.unmeasured });
  }
  return measured;
}

/** The earlier of two instants (ISO strings; an empty or missing one ignored; the first on a tie). */
function _earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (!b) return a || undefined;
  if (!a) return b;
  return Date.parse(b) < Date.parse(a) ? b : a;
}
