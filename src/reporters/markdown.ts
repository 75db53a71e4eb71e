/** The Markdown report (`--format markdown`), for pull requests, wikis and CI job summaries. */
import type { CaseResult, Finding, StatusCounts } from '../model/finding.js';
import { formatIssue } from '../model/issues.js';
import type { Report } from '../model/report.js';
import { requireOptions, requireReport } from '../model/usage-error.js';
import {
  COLUMN_LABELS,
  COLUMNS,
  createNamedRefs,
  explanationWithReview,
  indicatorTree,
  isFailing,
  percent,
  sourceLocation,
} from './common.js';
import { memoryParts, type ReportBuilder, type ReportEnd, renderWhole } from './parts.js';

/** Options of {@link formatMarkdown}. */
export interface MarkdownOptions {
  /** The level-1 heading (default "Service standards report"). */
  title?: string;
  /** How many failing cases to list under each indicator (default 20); a note says when more failed. */
  maxCasesPerIndicator?: number;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are blanked out.
const _CONTROL = /[\u0000-\u001F\u007F]/g;
const _ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text made inert for a Markdown table cell or paragraph: HTML characters as entities (so that no
 * tag is ever rendered), Markdown's inline markers and the cell separator backslash-escaped, and
 * line breaks and other control characters as spaces.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(_CONTROL, ' ')
    .replace(/[\\`*_[\]~|]/g, '\\$&')
    .replace(/[&<>]/g, (c) => _ENTITIES[c] ?? c);
}

const _row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const _counts = (c: StatusCounts) => COLUMNS.map((s) => String(c[s]));
const _bold = (cells: string[]) => cells.map((c) => (c === '' ? c : `**${c}**`));

/**
 * The report as GitHub-flavoured Markdown, ending with a newline: the run's facts and overall
 * rate, one table of counts by status and compliance rates with a row per commitment, standard
 * and indicator, the rejected cases with their problems, then each indicator's failing cases
 * (`fail` and `error`, with their explanations), capped with a note saying how many were left out.
 * Every piece of text is escaped so that nothing in it renders as HTML or Markdown.
 *
 * @example
 * appendFileSync(process.env.GITHUB_STEP_SUMMARY ?? 'report.md', formatMarkdown(report));
 */
export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  requireReport('formatMarkdown', report, 'formatMarkdown(report)');
  requireOptions('formatMarkdown', options, 'formatMarkdown(report, { worstCases: 10 })');
  const parts = memoryParts();
  return renderWhole(createMarkdownBuilder(options), parts, report);
}

/**
 * The Markdown report case by case: it keeps only the first failing cases of each indicator (as
 * many as it lists) and their count, so memory stays bounded; `finish` prints exactly what
 * {@link formatMarkdown} prints for the whole report.
 */
export function createMarkdownBuilder(options: MarkdownOptions = {}): ReportBuilder {
  requireOptions('createMarkdownBuilder', options, 'createMarkdownBuilder({ worstCases: 10 })');
  const cap = Math.max(0, options.maxCasesPerIndicator ?? 20);
  const failing = new Map<string, { rows: string[]; count: number }>();
  const named = createNamedRefs();
  return {
    add(result) {
      named.see(result.findings);
      for (const finding of result.findings) {
        if (!isFailing(finding.status)) continue;
        const entry = failing.get(finding.ref) ?? { rows: [], count: 0 };
        failing.set(finding.ref, entry);
        entry.count++;
        if (entry.rows.length < cap) entry.rows.push(_failingRow(result, finding));
      }
    },
    finish(end) {
      const out = [
        `# ${escapeMarkdownText(options.title ?? 'Service standards report')}`,
        '',
        ..._intro(end),
        '',
        ..._table(end),
      ];
      if (end.summary.rejected.length > 0) out.push('', ..._rejected(end));
      out.push('', '## Failing cases', '', ..._failing(named.inReportOrder(end.summary), failing));
      return [`${out.join('\n')}\n`];
    },
  };
}

