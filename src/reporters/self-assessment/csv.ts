/** The self-assessment as CSV: one line per row, for a spreadsheet. */
import { stringify } from 'csv-stringify/sync';
import type { SelfAssessment } from '../../self-assessment/document.js';

/**
 * A spreadsheet opens a cell beginning `=`, `+`, `-`, `@`, tab or carriage return as a formula:
 * statements are a person's free text, so such a cell gets a leading apostrophe.
 */
const _inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const _HEADER = [
  'provision',
  'section',
  'requirement',
  'source',
  'indicators',
  'comply',
  'complySource',
  'suggestedComply',
  'pass',
  'fail',
  'pending',
  'insufficientEvidence',
  'error',
  'notApplicable',
  'complianceRate',
  'failedCases',
  'pendingCases',
  'reviewCases',
  'evidence',
  'commentary',
  'stillToState',
];

/**
 * A header line, then one line per provision in Code order. Lists of indicators and cases are
 * separated by spaces; a row without figures leaves them empty; the rate is a fraction (0 to 1).
 *
 * @example
 * writeFileSync('self-assessment.csv', formatSelfAssessmentCsv(doc));
 */
export function formatSelfAssessmentCsv(doc: SelfAssessment): string {
  const lines = doc.rows.map((r) => {
    const s = r.log?.byStatus;
    return [
      r.provision,
      r.section,
      r.requirement,
      r.source,
      r.indicators.join(' '),
      r.comply ?? '',
      r.complySource ?? '',
      r.suggestedComply ?? '',
      s?.pass ?? '',
      s?.fail ?? '',
      s?.pending ?? '',
      s?.insufficient_evidence ?? '',
      s?.error ?? '',
      s?.not_applicable ?? '',
      r.log?.complianceRate ?? '',
      (r.log?.failedCases ?? []).map(_inert).join(' '),
      (r.log?.pendingCases ?? []).map(_inert).join(' '),
      (r.log?.reviewCases ?? []).map(_inert).join(' '),
      _inert(r.evidence),
      _inert(r.commentary),
      r.stillToState ?? '',
    ];
  });
  return stringify([_HEADER, ...lines]);
}
