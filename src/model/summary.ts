import { z } from 'zod';
import { StatusCountsSchema } from './finding.js';

export type { BaselineSummary, ReviewedSummary, Summary } from './contract.js';

const rate = z.number().min(0).max(1).nullable().describe('pass / (pass + fail); null when neither');

const problem = z.strictObject({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().optional(),
});

const reviewedScope = z.strictObject({
  ref: z.string(),
  byStatus: StatusCountsSchema.describe('by status after review (accepted findings left out)'),
  accepted: z.number().int().describe('findings accepted as exceptions'),
  complianceRate: rate,
});

/** Counts and rates after review (`--reviews`), and the reviews that did not apply. */
export const ReviewedSummarySchema = z.strictObject({
  applied: z.number().int(),
  accepted: z.number().int(),
  byStatus: StatusCountsSchema,
  complianceRate: rate,
  indicators: z.array(reviewedScope),
  standards: z.array(reviewedScope),
  commitments: z.array(reviewedScope),
  notApplied: z.array(
    z.strictObject({
      caseId: z.string(),
      ref: z.string(),
      state: z.enum(['stale', 'lapsed', 'unmatched']),
      reviewer: z.string(),
      reviewedOn: z.string(),
      expiresOn: z.string().optional(),
      /** A stale review's finding, as it is now. */
      fingerprint: z.string().optional(),
    }),
  ),
});

/** Findings against a baseline run (`--baseline`). */
export const BaselineSummarySchema = z.strictObject({
  new: z.number().int(),
  unchanged: z.number().int(),
  updated: z.number().int(),
  absent: z.number().int(),
  newOrUpdatedByStatus: StatusCountsSchema.describe(
    'new and updated findings by status (after review; accepted ones left out): what --fail-on-new reads',
  ),
  absentFindings: z
    .array(z.strictObject({ caseId: z.string(), ref: z.string(), status: z.string() }))
    .describe('baseline findings of status error or fail that this run no longer has'),
});

/** Counts and compliance rates over a run (`interface.md`, JSON report `summary`). */
export const SummarySchema = z.strictObject({
  cases: z.number().int().describe('cases judged'),
  events: z.number().int().describe('events read in the judged cases, including those after asOf'),
  findings: z.number().int(),
  byStatus: StatusCountsSchema,
  complianceRate: rate,
  indicators: z.array(
    z.strictObject({
      ref: z.string(),
      id: z.string(),
      standard: z.string(),
      commitment: z.string(),
      byStatus: StatusCountsSchema,
      complianceRate: rate,
    }),
  ),
  standards: z.array(
    z.strictObject({
      ref: z.string(),
      title: z.string(),
      commitment: z.string(),
      byStatus: StatusCountsSchema,
      complianceRate: rate,
    }),
  ),
  commitments: z.array(
    z.strictObject({
      ref: z.string(),
      title: z.string(),
      byStatus: StatusCountsSchema,
      complianceRate: rate,
    }),
  ),
  unmappedActivities: z.record(z.string(), z.number().int()),
  eventsAfterAsOf: z.number().int().describe('events of judged cases left out because they are after asOf'),
  rejected: z.array(
    z.strictObject({ caseId: z.string(), events: z.number().int(), problems: z.array(problem) }),
  ),
  reviewed: ReviewedSummarySchema.optional(),
  baseline: BaselineSummarySchema.optional(),
});
