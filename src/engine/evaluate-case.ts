import type { CaseInput } from '../model/case-types.js';
import type { Config } from '../model/config.js';
import type { CaseResult, Detail, Finding, Status } from '../model/finding.js';
import type { TypedCaseResult } from '../model/finding-types.js';
import type { InputIssue } from '../model/issues.js';
import { UsageError } from '../model/usage-error.js';
import { civilFromDays, isoDateFromDay } from '../time/days.js';
import { formatInstant, localDayOf, parseInstant } from '../time/instant.js';
import { MAX_YEAR, MIN_YEAR } from '../time/table.js';
import type { Zone } from '../time/zone-clock.js';
import { indexCase } from './case-index.js';
import type { CompiledRule } from './compiled-rule.js';
import { describeAsOf, findingFlags, judgeRule, judgeRuleWith } from './evaluate-rule.js';
import type { ConditionEvaluator } from './evaluator.js';
import { normalizeCase } from './normalize.js';
import { type PreparedEvaluation, prepareEvaluation } from './prepare.js';
import type { Ruleset } from './ruleset.js';
import { worseStatus } from './status.js';
import { requireRulesetOption } from './usage.js';

/** Options of {@link evaluateCase}. `asOf` is required: verdicts are always "as of" an instant. */
export interface EvaluateCaseOptions {
  ruleset: Ruleset;
  /** The instant of the evaluation: an ISO string (read in the configured zone if naive), a Date or epoch ms. */
  asOf: string | Date | number;
  config?: Config | undefined;
  only?: readonly string[] | undefined;
  skip?: readonly string[] | undefined;
  /**
   * How conditions are decided: by default each rule's compiled tests, proven identical to
   * json-rules-engine; `createJsonRulesEngineEvaluator()` decides with json-rules-engine itself
   * (the reference).
   */
  evaluator?: ConditionEvaluator | undefined;
  /**
   * How much of what the facts measured each finding carries (`interface.md`, `--detail`):
   * `findings` (the default) only what its explanation and checks read, `full` everything,
   * parameters included, `summary` nothing.
   */
  detail?: Detail | undefined;
  /**
   * Also return what the audit report's drill-down shows: the case's events (ids, types, dates,
   * working days since receipt) as `timeline`, and each fail, error or pending finding's full
   * measurements as `fullMeasured`, whatever the `detail`.
   */
  timeline?: boolean | undefined;
  /**
   * The ruleset already compiled for this config ({@link prepareEvaluation}): without it every
   * call compiles the ruleset again, so pass it when judging many cases one by one.
   */
  prepared?: PreparedEvaluation | undefined;
  /**
   * Says the input is data of unknown shape (typed `unknown`), which {@link evaluateCase} then
   * accepts; it is validated at run time as every input is.
   */
  untrusted?: boolean | undefined;
}

