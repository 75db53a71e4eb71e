/** The text report (`--format text`, the default): a summary table for a terminal. */
import type { Status, StatusCounts } from '../model/finding.js';
import { formatIssue } from '../model/issues.js';
import type { Report } from '../model/report.js';
import { requireOptions, requireReport } from '../model/usage-error.js';
import {
  COLUMN_LABELS,
  COLUMNS,
  createWorstCases,
  explanationWithReview,
  indicatorTree,
  percent,
  sourceLocation,
  type WorstCases,
} from './common.js';
import { memoryParts, type ReportBuilder, type ReportEnd, renderWhole } from './parts.js';

/** Options of {@link formatText}. */
export interface TextOptions {
  /** Colour with ANSI escapes (default false). Never when `NO_COLOR` is set in {@link TextOptions.env}. */
  color?: boolean;
  /** Where `NO_COLOR` is read (default `process.env`); only that variable is looked at. */
  env?: Readonly<Record<string, string | undefined>>;
  /** How many of the worst cases to list with their failing findings (default 5; 0 for none). */
  worstCases?: number;
}

const _ANSI: Readonly<Record<Status | 'bold', string>> = {
  error: '1;31',
  fail: '31',
  insufficient_evidence: '35',
  pending: '33',
  pass: '32',
  not_applicable: '2',
  bold: '1',
};

type _Paint = (text: string, style: Status | 'bold') => string;

const _RATE_WIDTH = 6;
const _plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The report as text for a terminal, ending with a newline: a table of counts by status and
 * compliance rates per indicator (ref, id, pass, fail, pending, insufficient, n/a, error, rate)
 * under its standard and commitment with their rates, an overall line, the run's facts (ruleset,
 * `asOf` and whether it was given or defaulted to now, cases and events, rejected cases with
 * their problems, events after `asOf`, unmapped activities), then the worst cases with the
 * explanations of their failing findings. A rate is pass / (pass + fail) with one decimal, or "—"
 * when there was neither. Pure: the caller writes it.
 *
 * @example
 * process.stdout.write(formatText(report, { color: process.stdout.isTTY }));
 */
export function formatText(report: Report, options: TextOptions = {}): string {
  requireReport('formatText', report, 'formatText(report)');
  requireOptions('formatText', options, 'formatText(report, { color: true })');
  const parts = memoryParts();
  return renderWhole(createTextBuilder(options), parts, report);
}

/**
 * The text report case by case: it keeps only the worst cases it lists (and how many cases fail),
 * so memory stays bounded; `finish` prints exactly what {@link formatText} prints for the whole
 * report.
 */
export function createTextBuilder(options: TextOptions = {}): ReportBuilder {
  requireOptions('createTextBuilder', options, 'createTextBuilder({ color: true })');
  const env = options.env ?? process.env;
  const colour = options.color === true && !env.NO_COLOR;
  const paint: _Paint = colour ? (text, style) => `\u001b[${_ANSI[style]}m${text}\u001b[0m` : (text) => text;
  const limit = Math.max(0, options.worstCases ?? 5);
  const worst = createWorstCases(limit);
  return {
    add: (result) => worst.add(result),
    finish(end) {
      const sections = [
        _table(end, paint),
        _facts(end),
        _rejected(end),
        options.worstCases === undefined || options.worstCases > 0 ? _worst(worst, paint) : [],
      ];
      return [
        `${sections
          .filter((s) => s.length > 0)
          .map((s) => s.join('\n'))
          .join('\n\n')}\n`,
      ];
    },
  };
}

function _table(report: ReportEnd, paint: _Paint): string[] {
  const { summary } = report;
  const tree = indicatorTree(summary);
  const indicators = [
    ...tree.commitments.flatMap((c) => c.standards.flatMap((s) => s.indicators)),
    ...tree.others,
  ];
  const refWidth = Math.max(0, ...indicators.map((i) => i.ref.length));
  const indicatorLabel = (ref: string, id: string) => `    ${ref.padEnd(refWidth)}  ${id}`;
  const labelWidth = Math.max('Overall'.length, ...indicators.map((i) => indicatorLabel(i.ref, i.id).length));
  const widths = COLUMNS.map((s) => Math.max(COLUMN_LABELS[s].length, String(summary.byStatus[s]).length));
  const width = labelWidth + widths.reduce((a, w) => a + 2 + w, 0) + 2 + _RATE_WIDTH;
  const row = (label: string, counts: StatusCounts, rate: number | null) =>
    `${label.padEnd(labelWidth)}${COLUMNS.map((s, k) => {
      const cell = String(counts[s]).padStart(widths[k] ?? 0);
      return `  ${counts[s] > 0 ? paint(cell, s) : cell}`;
    }).join('')}  ${percent(rate).padStart(_RATE_WIDTH)}`;
  const group = (label: string, rate: number | null) => {
    const r = percent(rate).padStart(_RATE_WIDTH);
    return label.length + 2 <= width - _RATE_WIDTH
      ? `${label.padEnd(width - _RATE_WIDTH)}${r}`
      : `${label}  ${r.trim()}`;
  };
  const header = `${''.padEnd(labelWidth)}${COLUMNS.map((s, k) => `  ${COLUMN_LABELS[s].padStart(widths[k] ?? 0)}`).join('')}  ${'Rate'.padStart(_RATE_WIDTH)}`;
  const lines = [
    paint('Compliance by indicator (rate = pass / (pass + fail))', 'bold'),
    '',
    paint(header, 'bold'),
  ];
  for (const { commitment, standards } of tree.commitments) {
    lines.push(group(`${commitment.ref} ${commitment.title}`, commitment.complianceRate));
    for (const { standard, indicators: list } of standards) {
      lines.push(group(`  ${standard.ref} ${standard.title}`, standard.complianceRate));
      for (const i of list) lines.push(row(indicatorLabel(i.ref, i.id), i.byStatus, i.complianceRate));
    }
  }
  if (tree.others.length > 0) {
    lines.push('Other indicators');
    for (const i of tree.others) lines.push(row(indicatorLabel(i.ref, i.id), i.byStatus, i.complianceRate));
  }
  lines.push(paint(row('Overall', summary.byStatus, summary.complianceRate), 'bold'));
  return lines;
}

