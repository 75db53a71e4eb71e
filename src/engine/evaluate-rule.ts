import type { Detail, Finding, Status } from '../model/finding.js';
import { isMarkedStatus } from '../model/vocabulary.js';
import type { WorkingCalendar } from '../time/calendar.js';
import { isoDateFromDay } from '../time/days.js';
import { formatInstant } from '../time/instant.js';
import type { AnchorPoint, CaseIndex } from './case-index.js';
import { joinCheckSentences } from './check-sentences.js';
import type { CompiledCheck, CompiledFact, CompiledRule, CompiledTemplate, Stage } from './compiled-rule.js';
import type { FactValues } from './conditions.js';
import type { ConditionEvaluator, StageVerdicts } from './evaluator.js';
import { type FactContext, type FactValue, idsInTimeOrder } from './fact-context.js';
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
  readonly flags: FindingFlags;
}

/**
 * What a finding keeps as it is written: its stages' verdicts (in `rule.stages` order), the facts
 * it cites (by index in `rule.facts`), the paths it reads (by index in `rule.reads.paths`), which
 * outcome of each check held, and its check sentences with their statuses. One set serves every
 * rule of a case, cleared or cut to length for each: lists per finding were a large share of what
 * judging a case allocated.
 */
export interface FindingFlags {
  readonly verdicts: boolean[];
  readonly cited: boolean[];
  readonly read: boolean[];
  /** Per check (in `rule.checks` order), which of its outcomes held (see `_heldOutcome`). */
  readonly held: number[];
  /** The finding's check sentences so far, and the status of the check that wrote each. */
  readonly sentences: string[];
  readonly sentenceStatuses: Status[];
}

/** Empty flags, for the findings of one case. */
export function findingFlags(): FindingFlags {
  // Stryker disable next-line ArrayDeclaration: each list is cleared or cut to length before it is read
  return { verdicts: [], cited: [], read: [], held: [], sentences: [], sentenceStatuses: [] };
}

/** `asOf` as explanation templates read it: the instant in the zone and its local date. */
export function describeAsOf(index: CaseIndex, calendar: WorkingCalendar, asOfMs: number) {
  // indexCase always sets the asOf anchor.
  return {
    at: formatInstant(asOfMs, calendar.clock),
    date: isoDateFromDay((index.anchors.asOf as AnchorPoint).day),
  };
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
    const m = _measuring(rule, run);
    const values: FactValues = m.facts;
    const verdicts = run.flags.verdicts;
    _clear(verdicts, rule.stages.length);
    // A rule that does not apply is measured no further than its applicability needs: its
    // finding reads nothing else, unless it keeps every fact (`--detail full`).
    const appliesFirst = rule.applies >= 0 && run.detail !== 'full';
    if (appliesFirst) {
      _measureFacts(rule, m, 0, rule.appliesNeeds);
      const applies = (rule.stages[rule.applies] as Stage).test(values);
      verdicts[rule.applies] = applies;
      if (!applies) return findingOf(rule, run, values, verdicts);
    }
    _measureFacts(rule, m, appliesFirst ? rule.appliesNeeds : 0, rule.facts.length);
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
    const m = _measuring(rule, run);
    _measureFacts(rule, m, 0, rule.facts.length);
    return findingOf(rule, run, m.facts, await evaluator.evaluate(rule, m.facts));
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

/** What facts are measured in, holding the values the conditions read ({@link _measureFacts}). */
interface _Measuring extends FactContext {
  readonly facts: Record<string, FactValue>;
}

/** An empty measure of a rule: `case`, `params` and `asOf` (epoch ms) before any fact. */
function _measuring(rule: CompiledRule, run: RuleRun): _Measuring {
  const facts = { case: run.index.state, params: rule.params, asOf: run.asOfMs } as Record<string, unknown>;
  return {
    index: run.index,
    calendar: run.calendar,
    asOfMs: run.asOfMs,
    facts: facts as Record<string, FactValue>,
  };
}

/**
 * Measures the rule's facts `from` to `to` (exclusive) by name into `m.facts`, in declaration
 * order (a fact's template may read those before it).
 */
function _measureFacts(rule: CompiledRule, m: _Measuring, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const f = rule.facts[i] as CompiledFact;
    m.facts[f.name] = f.compute(m);
  }
}

