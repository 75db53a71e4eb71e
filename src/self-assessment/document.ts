/**
 * The self-assessment as a document (`housing-code-2024.md` section SA, JSON shape): one row per
 * provision in Code order, the summary, and the cases that could not be read. The reporters
 * format this; nothing else goes into them.
 */
import { z } from 'zod';
import { StatusCountsSchema } from '../model/finding.js';
import { ReportMetaSchema } from '../model/report.js';
import { PROVISION_SOURCES } from './provisions.js';
import { ComplySchema } from './statements.js';

export type {
  RowLog,
  SelfAssessment,
  SelfAssessmentResult,
  SelfAssessmentRow,
  SelfAssessmentSummary,
} from '../model/contract.js';

/** What the log shows for one row, over its indicators' findings placed in the period. */
export const RowLogSchema = z.strictObject({
  byStatus: StatusCountsSchema,
  /** Findings judged pass or fail: the rate's denominator. */
  judged: z.number().int(),
  /** pass / (pass + fail), from 0 to 1; null when none was judged. */
  complianceRate: z.number().min(0).max(1).nullable(),
  /** Case ids with a failing finding, sorted, each once. */
  failedCases: z.array(z.string()),
  pendingCases: z.array(z.string()),
  /** Cases a person must look at: insufficient evidence, or an error judging them. */
  reviewCases: z.array(z.string()),
});

/** One row of the form. */
export const SelfAssessmentRowSchema = z.strictObject({
  provision: z.string(),
  section: z.number().int(),
  /** This tool's paraphrase of the provision, not the Code's words. */
  requirement: z.string(),
  source: z.enum(PROVISION_SOURCES),
  indicators: z.array(z.string()),
  stillToState: z.string().optional(),
  log: RowLogSchema.nullable(),
  suggestedComply: ComplySchema.nullable(),
  /** What the form shows: the person's statement, else on a `log` row the suggestion, else null. */
  comply: ComplySchema.nullable(),
  complySource: z.enum(['statement', 'suggested']).nullable(),
  /** The evidence the log gives (dates, counts, rate, target), then the person's. */
  evidence: z.string(),
  commentary: z.string(),
});

const _stageTimescale = z.strictObject({
  /** Stage responses whose local date is in the period. */
  responses: z.number().int(),
  /** Of those, the ones whose timeliness finding passed. */
  withinCode: z.number().int(),
});

/** Counts over the rows, and the complaints answered within the Code's timescales. */
export const SelfAssessmentSummarySchema = z.strictObject({
  rows: z.number().int(),
  bySource: z.strictObject(
    Object.fromEntries(PROVISION_SOURCES.map((s) => [s, z.number().int()])) as Record<
      (typeof PROVISION_SOURCES)[number],
      z.ZodNumber
    >,
  ),
  /** Provisions whose row shows no answer yet, in Code order. */
  statementsNeeded: z.array(z.string()),
  timescales: z.strictObject({ stage1: _stageTimescale, stage2: _stageTimescale }),
});

/** A case that could not be judged, with its problems (never dropped). */
export const SelfAssessmentRejectedSchema = z.strictObject({
  caseId: z.string(),
  problems: z.array(
    z.strictObject({
      code: z.string(),
      path: z.array(z.union([z.string(), z.number()])),
      message: z.string(),
      file: z.string().optional(),
      line: z.number().int().optional(),
    }),
  ),
});

/** The period a self-assessment covers, and whether `asOf` is past its end. */
export const PeriodMetaSchema = z.strictObject({ from: z.string(), to: z.string(), complete: z.boolean() });

/** What {@link selfAssessment} returns: the rows, the summary and the rejected cases of one period. */
export const SelfAssessmentResultSchema = z.strictObject({
  period: PeriodMetaSchema,
  rows: z.array(SelfAssessmentRowSchema),
  summary: SelfAssessmentSummarySchema,
  rejected: z.array(SelfAssessmentRejectedSchema),
});

/** The whole self-assessment, as `--format json` writes it: the result with the run's `meta`. */
export const SelfAssessmentSchema = z.strictObject({
  meta: ReportMetaSchema.extend({
    period: PeriodMetaSchema,
    statements: z.strictObject({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  }),
  rows: z.array(SelfAssessmentRowSchema),
  summary: SelfAssessmentSummarySchema,
  rejected: z.array(SelfAssessmentRejectedSchema),
});