function _intro(report: ReportEnd): string[] {
  const { meta, summary } = report;
  const e = escapeMarkdownText;
  // Most frequent first: the activities a mapping most needs are at the front.
  const unmapped = Object.entries(summary.unmappedActivities).sort(
    ([a, x], [b, y]) => y - x || (a < b ? -1 : 1),
  );
  return [
    `**Overall compliance: ${percent(summary.complianceRate)}** (rate = pass / (pass + fail); the other statuses are counted, not rated)`,
    '',
    `- Ruleset: ${e(meta.ruleset.id)} ${e(meta.ruleset.version)} (${e(meta.ruleset.source)})`,
    `- As of: ${e(meta.asOf)} (${meta.asOfSource === 'now' ? 'defaulted to now' : 'given'})`,
    `- Inputs: ${meta.inputs.length > 0 ? meta.inputs.map((i) => e(i.file)).join(', ') : 'none'}`,
    `- Cases: ${summary.cases} judged, ${summary.rejected.length} rejected; findings: ${summary.findings}`,
    `- Events: ${summary.events} in judged cases, ${summary.eventsAfterAsOf} of them after asOf (left out)`,
    `- Unmapped activities: ${unmapped.length === 0 ? 'none' : unmapped.map(([a, n]) => `${e(a)} (${n})`).join(', ')}`,
    ...(meta.only ? [`- Only: ${meta.only.map(e).join(', ')}`] : []),
    ...(meta.skip ? [`- Skipped: ${meta.skip.map(e).join(', ')}`] : []),
  ];
}

function _table(report: ReportEnd): string[] {
  const { summary } = report;
  const e = escapeMarkdownText;
  const tree = indicatorTree(summary);
  const lines = [
    '## Compliance by commitment, standard and indicator',
    '',
    _row(['Ref', 'Commitment, standard, indicator', ...COLUMNS.map((s) => COLUMN_LABELS[s]), 'Rate']),
    _row([':--', ':--', ...COLUMNS.map(() => '--:'), '--:']),
  ];
  const indicator = (i: (typeof summary.indicators)[number]) =>
    _row([e(i.ref), e(i.id), ..._counts(i.byStatus), percent(i.complianceRate)]);
  for (const { commitment: c, standards } of tree.commitments) {
    lines.push(_row(_bold([e(c.ref), e(c.title), ..._counts(c.byStatus), percent(c.complianceRate)])));
    for (const { standard: s, indicators } of standards) {
      lines.push(_row([e(s.ref), `*${e(s.title)}*`, ..._counts(s.byStatus), percent(s.complianceRate)]));
      for (const i of indicators) lines.push(indicator(i));
    }
  }
  for (const i of tree.others) lines.push(indicator(i));
  lines.push(_row(_bold(['', 'Overall', ..._counts(summary.byStatus), percent(summary.complianceRate)])));
  return lines;
}

function _rejected(report: ReportEnd): string[] {
  const e = escapeMarkdownText;
  return [
    '## Rejected cases',
    '',
    'Not judged: each problem names the file, the line or record, and the field.',
    '',
    _row(['Case', 'Events', 'Problems']),
    _row([':--', '--:', ':--']),
    ...report.summary.rejected.map((r) =>
      _row([e(r.caseId), String(r.events), r.problems.map((p) => e(formatIssue(p))).join('<br>')]),
    ),
  ];
}

function _failingRow(result: CaseResult, finding: Finding): string {
  const e = escapeMarkdownText;
  return _row([
    e(result.caseId),
    finding.status,
    e(sourceLocation(result) ?? ''),
    e(explanationWithReview(finding)),
  ]);
}

function _failing(
  refs: readonly { ref: string; id: string }[],
  failing: ReadonlyMap<string, { rows: string[]; count: number }>,
): string[] {
  if (failing.size === 0) return ['No case has a fail or an error.'];
  const e = escapeMarkdownText;
  const lines: string[] = [];
  for (const { ref, id } of refs) {
    const entry = failing.get(ref);
    if (!entry) continue;
    if (lines.length > 0) lines.push('');
    lines.push(`### ${e(ref)} ${e(id)}`);
    if (entry.rows.length > 0)
      lines.push(
        '',
        _row(['Case', 'Status', 'Source', 'Explanation']),
        _row([':--', ':--', ':--', ':--']),
        ...entry.rows,
      );
    if (entry.count > entry.rows.length)
      lines.push('', `*${entry.rows.length} of ${entry.count} failing cases shown.*`);
  }
  return lines;
}
