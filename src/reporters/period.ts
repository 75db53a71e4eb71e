import type { Figure } from '../period/kpi.js';
import type { PeriodReport } from '../period/period-report.js';
import { dayFromIsoDate } from '../time/days.js';
import { formatDay } from '../time/format.js';

/** A figure's value in words: `60.0% (3 of 5)`, `5.7 working days (17 over 3)`, or why there is none. */
export function describeFigure(f: Figure): string {
  if (f.value === null) return `none (${f.reason ?? 'nothing to divide by'})`;
  switch (f.unit) {
    case 'percent':
      return `${f.value.toFixed(1)}% (${f.numerator} of ${f.denominator})`;
    case 'working_days':
      return `${f.value.toFixed(1)} working days (${f.numerator} over ${f.denominator})`;
    case 'per_1000':
      return `${f.value.toFixed(1)} per 1,000 (${f.numerator} of ${f.denominator})`;
    default:
      return String(f.value);
  }
}

const _ids = (f: Figure) => f.cases.map((c) => c.caseId).join(', ');
const _date = (iso: string) => formatDay(dayFromIsoDate(iso));

function _periodLine(r: PeriodReport): string {
  const p = r.meta.period;
  const state = p.complete ? 'complete' : 'incomplete: asOf is before its end, so figures may still change';
  return `Period ${_date(p.from)} to ${_date(p.to)} (${state}); cases as of ${r.meta.asOf}; ruleset ${r.meta.ruleset.id} ${r.meta.ruleset.version}.`;
}

/**
 * The period report as plain text: one line per figure with the cases it counts, then the
 * closures without response, the figures a person must supply, and the rejected cases.
 *
 * @example
 * process.stdout.write(formatPeriodText(report));
 */
export function formatPeriodText(r: PeriodReport): string {
  const lines = ['Complaints performance indicators', _periodLine(r), ''];
  for (const f of r.figures)
    lines.push(`${f.ref} ${f.label}: ${describeFigure(f)}${f.cases.length ? `; cases ${_ids(f)}` : ''}`);
  lines.push('', 'Closed without a response (counted in K.5 apart, not in K.6 to K.9):');
  if (r.closuresWithoutResponse.length === 0) lines.push('  none');
  for (const c of r.closuresWithoutResponse)
    lines.push(`  ${c.caseId} (${c.label}) on ${_date(c.at)}, ${c.outcome ?? 'no outcome recorded'}`);
  lines.push('', 'Not from the log (a person supplies these):');
  for (const n of r.notFromLog) lines.push(`  ${n.ref} ${n.label}`);
  if (r.rejected.length > 0) {
    lines.push('', `Rejected cases (${r.rejected.length}), not counted:`);
    for (const x of r.rejected) lines.push(`  ${x.caseId}: ${x.problems.map((p) => p.message).join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}

const _cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * The period report as Markdown: a table of the figures (ref, figure, value, cases), then the
 * lists of the text report.
 *
 * @example
 * writeFileSync('kpi.md', formatPeriodMarkdown(report));
 */
export function formatPeriodMarkdown(r: PeriodReport): string {
  const lines = ['# Complaints performance indicators', '', _periodLine(r), ''];
  lines.push('| ref | figure | value | cases |', '|---|---|---|---|');
  for (const f of r.figures)
    lines.push(`| ${f.ref} | ${_cell(f.label)} | ${_cell(describeFigure(f))} | ${_cell(_ids(f))} |`);
  lines.push('', '## Closed without a response', '');
  if (r.closuresWithoutResponse.length === 0) lines.push('None.');
  for (const c of r.closuresWithoutResponse)
    lines.push(`- ${_cell(c.caseId)} (${c.label}) on ${_date(c.at)}, ${c.outcome ?? 'no outcome recorded'}`);
  lines.push('', '## Not from the log', '', 'A person supplies these:', '');
  for (const n of r.notFromLog) lines.push(`- ${n.ref} ${n.label}`);
  if (r.rejected.length > 0) {
    lines.push('', '## Rejected cases', '');
    for (const x of r.rejected)
      lines.push(`- ${_cell(x.caseId)}: ${_cell(x.problems.map((p) => p.message).join('; '))}`);
  }
  return `${lines.join('\n')}\n`;
}

const _csv = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * The period report as CSV: one row per figure and case counted (a figure counting none has one
 * row with an empty case), then one row per closure without response (ref `K.5`, id
 * `closed-without-response`) and per figure a person must supply (`notFromLog`).
 *
 * @example
 * writeFileSync('kpi.csv', formatPeriodCsv(report));
 */
export function formatPeriodCsv(r: PeriodReport): string {
  const header = [
    'ref',
    'id',
    'label',
    'group',
    'value',
    'unit',
    'numerator',
    'denominator',
    'caseId',
    'caseLabel',
    'stageStart',
    'stageEnd',
    'workingDays',
    'outcome',
    'withinTimescale',
    'extended',
    'evidence',
  ];
  const rows: unknown[][] = [header];
  for (const f of r.figures) {
    const head = [f.ref, f.id, f.label, f.group, f.value ?? f.reason, f.unit, f.numerator, f.denominator];
    if (f.cases.length === 0) rows.push([...head, '', '', '', '', '', '', '', '', '']);
    for (const c of f.cases)
      rows.push([
        ...head,
        c.caseId,
        c.label,
        c.stageStart,
        c.stageEnd,
        c.workingDays,
        c.outcome,
        c.withinTimescale,
        c.extended,
        c.evidence.join(' '),
      ]);
  }
  for (const c of r.closuresWithoutResponse)
    rows.push([
      'K.5',
      'closed-without-response',
      'Closed without a response',
      c.label,
      '',
      'count',
      '',
      '',
      c.caseId,
      c.label,
      '',
      c.at,
      '',
      c.outcome,
      '',
      '',
      c.evidence.join(' '),
    ]);
  for (const n of r.notFromLog)
    rows.push([n.ref, 'not-from-log', n.label, '', '', '', '', '', '', '', '', '', '', '', '', '', '']);
  return `${rows.map((row) => row.map(_csv).join(',')).join('\n')}\n`;
}

/**
 * The period report as JSON (`mchp-scotland.md`, section K, "JSON shape").
 *
 * @example
 * writeFileSync('kpi.json', formatPeriodJson(report));
 */
export function formatPeriodJson(r: PeriodReport, pretty = false): string {
  return `${JSON.stringify(r, null, pretty ? 2 : undefined)}\n`;
}
