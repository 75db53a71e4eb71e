import { z } from 'zod';
import type { Status } from './contract.js';
import { STATUSES } from './vocabulary.js';

export type {
  AppliedReview,
  BaselineState,
  CaseResult,
  Finding,
  ReviewedStatus,
  Status,
  StatusCounts,
} from './contract.js';

/** A finding's status, worst first: error, fail, insufficient_evidence, pending, pass, not_applicable. */
export const StatusSchema = z.enum(STATUSES);

/** What a finding's status is after review: an override's status, or `accepted` as an exception. */
export const ReviewedStatusSchema = z.union([StatusSchema, z.literal('accepted')]);

/** A person's review as applied to a finding (`--reviews`); the finding keeps its own `status`. */
export const AppliedReviewSchema = z.strictObject({
  decision: z.enum(['accept', 'override']),
  /** The status after review. */
  status: ReviewedStatusSchema,
  reason: z.string(),
  reviewer: z.string(),
  reviewedOn: z.string(),
  expiresOn: z.string().optional(),
});

/** A finding against a baseline run (`--baseline`), as SARIF's `baselineState` names it. */
export const BaselineStateSchema = z.enum(['new', 'unchanged', 'updated']);

/**
 * How much of what the facts measured each finding carries (`--detail`, `interface.md`):
 * `findings` only the values its explanation and checks read, `full` everything the facts
 * measured, `summary` nothing (the report keeps only the counts).
 */
export const DETAILS = ['summary', 'findings', 'full'] as const;
export type Detail = (typeof DETAILS)[number];

/**
 * One verdict on one indicator for one case (`indicators.md`, "Statuses").
 *
 * @example
 * { ref: '2.1.2', id: 'complaints-process-information', status: 'pass', explanation: '...', evidence: ['e1', 'e2'], measured: {} }
 */
export const FindingSchema = z.strictObject({
  ref: z.string(),
  id: z.string(),
  status: StatusSchema,
  explanation: z.string(),
  /** Ids of the events the verdict relied on, in time order. */
  evidence: z.array(z.string()),
  /**
   * The measurements the verdict was read from (dates, counts, working days): at `--detail
   * findings` only what its own explanation (the sentences it has, not those of outcomes that did
   * not happen) and the conditions of its checks read, and none on a not-applicable finding; at
   * `full` everything the facts measured, parameters included.
   */
  measured: z.record(z.string(), z.unknown()).optional(),
  /** When a pending finding falls due (ISO instant in the calendar's zone). */
  dueAt: z.string().optional(),
  /**
   * The instant that places this finding in a period (ISO instant in the calendar's zone), as
   * the rule's `periodAnchor` declares it; none when the rule declares none or the case lacks it.
   */
  periodAnchor: z.string().optional(),
  /** The review applied to this finding, when one applies. */
  review: AppliedReviewSchema.optional(),
  /** New, unchanged or updated against the baseline run, when one is given. */
  baseline: BaselineStateSchema.optional(),
});

/** All findings for one case, in ruleset order; `status` is the worst of them. */
export const CaseResultSchema = z.strictObject({
  caseId: z.string(),
  status: StatusSchema,
  events: z.number().int(),
  eventsAfterAsOf: z.number().int(),
  findings: z.array(FindingSchema),
  /** The local date of receipt (the first `complaint.received`), when there is one. */
  receivedOn: z.string().optional(),
  /**
   * The case's events in time order, when asked for (`timeline: true`): what the audit report's
   * drill-down shows. Ids, types and dates only: never `data`, a letter's text or a name.
   */
  timeline: z
    .array(
      z.strictObject({
        id: z.string(),
        type: z.string(),
        at: z.string(),
        date: z.string(),
        /** Elapsed working days since receipt (paused days excluded); null before receipt or without one. */
        workingDaysSinceReceipt: z.number().int().nullable(),
      }),
    )
    .optional(),
  /**
   * With `timeline`, one entry per finding (in order): for a fail, error or pending finding,
   * everything its facts measured (as at `--detail full`), else null. The audit report marks the
   * events at fault and the deadlines from it whatever the report's detail; no other report
   * carries it.
   */
  fullMeasured: z.array(z.record(z.string(), z.unknown()).nullable()).optional(),
  /** Where the case was read from (file and 1-based line or record), when read from a file. */
  source: z.strictObject({ file: z.string(), line: z.number().int() }).optional(),
});

/** Counts by status, every status present (zero when none). */
export const StatusCountsSchema = z.strictObject(
  Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as Record<Status, z.ZodNumber>,
);
