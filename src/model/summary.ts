import { z } from 'zod';
import { StatusCountsSchema } from './finding.js';

const rate = z.number().min(0).max(1).nullable().describe('pass / (pass + fail); null when neither');

const problem = z.strictObject({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().optional(),
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
});
export type Summary = z.infer<typeof SummarySchema>;
