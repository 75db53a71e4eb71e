/**
 * The rows of the form and its summary, from the tally, the provision list and a person's
 * statements (`housing-code-2024.md` section SA, "Figures per row" and "Statements"). Pure.
 */
import { zeroCounts } from '../engine/summarize.js';
import type { StatusCounts } from '../model/finding.js';
import type { Period } from '../period/period.js';
import type { RowLog, SelfAssessmentRow, SelfAssessmentSummary } from './document.js';
import { indicatorEvidence } from './evidence.js';
import { PROVISION_SOURCES, type Provision, type ProvisionList } from './provisions.js';
import type { Comply, Statement, StatementsFile } from './statements.js';
import type { IndicatorTally, SelfAssessmentCounts } from './tally.js';

/** What the rows need besides the counts. */
export interface RowOptions {
  readonly period: Period;
  readonly asOfDate: string;
  /** The suggestion's bar in percent (`selfAssessment.complyAt`, default 100). */
  readonly complyAt: number;
  readonly statements?: StatementsFile | undefined;
  /** Indicators' short titles by ref, for the evidence sentences. */
  readonly titles?: ReadonlyMap<string, string> | undefined;
  /** The indicators judged in this run (all when absent): one switched off gives no figures. */
  readonly judged?: ReadonlySet<string> | undefined;
}

const _sortedUnion = (lists: readonly (readonly string[])[]) =>
  [...new Set(lists.flat())].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The row's figures: its indicators' findings pooled. */
function _rowLog(tallies: readonly IndicatorTally[]): RowLog {
  const byStatus: StatusCounts = zeroCounts();
  for (const t of tallies)
    for (const k of Object.keys(byStatus) as (keyof StatusCounts)[]) byStatus[k] += t.byStatus[k];
  const judged = byStatus.pass + byStatus.fail;
  return {
    byStatus,
    judged,
    complianceRate: judged === 0 ? null : byStatus.pass / judged,
    failedCases: _sortedUnion(tallies.map((t) => t.failedCases)),
    pendingCases: _sortedUnion(tallies.map((t) => t.pendingCases)),
    reviewCases: _sortedUnion(tallies.map((t) => t.reviewCases)),
  };
}

/** Yes when at least one finding was judged and the rate reaches the bar; null when none was. */
export function suggestComply(log: RowLog, complyAt: number): Comply | null {
  if (log.judged === 0) return null;
  // In whole numbers, so that 19 of 20 against 95% is not lost to rounding.
  return log.byStatus.pass * 100 >= complyAt * log.judged ? 'yes' : 'no';
}

const _joined = (...parts: (string | undefined)[]) =>
  parts.filter((p) => p !== undefined && p !== '').join(' ');

function _row(p: Provision, counts: SelfAssessmentCounts, options: RowOptions): SelfAssessmentRow {
  const statement: Statement | undefined = options.statements?.provisions[p.number];
  const isJudged = (ref: string) => options.judged === undefined || options.judged.has(ref);
  const tallies = p.indicators.filter(isJudged).map((ref) => counts.indicators.get(ref) as IndicatorTally);
  // A row whose indicators were all switched off has no figures, rather than empty ones.
  const log = p.source === 'statement' || tallies.length === 0 ? null : _rowLog(tallies);
  const suggestedComply = log ? suggestComply(log, options.complyAt) : null;
  const generated = p.indicators.map((ref) => {
    const t = counts.indicators.get(ref) as IndicatorTally;
    return isJudged(ref)
      ? indicatorEvidence(t, { ...options, title: options.titles?.get(ref) })
      : `${ref}: not judged in this run (switched off), so the log gives no figures for it.`;
  });
  let comply: Comply | null = null;
  let complySource: SelfAssessmentRow['complySource'] = null;
  if (statement?.comply) {
    comply = statement.comply;
    complySource = 'statement';
  } else if (p.source === 'log' && suggestedComply !== null) {
    comply = suggestedComply;
    complySource = 'suggested';
  }
  return {
    provision: p.number,
    section: p.section,
    requirement: p.requirement,
    source: p.source,
    indicators: [...p.indicators],
    ...(p.stillToState !== undefined ? { stillToState: p.stillToState } : {}),
    log,
    suggestedComply,
    comply,
    complySource,
    evidence: _joined(...generated, statement?.evidence),
    commentary: statement?.commentary ?? '',
  };
}

/**
 * Every provision's row, in Code order, and the summary over them.
 *
 * @example
 * const { rows, summary } = buildRows(list, tally.counts(), { period, asOfDate: '2025-04-30', complyAt: 100 });
 */
export function buildRows(
  list: ProvisionList,
  counts: SelfAssessmentCounts,
  options: RowOptions,
): { rows: SelfAssessmentRow[]; summary: SelfAssessmentSummary } {
  const rows = list.provisions.map((p) => _row(p, counts, options));
  const bySource = Object.fromEntries(
    PROVISION_SOURCES.map((s) => [s, 0]),
  ) as SelfAssessmentSummary['bySource'];
  for (const r of rows) bySource[r.source]++;
  return {
    rows,
    summary: {
      rows: rows.length,
      bySource,
      statementsNeeded: rows.filter((r) => r.comply === null).map((r) => r.provision),
      timescales: {
        stage1: { ...counts.timescales.stage1 },
        stage2: { ...counts.timescales.stage2 },
      },
    },
  };
}