/** A case rejected as invalid, with every problem found in it. */
export class InvalidCaseError extends Error {
  constructor(
    readonly caseId: string,
    readonly issues: InputIssue[],
  ) {
    super(
      `case "${caseId}" is invalid:\n${issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
    this.name = 'InvalidCaseError';
  }
}

/**
 * The compiled ruleset for these options: `prepared` when given, else compiled now. Nothing is
 * kept between calls, so a caller judging many cases one by one prepares once
 * ({@link prepareEvaluation}) and passes it as `prepared`.
 */
export function preparedFor(o: Omit<EvaluateCaseOptions, 'asOf'>, fn = 'evaluateCase'): PreparedEvaluation {
  const ruleset = requireRulesetOption(fn, o, `${fn}(history, { ruleset, asOf })`);
  return o.prepared ?? prepareEvaluation(ruleset, { config: o.config, only: o.only, skip: o.skip });
}

/**
 * Reads `asOf` into epoch ms; a naive string is read in the zone. An instant outside the years
 * the working calendar covers is refused.
 */
export function resolveAsOfMs(asOf: EvaluateCaseOptions['asOf'], zone: Zone): number {
  if (asOf === undefined || asOf === null) {
    throw new UsageError(
      'missing_as_of',
      "options.asOf is missing: pass the instant the verdicts are as of, e.g. asOf: '2025-06-30T17:00:00+01:00' (or a Date)",
    );
  }
  let ms: number;
  if (typeof asOf === 'number') ms = asOf;
  else if (asOf instanceof Date) ms = asOf.getTime();
  else {
    const p = parseInstant(asOf, zone);
    if ('error' in p) throw new TypeError(`asOf: ${p.error}`);
    ms = p.epochMs;
  }
  if (!Number.isFinite(ms)) throw new TypeError(`asOf: ${String(asOf)} is not an instant`);
  const [year] = civilFromDays(localDayOf(ms, zone));
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new TypeError(
      `asOf: ${String(asOf)} is in the year ${year}: the working calendar covers ${MIN_YEAR}-${MAX_YEAR}`,
    );
  return ms;
}

/**
 * Judges one case against every enabled indicator of the ruleset: one finding per indicator,
 * in ruleset order. The input is validated first; an invalid case throws
 * {@link InvalidCaseError} listing every problem. Nothing passed in is mutated.
 *
 * @example
 * const ruleset = await loadRuleset();
 * const result = await evaluateCase(
 *   { caseId: 'C1', events: [{ type: 'complaint.received', at: '2024-05-01T09:00:00+01:00' }] },
 *   { ruleset, asOf: '2024-06-01T00:00:00Z' },
 * );
 * result.findings[0]?.status; // 'pass' | 'fail' | ...
 */
export function evaluateCase(input: CaseInput, options: EvaluateCaseOptions): Promise<TypedCaseResult>;
/**
 * Judges data of unknown shape (a parsed message, a row read elsewhere): say so with
 * `untrusted: true`. It is validated first; an invalid case throws {@link InvalidCaseError}.
 *
 * @example
 * const result = await evaluateCase(JSON.parse(body) as unknown, { ruleset, asOf, untrusted: true });
 */
export function evaluateCase(
  input: unknown,
  options: EvaluateCaseOptions & { untrusted: true },
): Promise<TypedCaseResult>;
export async function evaluateCase(input: unknown, options: EvaluateCaseOptions): Promise<TypedCaseResult> {
  return (await _evaluate(input, options)) as TypedCaseResult;
}

async function _evaluate(input: unknown, options: EvaluateCaseOptions): Promise<CaseResult> {
  const prepared = preparedFor(options);
  const asOfMs = resolveAsOfMs(options.asOf, prepared.calendar.clock);
  const normalized = normalizeCase(input, { zone: prepared.calendar.clock, asOfMs });
  if (!normalized.success) throw new InvalidCaseError(normalized.caseId, normalized.issues);
  const index = indexCase(normalized.case, prepared.calendar, asOfMs);
  const { evaluator } = options;
  const calendar = prepared.calendar;
  const asOfText = describeAsOf(index, calendar, asOfMs);
  const fullMeasured: (Record<string, unknown> | null)[] | undefined = options.timeline ? [] : undefined;
  const flags = findingFlags();
  const run = { index, calendar, asOfMs, asOfText, detail: options.detail, fullMeasured, flags };
  const findings = new Array<Finding>(prepared.rules.length);
  let status: Status = 'not_applicable';
  for (let i = 0; i < findings.length; i++) {
    const rule = prepared.rules[i] as CompiledRule;
    const finding = evaluator ? await judgeRuleWith(rule, run, evaluator) : judgeRule(rule, run);
    findings[i] = finding;
    status = worseStatus(status, finding.status);
  }
  const result: CaseResult = {
    caseId: normalized.case.caseId,
    status,
    events: normalized.case.eventsRead,
    eventsAfterAsOf: normalized.case.eventsAfterAsOf,
    findings,
  };
  const receipt = index.anchors.receipt;
  if (receipt) result.receivedOn = isoDateFromDay(receipt.day);
  if (options.timeline) {
    const clock = calendar.clock;
    result.timeline = index.events.map((e) => ({
      id: e.id,
      type: e.type,
      at: formatInstant(e.atMs, clock),
      date: isoDateFromDay(e.day),
      workingDaysSinceReceipt:
        receipt && e.atMs >= receipt.ms
          ? calendar.elapsedWorkingDays(receipt.day, e.day, index.paused)
          : null,
    }));
    result.fullMeasured = fullMeasured;
  }
  return result;
}

/**
 * A result without what only the audit report's drill-down shows (`timeline`, `fullMeasured`):
 * every other report is the same whatever else the run writes.
 *
 * @example
 * formatNdjsonCase(withoutDrillDown(result));
 */
export function withoutDrillDown(result: CaseResult): CaseResult {
  if (result.timeline === undefined && result.fullMeasured === undefined) return result;
  const { timeline: _t, fullMeasured: _m, ...rest } = result;
  return rest;
}
