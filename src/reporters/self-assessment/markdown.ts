/** The self-assessment as Markdown: one table per section, with the form's columns. */
import type { SelfAssessment } from '../../self-assessment/document.js';
import { escapeMarkdownText as md } from '../markdown.js';
import {
  caseLists,
  complyText,
  type FormWords,
  periodText,
  rowsBySection,
  sectionTitle,
  timescaleText,
} from './words.js';

const _row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/**
 * The form in GitHub-flavoured Markdown, ending with a newline: the period and run, then a table
 * per section (provision, requirement (paraphrase), comply, evidence, commentary), the statements
 * still needed, the timescales and any rejected cases. All text is escaped: nothing from a
 * statement or a case id renders as Markdown or HTML.
 *
 * @example
 * writeFileSync('self-assessment.md', formatSelfAssessmentMarkdown(doc, ruleset.selfAssessment));
 */
export function formatSelfAssessmentMarkdown(doc: SelfAssessment, form: FormWords): string {
  const { meta, summary } = doc;
  const out = [
    `# Self-assessment: ${md(form.code)}`,
    '',
    `Period ${md(periodText(doc))}. Ruleset ${md(meta.ruleset.id)} ${md(meta.ruleset.version)}, as of ${md(meta.asOf)}. Requirements are paraphrased, not the Code's words; answers marked "suggested" come from the log, the rest from a person's statement.`,
  ];
  for (const { section, rows } of rowsBySection(doc.rows)) {
    out.push('', `## ${md(sectionTitle(form, section))}`, '');
    out.push(
      _row(['Provision', 'Requirement (paraphrase)', 'Comply', 'Evidence', 'Commentary / explanation']),
    );
    out.push(_row(['---', '---', '---', '---', '---']));
    for (const r of rows) {
      const evidence = [r.evidence, ...caseLists(r)].filter((s) => s !== '').join(' ');
      const still = r.stillToState ? ` A person still states ${r.stillToState}.` : '';
      out.push(
        _row([md(r.provision), md(r.requirement + still), md(complyText(r)), md(evidence), md(r.commentary)]),
      );
    }
  }
  out.push('', '## Summary', '');
  out.push(
    `- ${summary.rows} provisions: ${summary.bySource.log} from the log, ${summary.bySource.log_and_statement} from the log and a statement, ${summary.bySource.statement} from a statement.`,
  );
  out.push(
    summary.statementsNeeded.length === 0
      ? '- Every row has an answer.'
      : `- Statements still needed (${summary.statementsNeeded.length}): ${summary.statementsNeeded.map(md).join(', ')}.`,
  );
  for (const line of timescaleText(doc)) out.push(`- ${md(line)}.`);
  if (doc.rejected.length > 0) {
    out.push(
      '',
      '## Rejected cases',
      '',
      `${doc.rejected.length} case(s) could not be read and are not counted:`,
      '',
    );
    for (const r of doc.rejected)
      out.push(
        `- ${md(r.caseId)}: ${r.problems.map((p) => md(`${p.path.join('.')}: ${p.message}`)).join('; ')}`,
      );
  }
  return `${out.join('\n')}\n`;
}