/** The finding, from the facts and the stages' verdicts (in `rule.stages` order). */
function findingOf(rule: CompiledRule, run: RuleRun, values: FactValues, verdicts: StageVerdicts): Finding {
  // Explanations read `asOf` as text, where the conditions read it in epoch ms.
  const asOf = run.asOfText;
  const { cited, read, held, sentences, sentenceStatuses } = run.flags;
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
    explanation = rule.notApplicable.render(values, asOf);
  } else {
    held.length = rule.checks.length;
    status = 'not_applicable';
    for (let i = 0; i < held.length; i++) {
      const check = rule.checks[i] as CompiledCheck;
      held[i] = _heldOutcome(rule, check, verdicts);
      status = worseStatus(status, _checkStatus(check, held[i] as number));
    }
    let written = 0;
    for (let i = 0; i < held.length; i++) {
      const check = rule.checks[i] as CompiledCheck;
      const h = held[i] as number;
      const checkStatus = _checkStatus(check, h);
      // A check left out as not applicable cites nothing unless the whole finding is not applicable.
      if (checkStatus !== 'not_applicable' || status === 'not_applicable') _setAll(cited, check.facts);
      _setAll(read, check.appliesReads);
      // The check's status is its first outcome that holds: the outcomes after it are not read.
      if (checkStatus !== 'not_applicable')
        for (let k = 0; k < check.outcomes.length; k++) {
          const o = check.outcomes[k] as Outcome;
          _setAll(read, o.reads);
          if (_truth(rule, verdicts, o.stage)) break;
        }
      if (checkStatus === 'pending') {
        const due = _dueAt(rule, check, h, verdicts, values, asOf);
        if (status === 'pending') dueAt = _earlier(dueAt, due);
      }
      const explain = _checkExplanation(check, h);
      if (explain === undefined) continue;
      _setAll(cited, explain.facts);
      _setAll(read, explain.reads);
      sentences[written] = explain.render(values, asOf);
      sentenceStatuses[written++] = checkStatus;
    }
    explanation = joinCheckSentences(sentenceStatuses, sentences, written);
  }
  const finding: Finding = {
    ref: rule.ref,
    id: rule.id,
    status,
    explanation,
    evidence: _evidence(rule, run.index, values, cited),
  };
  const detail = run.detail ?? 'findings';
  const measured =
    detail === 'full' ? _measured(rule, values) : findingMeasured(detail, status, rule.reads, read, values);
  if (measured) finding.measured = measured;
  if (dueAt) finding.dueAt = dueAt;
  const anchor = rule.periodAnchor?.(run.index);
  if (anchor) finding.periodAnchor = formatInstant(anchor.atMs, run.calendar.clock);
  if (run.fullMeasured) {
    const full = detail === 'full' ? (measured ?? {}) : undefined;
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
  for (const i of list) flags[i] = true;
}

type Outcome = CompiledCheck['outcomes'][number];

/** {@link FindingFlags.held}: a check that did not apply, or one none of whose outcomes held. */
const _NOT_APPLIED = -2;
const _PASSED = -1;

/**
 * Which of a check's outcomes held: the first whose stage holds, else {@link _PASSED}, or
 * {@link _NOT_APPLIED}. Every outcome's verdict is read (a missing one is an error).
 */
function _heldOutcome(rule: CompiledRule, check: CompiledCheck, verdicts: StageVerdicts): number {
  if (check.applies >= 0 && !_truth(rule, verdicts, check.applies)) return _NOT_APPLIED;
  let first = _PASSED;
  for (let k = 0; k < check.outcomes.length; k++)
    if (_truth(rule, verdicts, (check.outcomes[k] as Outcome).stage) && first < 0) first = k;
  return first;
}

/** The status of a check whose outcome `held` held. */
function _checkStatus(check: CompiledCheck, held: number): Status {
  if (held === _NOT_APPLIED) return 'not_applicable';
  if (held === _PASSED) return 'pass';
  return (check.outcomes[held] as Outcome).status;
}

/** The sentence a check writes when its outcome `held` held, if any. */
function _checkExplanation(check: CompiledCheck, held: number): CompiledTemplate | undefined {
  if (held === _NOT_APPLIED) return check.explain.not_applicable;
  if (held === _PASSED) return check.explain.pass;
  const o = check.outcomes[held] as Outcome;
  return o.explain ?? check.explain[o.status];
}

/** When a pending check falls due: the earliest dueAt of its pending outcomes that hold, from `held` on. */
function _dueAt(
  rule: CompiledRule,
  check: CompiledCheck,
  held: number,
  verdicts: StageVerdicts,
  values: FactValues,
  asOf: RuleRun['asOfText'],
): string | undefined {
  let dueAt: string | undefined;
  for (let k = held; k < check.outcomes.length; k++) {
    const o = check.outcomes[k] as Outcome;
    if (o.status === 'pending' && o.due && _truth(rule, verdicts, o.stage))
      dueAt = _earlier(dueAt, o.due.render(values, asOf));
  }
  return dueAt;
}

/** The verdict of a stage; an evaluator that gave none is a defect, reported as such. */
function _truth(rule: CompiledRule, verdicts: StageVerdicts, stage: number): boolean {
  const v = verdicts[stage];
  // Stryker disable next-line OptionalChaining: every stage index read (an outcome's, or an applicability checked >= 0) is a stage
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
  // Stryker disable next-line ArrayDeclaration: the list is cut to the lists kept; its starting length only saves growing it
  const lists = new Array<readonly string[]>(rule.facts.length);
  let n = 0;
  for (let f = 0; f < rule.facts.length; f++) {
    // A cited fact is always measured (applicability's facts first; checks' only once the rule applies).
    if (cited[f] === true) lists[n++] = (values[(rule.facts[f] as CompiledFact).name] as FactValue).eventIds;
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
    // Every fact is measured: a rule judged at --detail full, or one found at fault, measured them all.
    const f = rule.facts[entry] as CompiledFact;
    measured[f.name] = jsonCopy(values[f.name], { omit: f.unmeasured });
  }
  return measured;
}

/** The earlier of two instants (ISO strings; an empty or missing one ignored; the first on a tie). */
function _earlier(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  // An empty or missing b parses as NaN, which is never earlier.
  return Date.parse(b as string) < Date.parse(a) ? b : a;
}
