import { z } from 'zod';
import { CaseResultSchema, DETAILS } from './finding.js';
import { SummarySchema } from './summary.js';

export type { Report, ReportMeta } from './contract.js';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * What an auditor needs to reproduce a run (`interface.md`, JSON report `meta`): the tool and
 * ruleset versions, `asOf`, hashes of every input, the mapping, config and ruleset, the resolved
 * holidays and the versions of the libraries that shaped the verdicts.
 */
export const ReportMetaSchema = z.strictObject({
  tool: z.literal('service-standards'),
  version: z.string(),
  ruleset: z.strictObject({ id: z.string(), version: z.string(), source: z.string(), sha256 }),
  asOf: z.string(),
  /** `option` when given with --as-of (or by the caller), `now` when the command defaulted it. */
  asOfSource: z.enum(['option', 'now']),
  /** The only field that may differ between two runs on the same inputs. */
  generatedAt: z.string(),
  inputs: z.array(z.strictObject({ file: z.string(), sha256 })),
  mapping: z.strictObject({ file: z.string(), sha256 }).optional(),
  config: z.strictObject({ file: z.string().optional(), sha256, zone: z.string() }),
  calendar: z.strictObject({
    zone: z.string(),
    holidaySource: z.string(),
    countReceiptDay: z.boolean(),
    holidays: z.array(z.strictObject({ date: z.string(), name: z.string() })),
    closures: z.array(z.strictObject({ from: z.string(), to: z.string(), reason: z.string().optional() })),
    /** Proclaimed one-off changes applied on top of date-holidays in the years listed, with their source. */
    holidayCorrections: z
      .array(
        z.strictObject({
          date: z.string(),
          name: z.string(),
          change: z.enum(['add', 'remove']),
          source: z.string(),
        }),
      )
      .optional(),
  }),
  /** Each judged indicator's resolved parameters (defaults overridden by config), by ref: once per run. */
  parameters: z.record(z.string(), z.record(z.string(), z.unknown())),
  /** How much of what the facts measured each finding's `measured` holds (`--detail`). */
  detail: z.enum(DETAILS),
  dependencies: z.record(z.string(), z.string()),
  only: z.array(z.string()).optional(),
  skip: z.array(z.string()).optional(),
});

/**
 * The JSON report (`--format json`): meta, every judged case's findings (none at `--detail
 * summary`), then the summary, last so that the report can be written as cases are judged.
 */
export const ReportSchema = z.strictObject({
  meta: ReportMetaSchema,
  cases: z.array(CaseResultSchema).optional(),
  summary: SummarySchema,
});
