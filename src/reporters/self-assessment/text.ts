/** The self-assessment for a terminal: each section's rows with their answer, then the summary. */
import type { SelfAssessment } from '../../self-assessment/document.js';
import {
  complyText,
  type FormWords,
  periodText,
  rowsBySection,
  sectionTitle,
  timescaleText,
} from './words.js';

const _rate = (rate: number | null) =>
  rate === null ? '' : ` ${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

/**
 * One line per provision (number, answer, and the log's rate where it has one) under its
 * section, then what still needs a statement, the timescales and the rejected cases.
 *
 * @example
 * process.stdout.write(formatSelfAssessmentText(doc, ruleset.selfAssessment));
 */
export function formatSelfAssessmentText(doc: SelfAssessment, form: FormWords): string {
  const out = [`Self-assessment: ${form.code}`, `Period ${periodText(doc)}; as of ${doc.meta.asOf}`];
  for (const { section, rows } of rowsBySection(doc.rows)) {
    out.push('', sectionTitle(form, section));
    for (const r of rows) {
      const figures = r.log
        ? ` [${r.indicators.join(', ')}:${_rate(r.log.complianceRate)} ${r.log.judged} judged]`
        : '';
      out.push(`  ${r.provision.padEnd(5)} ${complyText(r)}${figures}`);
    }
  }
  const { summary } = doc;
  out.push(
    '',
    summary.statementsNeeded.length === 0
      ? 'Every row has an answer.'
      : `Statements needed (${summary.statementsNeeded.length}): ${summary.statementsNeeded.join(', ')}`,
    ...timescaleText(doc),
  );
  if (doc.rejected.length > 0)
    out.push(
      `${doc.rejected.length} case(s) rejected as invalid, not counted: ${doc.rejected.map((r) => r.caseId).join(', ')}`,
    );
  return `${out.join('\n')}\n`;
}
