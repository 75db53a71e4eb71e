import { z } from 'zod';
import { STATUSES } from './vocabulary.js';

/** A finding's status, worst first: error, fail, insufficient_evidence, pending, pass, not_applicable. */
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

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
  /** The measurements the verdict was read from (dates, counts, working days, targets). */
  measured: z.record(z.string(), z.unknown()),
  /** When a pending finding falls due (ISO instant in the calendar's zone). */
  dueAt: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

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
  /** Where the case was read from (file and 1-based line or record), when read from a file. */
  source: z.strictObject({ file: z.string(), line: z.number().int() }).optional(),
});
export type CaseResult = z.infer<typeof CaseResultSchema>;

/** Counts by status, every status present (zero when none). */
export const StatusCountsSchema = z.strictObject(
  Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as Record<Status, z.ZodNumber>,
);
export type StatusCounts = z.infer<typeof StatusCountsSchema>;
