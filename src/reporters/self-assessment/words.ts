/**
 * The words every self-assessment reporter shares: the answer shown in the comply column, the
 * lists of cases behind the figures, the period line. Plain text; each reporter escapes it.
 */
import type { SelfAssessment, SelfAssessmentRow } from '../../self-assessment/document.js';
import { readableDate } from '../../self-assessment/evidence.js';
import type { ProvisionList } from '../../self-assessment/provisions.js';

/** What the reporters need of the provision list: the Code's name and section titles. */
export type FormWords = Pick<ProvisionList, 'code' | 'sections'>;

const _YES_NO = { yes: 'Yes', no: 'No' } as const;

/**
 * The comply column in two parts: the answer shown, and where it came from (or what the log
 * suggests beside a person's different answer, or beside a row still needing one).
 *
 * @example
 * complyParts({ comply: 'yes', complySource: 'suggested', suggestedComply: 'yes' }); // { answer: 'Yes', note: 'suggested by the log' }
 */
export function complyParts(row: Pick<SelfAssessmentRow, 'comply' | 'complySource' | 'suggestedComply'>): {
  answer: string;
  note?: string;
} {
  const suggested = row.suggestedComply;
  const hint = suggested === null ? undefined : `the log suggests ${_YES_NO[suggested]}`;
  if (row.comply === null)
    return hint ? { answer: 'Statement needed', note: hint } : { answer: 'Statement needed' };
  if (row.complySource === 'suggested') return { answer: _YES_NO[row.comply], note: 'suggested by the log' };
  return hint && suggested !== row.comply
    ? { answer: _YES_NO[row.comply], note: hint }
    : { answer: _YES_NO[row.comply] };
}

/**
 * The comply column as one phrase.
 *
 * @example
 * complyText({ comply: null, complySource: null, suggestedComply: 'no' }); // 'Statement needed (the log suggests No)'
 */
export function complyText(
  row: Pick<SelfAssessmentRow, 'comply' | 'complySource' | 'suggestedComply'>,
): string {
  const { answer, note } = complyParts(row);
  return note ? `${answer} (${note})` : answer;
}

/** How many case ids a list shows before saying how many more there are. */
export const CASES_SHOWN = 20;

function _ids(label: string, ids: readonly string[], cap: number): string | undefined {
  if (ids.length === 0) return undefined;
  const shown = ids.slice(0, cap).join(', ');
  const more = ids.length > cap ? ` and ${ids.length - cap} more (all in the JSON output)` : '';
  return `${label}: ${shown}${more}.`;
}

/**
 * The cases behind a row's figures, one sentence per list: failed, pending, for review.
 *
 * @example
 * caseLists(row); // ['Failed: C-12, C-40.', 'Pending: C-77.']
 */
export function caseLists(row: SelfAssessmentRow, cap = CASES_SHOWN): string[] {
  if (!row.log) return [];
  return [
    _ids('Failed', row.log.failedCases, cap),
    _ids('Pending', row.log.pendingCases, cap),
    _ids('For review', row.log.reviewCases, cap),
  ].filter((s): s is string => s !== undefined);
}

/** "1 Apr 2024 to 31 Mar 2025", and whether the period is over at `asOf`. */
export function periodText(doc: Pick<SelfAssessment, 'meta'>): string {
  const { period, asOf } = doc.meta;
  const span = `${readableDate(period.from)} to ${readableDate(period.to)}`;
  return period.complete
    ? span
    : `${span} (not yet over as of ${readableDate(asOf.slice(0, 10))}: figures may change)`;
}

/** A section's heading: "Section 6: Complaint stages". */
export function sectionTitle(form: FormWords, section: number): string {
  const title = form.sections.find((s) => s.number === section)?.title;
  return title ? `Section ${section}: ${title}` : `Section ${section}`;
}

/** The rows grouped by section, in order. */
export function rowsBySection(
  rows: readonly SelfAssessmentRow[],
): { section: number; rows: SelfAssessmentRow[] }[] {
  const out: { section: number; rows: SelfAssessmentRow[] }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.section === r.section) last.rows.push(r);
    else out.push({ section: r.section, rows: [r] });
  }
  return out;
}

/** The summary line on timescales: responses in the period and how many were within the Code's. */
export function timescaleText(doc: Pick<SelfAssessment, 'summary'>): string[] {
  const t = doc.summary.timescales;
  const line = (stage: string, s: { responses: number; withinCode: number }) =>
    `${stage}: ${s.withinCode} of ${s.responses} responses in the period within the Code's timescale` +
    (s.responses > 0 ? ` (${(Math.round((s.withinCode / s.responses) * 1000) / 10).toFixed(1)}%)` : '');
  return [line('Stage 1', t.stage1), line('Stage 2', t.stage2)];
}
