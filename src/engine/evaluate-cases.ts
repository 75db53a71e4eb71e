import type { CaseResult } from '../model/finding.js';
import type { TypedCaseResult } from '../model/finding-types.js';
import type { InputIssue } from '../model/issues.js';
import { requireIterable } from '../model/usage-error.js';
import {
  type EvaluateCaseOptions,
  evaluateCase,
  InvalidCaseError,
  preparedFor,
  resolveAsOfMs,
} from './evaluate-case.js';

/** A case that could not be judged: it is listed with its problems, never dropped. */
export interface RejectedCase {
  caseId: string;
  /** Events the case held, counted so that events in equals judged plus rejected. */
  events: number;
  problems: InputIssue[];
}

/** What {@link evaluateCases} yields for each case read, in input order. */
export type CaseOutcome =
  | { kind: 'judged'; result: CaseResult }
  | { kind: 'rejected'; rejected: RejectedCase };

/** What {@link evaluateCases} yields: a {@link CaseOutcome} whose findings are typed for callers. */
export type TypedCaseOutcome =
  | { kind: 'judged'; result: TypedCaseResult }
  | { kind: 'rejected'; rejected: RejectedCase };

/** An input case, possibly already found invalid by a reader (so it is rejected with its problems). */
export type CaseSource = unknown | { readonly rejected: RejectedCase };

/** Options of {@link evaluateCases}. */
export type EvaluateCasesOptions = EvaluateCaseOptions;

/**
 * Whether an item is a reader's rejection (`{ rejected, source }`) rather than a case: never a
 * case, which has `events` (a case may hold a field named `rejected` of its own). The one test
 * every part that reads cases uses, so that no part takes a case for a rejection.
 *
 * @example
 * isReaderRejection({ rejected: { caseId: 'C1', events: 2, problems: [] }, source }); // true
 * isReaderRejection({ caseId: 'C1', rejected: { note: 'a field' }, events: [] }); // false
 */
export const isReaderRejection = (x: unknown): x is { rejected: RejectedCase } => {
  if (x === null || typeof x !== 'object' || Object.hasOwn(x, 'events')) return false;
  const r = (x as { rejected?: Partial<RejectedCase> | null }).rejected;
  return typeof r === 'object' && r !== null && typeof r.caseId === 'string' && Array.isArray(r.problems);
};

/**
 * Streams cases through {@link evaluateCase}: an async (or sync) iterable in, an async iterable
 * of outcomes out, one case in memory at a time. An invalid case is yielded as `rejected` with
 * its problems and the rest go on.
 *
 * @example
 * for await (const outcome of evaluateCases(readCases('log.ndjson'), { ruleset, asOf })) {
 *   if (outcome.kind === 'judged') console.log(outcome.result.caseId, outcome.result.status);
 * }
 */
export async function* evaluateCases(
  cases: AsyncIterable<CaseSource> | Iterable<CaseSource>,
  options: EvaluateCasesOptions,
): AsyncGenerator<TypedCaseOutcome> {
  requireIterable('evaluateCases', cases, 'cases', 'evaluateCases(cases, { ruleset, asOf })');
  const prepared = preparedFor(options, 'evaluateCases');
  const asOfMs = resolveAsOfMs(options.asOf, prepared.calendar.clock);
  const opts = { ...options, prepared, asOf: asOfMs, untrusted: true as const };
  for await (const c of cases) {
    if (isReaderRejection(c)) {
      yield { kind: 'rejected', rejected: c.rejected };
      continue;
    }
    try {
      yield { kind: 'judged', result: await evaluateCase(c, opts) };
    } catch (e) {
      if (!(e instanceof InvalidCaseError)) throw e;
      const events = (c as { events?: unknown } | null | undefined)?.events;
      yield {
        kind: 'rejected',
        rejected: { caseId: e.caseId, events: Array.isArray(events) ? events.length : 0, problems: e.issues },
      };
    }
  }
}
