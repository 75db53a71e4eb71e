import { z } from 'zod';

export type { Review, ReviewFile } from './contract.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(_isCalendarDate, 'is not a real date (no such day in that month)')
  .describe('a local date, YYYY-MM-DD');

/** 2024-02-29 is a date; 2024-02-30 and 2024-13-01 are not. */
function _isCalendarDate(text: string): boolean {
  const [y = 0, m = 0, d = 0] = text.split('-').map(Number);
  const day = new Date(Date.UTC(2000, m - 1, d));
  day.setUTCFullYear(y);
  return m >= 1 && m <= 12 && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/**
 * One person's judgement on one finding: accept it as an exception, or override its status.
 * It applies only while the finding is the one reviewed (same fingerprint) and until it expires.
 *
 * @example
 * { caseId: 'C-1', ref: '1.3.1', decision: 'accept', reason: 'Delay agreed with the complainant',
 *   reviewer: 'A. Auditor', reviewedOn: '2025-07-01', fingerprint: '3f1c0a9e5b7d2468' }
 */
export const ReviewSchema = z
  .strictObject({
    caseId: z.string().min(1).describe('the case, as the report names it'),
    ref: z.string().min(1).describe("the indicator's ref (e.g. 1.3.1)"),
    decision: z
      .enum(['accept', 'override'])
      .describe('accept the finding as an exception, or override its status'),
    status: z
      .enum(['pass', 'fail', 'not_applicable'])
      .optional()
      .describe('the status an override gives the finding (override only)'),
    reason: z.string().trim().min(1, 'a review needs a reason').describe('why: required'),
    reviewer: z.string().trim().min(1, 'a review names its reviewer').describe('who reviewed'),
    reviewedOn: isoDate.describe('when it was reviewed'),
    expiresOn: isoDate.optional().describe('the last day it applies (it lapses after that day)'),
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{16}$/, 'expected the 16 hex digits the report or `review` command gives')
      .describe('the fingerprint of the finding reviewed'),
  })
  .superRefine((r, ctx) => {
    if (r.decision === 'override' && r.status === undefined)
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'an override names the status it gives' });
    if (r.decision === 'accept' && r.status !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'an accepted finding keeps its status: leave status out',
      });
  });

/** A review file (`--reviews FILE`, JSON or YAML). */
export const ReviewFileSchema = z.strictObject({
  reviews: z.array(ReviewSchema),
});
