/** The Markdown report (`--format markdown`), for pull requests, wikis and CI job summaries. */
import type { CaseResult, Finding, StatusCounts } from '../model/finding.js';
import { formatIssue } from '../model/issues.js';
import type { Report } from '../model/report.js';
import {
  COLUMN_LABELS,
  COLUMNS,
  explanationWithReview,
  indicatorRefs,
  indicatorTree,
  isFailing,
  percent,
  sourceLocation,
} from './common.js';

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
  const cap = options.maxCasesPerIndicator ?? 20;
  const out = [
    `# ${escapeMarkdownText(options.title ?? 'Service standards report')}`,
    '',
    ..._intro(report),
    '',
    ..._table(report),
  ];
  if (report.summary.rejected.length > 0) out.push('', ..._rejected(report));
  out.push('', '## Failing cases', '', ..._failing(report, cap));
  return `${out.join('\n')}\n`;
}

function _intro(report: Report): string[] {
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

function _table(report: Report): string[] {
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

function _rejected(report: Report): string[] {
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

function _failing(report: Report, cap: number): string[] {
  const byRef = new Map<string, { result: CaseResult; finding: Finding }[]>();
  for (const result of report.cases ?? []) {
    for (const finding of result.findings) {
      if (!isFailing(finding.status)) continue;
      const list = byRef.get(finding.ref) ?? [];
      byRef.set(finding.ref, list);
      list.push({ result, finding });
    }
  }
  if (byRef.size === 0) return ['No case has a fail or an error.'];
  const e = escapeMarkdownText;
  const lines: string[] = [];
  for (const { ref, id } of indicatorRefs(report.summary, report.cases ?? [])) {
    const list = byRef.get(ref);
    if (!list) continue;
    if (lines.length > 0) lines.push('');
    const shown = list.slice(0, Math.max(0, cap));
    lines.push(`### ${e(ref)} ${e(id)}`);
    if (shown.length > 0) {
      lines.push('', _row(['Case', 'Status', 'Source', 'Explanation']), _row([':--', ':--', ':--', ':--']));
      for (const { result, finding } of shown) {
        lines.push(
          _row([
            e(result.caseId),
            finding.status,
            e(sourceLocation(result) ?? ''),
            e(explanationWithReview(finding)),
          ]),
        );
      }
    }
    if (list.length > shown.length)
      lines.push('', `*${shown.length} of ${list.length} failing cases shown.*`);
  }
  return lines;
}
