/**
 * `service-standards self-assessment`: judges the log as `check` does, counts the findings placed
 * in the period, fills the form from them and the statements file, and writes it in each format
 * asked for (`housing-code-2024.md` section SA).
 */
import { createHash } from 'node:crypto';
import { ConfigError, type PreparedEvaluation } from '../engine/prepare.js';
import type { Ruleset } from '../engine/ruleset.js';
import type { ReportMeta } from '../model/report.js';
import type { Summary } from '../model/summary.js';
import { type Period, parsePeriod, periodMeta } from '../period/period.js';
import { formatSelfAssessmentCsv } from '../reporters/self-assessment/csv.js';
import { formatSelfAssessmentHtml } from '../reporters/self-assessment/html.js';
import { formatSelfAssessmentJson } from '../reporters/self-assessment/json.js';
import { formatSelfAssessmentMarkdown } from '../reporters/self-assessment/markdown.js';
import { formatSelfAssessmentText } from '../reporters/self-assessment/text.js';
import { loadRuleset, rulesetDirOf } from '../rules/load-ruleset.js';
import type { SelfAssessment } from '../self-assessment/document.js';
import type { ProvisionList } from '../self-assessment/provisions.js';
import { finishSelfAssessment, parseStatements } from '../self-assessment/self-assessment.js';
import type { StatementsFile } from '../self-assessment/statements.js';
import { createSelfAssessmentTally, type SelfAssessmentTally } from '../self-assessment/tally.js';
import { type CheckOptions, runCheck, writeReportFile } from './check.js';
import { forTerminal } from './display.js';
import { EXIT, UsageError } from './errors.js';
import { type CliIo, writeText } from './io.js';
import { readJsonFile } from './load-json.js';

/** The formats `self-assessment` writes; `html` (the printable form) is for `--report` files. */
export const SELF_ASSESSMENT_FORMATS = ['text', 'markdown', 'json', 'csv', 'html'] as const;
export type SelfAssessmentFormat = (typeof SELF_ASSESSMENT_FORMATS)[number];

/** Options of {@link runSelfAssessment}: those of `check` that read and judge, and the form's own. */
export interface SelfAssessmentCommandOptions
  extends Omit<
    CheckOptions,
    'reports' | 'failOn' | 'minCompliance' | 'onResult' | 'onPrepared' | 'onFinished' | 'ignoreThresholds'
  > {
  /** `FROM..TO`, local dates, both inclusive. */
  period: string;
  statements?: string | undefined;
  reports: readonly { format: SelfAssessmentFormat; path: string }[];
  /** Exit 1 when any row still has no answer. */
  requireStatements?: boolean | undefined;
}

function _period(text: string): Period {
  try {
    return parsePeriod(text);
  } catch (e) {
    throw new UsageError(`--period: ${(e as Error).message}`);
  }
}

/** The ruleset's provision list, or a usage error naming the ruleset. */
async function _provisions(ruleset: string | undefined): Promise<ProvisionList> {
  const loaded: Ruleset = await loadRuleset(ruleset ? { dir: rulesetDirOf(ruleset) } : {});
  if (!loaded.selfAssessment)
    throw new UsageError(
      `ruleset ${loaded.manifest.id} offers no self-assessment (its periodOutputs do not list "self-assessment"); try --ruleset hoc-code-2024`,
    );
  return loaded.selfAssessment;
}

/** The statements file, validated against the list; its problems name the file. */
async function _statements(
  file: string | undefined,
  list: ProvisionList,
): Promise<{ statements?: StatementsFile; meta?: SelfAssessment['meta']['statements'] }> {
  if (!file) return {};
  const { value, bytes } = await readJsonFile(file, 'statements');
  try {
    const statements = parseStatements(value, list);
    return { statements, meta: { file, sha256: createHash('sha256').update(bytes).digest('hex') } };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    throw new ConfigError(e.issues.map((i) => ({ ...i, file })));
  }
}

function _render(
  format: SelfAssessmentFormat,
  doc: SelfAssessment,
  list: ProvisionList,
  pretty: boolean,
): string {
  switch (format) {
    case 'text':
      return forTerminal(formatSelfAssessmentText(doc, list));
    case 'markdown':
      return formatSelfAssessmentMarkdown(doc, list);
    case 'json':
      return formatSelfAssessmentJson(doc, { indent: pretty ? 2 : 0 });
    case 'csv':
      return formatSelfAssessmentCsv(doc);
    case 'html':
      return formatSelfAssessmentHtml(doc, list);
  }
}

/**
 * Runs the command and returns its exit code: 2 for usage, configuration or input errors
 * (rejected cases included; the form is still written), 1 with `--require-statements` when a row
 * has no answer, else 0.
 *
 * @example
 * await runSelfAssessment({ inputs: ['log.ndjson'], period: '2024-04-01..2025-03-31', ruleset: 'hoc-code-2024', reports: [{ format: 'markdown', path: '-' }] }, processIo());
 */
export async function runSelfAssessment(options: SelfAssessmentCommandOptions, io: CliIo): Promise<number> {
  const period = _period(options.period);
  const list = await _provisions(options.ruleset);
  const statements = await _statements(options.statements, list);
  let run: { prepared: PreparedEvaluation; asOfMs: number; tally: SelfAssessmentTally } | undefined;
  let finished: { meta: ReportMeta; summary: Summary } | undefined;
  const { period: _p, statements: _s, reports, requireStatements, ...judging } = options;
  const code = await runCheck(
    {
      ...judging,
      reports: [],
      failOn: 'none',
      ignoreThresholds: true,
      onPrepared: ({ prepared, asOfMs }) => {
        run = { prepared, asOfMs, tally: createSelfAssessmentTally(list, period, prepared.zone) };
      },
      onResult: (result) => run?.tally.add(result),
      onFinished: (f) => {
        finished = f;
      },
    },
    io,
  );
  if (!run || !finished) return code;
  const rejected = finished.summary.rejected.map((r) => ({ caseId: r.caseId, problems: r.problems }));
  const result = finishSelfAssessment(run.tally, {
    list,
    prepared: run.prepared,
    period,
    asOfMs: run.asOfMs,
    statements: statements.statements,
    rejected,
  });
  const doc: SelfAssessment = {
    meta: {
      ...finished.meta,
      period: periodMeta(period, run.asOfMs, run.prepared.zone),
      ...(statements.meta ? { statements: statements.meta } : {}),
    },
    rows: result.rows,
    summary: result.summary,
    rejected: result.rejected,
  };
  for (const target of reports) {
    const text = _render(target.format, doc, list, options.pretty === true);
    if (target.path === '-') await writeText(io.stdout, text);
    else await writeReportFile(target.path, text);
  }
  if (code !== EXIT.ok) return code;
  const needed = doc.summary.statementsNeeded;
  if (requireStatements && needed.length > 0) {
    await writeText(
      io.stderr,
      `${needed.length} provision(s) have no answer yet (--require-statements): ${needed.join(', ')}\n`,
    );
    return EXIT.findings;
  }
  return EXIT.ok;
}