function _facts(report: ReportEnd): string[] {
  const { meta, summary } = report;
  const rejectedEvents = summary.rejected.reduce((n, r) => n + r.events, 0);
  // Most frequent first: the activities a mapping most needs are at the front.
  const unmapped = Object.entries(summary.unmappedActivities).sort(
    ([a, x], [b, y]) => y - x || (a < b ? -1 : 1),
  );
  const facts: [string, string][] = [
    [
      'Ruleset',
      `${meta.ruleset.id} ${meta.ruleset.version} (${meta.ruleset.source}), sha256 ${meta.ruleset.sha256.slice(0, 12)}`,
    ],
    ['As of', `${meta.asOf} (${meta.asOfSource === 'now' ? 'defaulted to now' : 'given'})`],
    ['Inputs', meta.inputs.length > 0 ? meta.inputs.map((i) => i.file).join(', ') : 'none'],
    ['Cases', `${summary.cases} judged, ${summary.rejected.length} rejected`],
    [
      'Events',
      `${summary.events} in judged cases (${summary.eventsAfterAsOf} after asOf, left out)` +
        (summary.rejected.length > 0 ? `, ${rejectedEvents} in rejected cases` : ''),
    ],
    ['Findings', String(summary.findings)],
    [
      'Unmapped',
      unmapped.length === 0
        ? 'no activities'
        : `${_plural(unmapped.length, 'activity type')}: ${unmapped.map(([a, n]) => `${JSON.stringify(a)} ×${n}`).join(', ')}`,
    ],
  ];
  if (meta.only) facts.push(['Only', meta.only.join(', ')]);
  if (meta.skip) facts.push(['Skipped', meta.skip.join(', ')]);
  const { reviewed, baseline } = summary;
  if (reviewed) {
    const notApplied = reviewed.notApplied.length;
    const rate = reviewed.complianceRate === null ? '—' : `${(reviewed.complianceRate * 100).toFixed(1)}%`;
    facts.push([
      'Reviews',
      `${reviewed.applied} applied (${reviewed.accepted} accepted as exceptions), ${notApplied} not applied` +
        ` (stale, lapsed or unmatched); compliance after review ${rate}`,
    ]);
  }
  if (baseline) {
    facts.push([
      'Baseline',
      `${baseline.new} new, ${baseline.updated} updated, ${baseline.unchanged} unchanged, ${baseline.absent} absent`,
    ]);
  }
  const w = Math.max(...facts.map(([k]) => k.length));
  return ['Run', ...facts.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)];
}

function _rejected(report: ReportEnd): string[] {
  const { rejected } = report.summary;
  if (rejected.length === 0) return [];
  return [
    `Rejected cases (${rejected.length}): not judged`,
    ...rejected.flatMap((r) => [
      `  ${r.caseId} (${_plural(r.events, 'event')})`,
      ...r.problems.map((p) => `    ${formatIssue(p)}`),
    ]),
  ];
}

function _worst(worst: WorstCases, paint: _Paint): string[] {
  const shown = worst.list();
  if (worst.count() === 0) return ['Worst cases: none (no case has a fail or an error)'];
  const lines = [
    `Worst cases (${shown.length} of ${_plural(worst.count(), 'case')} with a fail or an error)`,
  ];
  for (const { result, failing, fails, errors } of shown) {
    const where = sourceLocation(result);
    const counts = [fails > 0 ? `${fails} fail` : '', errors > 0 ? `${_plural(errors, 'error')}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${result.caseId}  ${counts}${where ? `  (${where})` : ''}`);
    for (const f of failing)
      lines.push(`    ${paint(f.status.padEnd(5), f.status)}  ${f.ref} ${f.id}: ${explanationWithReview(f)}`);
  }
  return lines;
}
