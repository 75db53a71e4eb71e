/**
 * `selfAssessment()`: the annual self-assessment of a period from a stream of cases
 * (`housing-code-2024.md` section SA). Judges each case as of `asOf`, counts the findings placed
 * in the period, and fills the form's rows from them and from a person's statements.
 */

import { preparedFor, resolveAsOfMs } from '../engine/evaluate-case.js';
import { type CaseSource, evaluateCases } from '../engine/evaluate-cases.js';
import { ConfigError, type PreparedEvaluation } from '../engine/prepare.js';
import type { Ruleset } from '../engine/ruleset.js';
import { requireRulesetOption, requireRulesetValue } from '../engine/usage.js';
import type { Config } from '../model/config.js';
import type { CaseResult } from '../model/finding.js';
import { fromZodIssues } from '../model/issues.js';
import { requireIterable, UsageError } from '../model/usage-error.js';
import { type Period, PeriodSchema, periodMeta } from '../period/period.js';
import { formatInstant } from '../time/instant.js';
import type { SelfAssessmentResult } from './document.js';
import type { ProvisionList } from './provisions.js';
import { buildRows } from './rows.js';
import { type StatementsFile, StatementsFileSchema, unknownProvisionIssues } from './statements.js';
import { createSelfAssessmentTally, type SelfAssessmentTally } from './tally.js';

/** The parameter holding the suggestion's bar, in percent (`housing-code-2024.md`, Parameters). */
export const COMPLY_AT_PARAMETER = 'selfAssessment.complyAt';

/** Options of {@link selfAssessment}. */
export interface SelfAssessmentOptions {
  ruleset: Ruleset;
  /** Local dates in the calendar's zone, both inclusive. */
  period: Period;
  asOf: string | Date | number;
  /** A person's statements (validated here: an unknown provision is a {@link ConfigError}). */
  statements?: unknown;
  config?: Config | undefined;
}

/** The provision list a ruleset offers, or a usage error naming the ruleset. */
export function provisionListOf(ruleset: Ruleset): ProvisionList {
  requireRulesetValue('provisionListOf', ruleset);
  if (!ruleset.selfAssessment)
    throw new UsageError(
      'no_period_output',
      `ruleset ${ruleset.manifest.id} offers no self-assessment (its periodOutputs do not list "self-assessment")`,
    );
  return ruleset.selfAssessment;
}

/**
 * A statements file's content, validated against the provision list. Throws {@link ConfigError}
 * naming each problem, an unknown provision number included.
 *
 * @example
 * parseStatements({ provisions: { '3.1': { comply: 'yes' } } }, list);
 */
export function parseStatements(value: unknown, list: ProvisionList): StatementsFile {
  // The input is reported back, so that a wrong value is not called missing.
  const parsed = StatementsFileSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw new ConfigError(fromZodIssues(parsed.error.issues));
  // The keys are read from the input: zod copies a `__proto__` key as the copy's prototype,
  // which would drop that statement in silence.
  const unknown = unknownProvisionIssues(value as StatementsFile, list);
  if (unknown.length > 0) throw new ConfigError(unknown);
  return parsed.data;
}

/** The suggestion's bar: the config's parameter, else the ruleset's default, else 100. */
export function complyAtOf(prepared: PreparedEvaluation): number {
  const configured = prepared.config.parameters?.[COMPLY_AT_PARAMETER];
  const fallback = prepared.ruleset.manifest.parameters[COMPLY_AT_PARAMETER]?.default;
  const value = configured ?? fallback ?? 100;
  if (typeof value !== 'number' || value < 0 || value > 100)
    throw new ConfigError([
      {
        code: 'invalid_parameter',
        path: ['parameters', COMPLY_AT_PARAMETER],
        message: `${COMPLY_AT_PARAMETER} must be a percentage from 0 to 100`,
      },
    ]);
  return value;
}

/** What a tally becomes once every case is counted: rows, summary and the period. */
export function finishSelfAssessment(
  tally: SelfAssessmentTally,
  run: {
    list: ProvisionList;
    prepared: PreparedEvaluation;
    period: Period;
    asOfMs: number;
    statements?: StatementsFile | undefined;
    rejected: SelfAssessmentResult['rejected'];
  },
): SelfAssessmentResult {
  const zone = run.prepared.zone;
  const titles = new Map(
    run.prepared.ruleset.rules.flatMap((r) => (r.title ? [[r.ref, r.title] as const] : [])),
  );
  const { rows, summary } = buildRows(run.list, tally.counts(), {
    period: run.period,
    asOfDate: formatInstant(run.asOfMs, zone).slice(0, 10),
    complyAt: complyAtOf(run.prepared),
    statements: run.statements,
    titles,
    judged: new Set(run.prepared.rules.map((r) => r.ref)),
  });
  return { period: periodMeta(run.period, run.asOfMs, zone), rows, summary, rejected: run.rejected };
}

/**
 * The self-assessment of a period: every provision's row in Code order, filled from the findings
 * of its indicators placed in the period and from `statements`; the summary; the cases rejected
 * as invalid (listed, never dropped).
 *
 * @example
 * const sa = await selfAssessment(readCases('log.ndjson'), {
 *   ruleset: await loadRuleset({ id: 'hoc-code-2024' }),
 *   period: { from: '2024-04-01', to: '2025-03-31' }, asOf: '2025-04-30' });
 * sa.rows[0]?.provision; // '1.2'
 */
export async function selfAssessment(
  cases: AsyncIterable<CaseSource> | Iterable<CaseSource>,
  options: SelfAssessmentOptions,
): Promise<SelfAssessmentResult> {
  const call = "selfAssessment(cases, { ruleset, period: { from: '2024-04-01', to: '2025-03-31' }, asOf })";
  requireIterable('selfAssessment', cases, 'cases', call);
  requireRulesetOption('selfAssessment', options, call);
  const list = provisionListOf(options.ruleset);
  const period = PeriodSchema.parse(options.period);
  const statements = options.statements === undefined ? undefined : parseStatements(options.statements, list);
  const prepared = preparedFor(options, 'selfAssessment');
  const asOfMs = resolveAsOfMs(options.asOf, prepared.zone);
  const tally = createSelfAssessmentTally(list, period, prepared.zone);
  const rejected: SelfAssessmentResult['rejected'] = [];
  for await (const outcome of evaluateCases(cases, { ...options, prepared, asOf: asOfMs })) {
    if (outcome.kind === 'judged') tally.add(outcome.result as CaseResult);
    else rejected.push({ caseId: outcome.rejected.caseId, problems: outcome.rejected.problems });
  }
  return finishSelfAssessment(tally, { list, prepared, period, asOfMs, statements, rejected });
}
