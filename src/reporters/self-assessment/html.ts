/**
 * The self-assessment as the printable form a landlord publishes: one self-contained HTML file,
 * a table per section with the form's columns, then the summary and how it was made. Static: no
 * script at all, and a Content-Security-Policy that allows only its own stylesheet, so nothing
 * in a statement or a case id can run or fetch anything.
 */
import { createHash } from 'node:crypto';
import type { SelfAssessment, SelfAssessmentRow } from '../../self-assessment/document.js';
import { readableInstant } from '../html/dates.js';
import { escapeHtml as e } from '../html/escape.js';
import { FORM_STYLES } from './html-styles.js';
import {
  caseLists,
  complyParts,
  type FormWords,
  periodText,
  rowsBySection,
  sectionTitle,
  timescaleText,
} from './words.js';

/** Options of {@link formatSelfAssessmentHtml}. */
export interface SelfAssessmentHtmlOptions {
  /** Who the self-assessment is of, for the heading (none by default: the log does not say). */
  landlord?: string;
}

const _hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const _CSP = [
  "default-src 'none'",
  "script-src 'none'",
  `style-src ${_hash(FORM_STYLES)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function _state(row: SelfAssessmentRow): string {
  return row.comply === null ? 'needed' : row.comply;
}

function _comply(row: SelfAssessmentRow): string {
  const { answer, note } = complyParts(row);
  return `<strong>${e(answer)}</strong>${note ? `<span class="source">${e(note)}</span>` : ''}`;
}

function _row(row: SelfAssessmentRow): string {
  const evidence = row.evidence === '' ? '' : `<p>${e(row.evidence)}</p>`;
  const cases = caseLists(row)
    .map((c) => `<p class="cases">${e(c)}</p>`)
    .join('');
  const still = row.stillToState ? `<p class="still">A person still states ${e(row.stillToState)}.</p>` : '';
  return `<tr id="p-${e(row.provision.replace('.', '-'))}" class="${_state(row)}"><th scope="row">${e(row.provision)}</th><td>${e(row.requirement)}${still}</td><td class="comply">${_comply(row)}</td><td class="evidence">${evidence}${cases}</td><td class="commentary">${e(row.commentary)}</td></tr>`;
}

function _section(form: FormWords, section: number, rows: readonly SelfAssessmentRow[]): string {
  const title = sectionTitle(form, section);
  return `<section id="section-${section}" aria-labelledby="h-section-${section}">
<h2 id="h-section-${section}">${e(title)}</h2>
<table>
<colgroup><col class="provision"><col class="requirement"><col class="comply"><col class="evidence"><col class="commentary"></colgroup>
<thead><tr><th scope="col">Code provision</th><th scope="col">Requirement (paraphrase)</th><th scope="col">Comply: yes / no</th><th scope="col">Evidence</th><th scope="col">Commentary / explanation</th></tr></thead>
<tbody>
${rows.map(_row).join('\n')}
</tbody>
</table>
</section>`;
}

function _summary(doc: SelfAssessment): string {
  const { summary } = doc;
  const needed =
    summary.statementsNeeded.length === 0
      ? '<p>Every row has an answer.</p>'
      : `<p>Statements still needed (${summary.statementsNeeded.length}): ${summary.statementsNeeded
          .map((n) => `<a href="#p-${e(n.replace('.', '-'))}">${e(n)}</a>`)
          .join(', ')}.</p>`;
  const rejected =
    doc.rejected.length === 0
      ? ''
      : `<h3>Rejected cases</h3><p>${doc.rejected.length} case(s) could not be read and are not counted.</p><ul>${doc.rejected
          .map(
            (r) =>
              `<li><span class="mono">${e(r.caseId)}</span>: ${e(r.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '))}</li>`,
          )
          .join('')}</ul>`;
  return `<section id="summary" aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>
<p>${summary.rows} provisions: ${summary.bySource.log} answered from the complaint log, ${summary.bySource.log_and_statement} from the log and a person's statement, ${summary.bySource.statement} from a statement.</p>
${needed}
<h3>Complaints answered within the Code's timescales</h3>
<ul>${timescaleText(doc)
    .map((t) => `<li>${e(t)}.</li>`)
    .join('')}</ul>
${rejected}</section>`;
}

function _provenance(doc: SelfAssessment): string {
  const { meta } = doc;
  const inputs = meta.inputs.map((i) => `${i.file} (SHA-256 ${i.sha256})`).join('; ');
  const facts: [string, string][] = [
    ['Ruleset', `${meta.ruleset.id} ${meta.ruleset.version} (SHA-256 ${meta.ruleset.sha256})`],
    ['As of', meta.asOf],
    ['Calendar', `${meta.calendar.zone}, ${meta.calendar.holidaySource}`],
    ['Complaint log', inputs],
    ['Statements', meta.statements ? `${meta.statements.file} (SHA-256 ${meta.statements.sha256})` : 'none'],
    ['Written by', `${meta.tool} ${meta.version} at ${meta.generatedAt}`],
  ];
  return `<section id="run" aria-labelledby="h-run"><h2 id="h-run">How this was made</h2>
<dl class="facts">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd class="mono">${e(v)}</dd>`).join('')}</dl></section>`;
}

/**
 * The form as one HTML document (UTF-8, ending with a newline). Every string from the document
 * is escaped as HTML; the page has no script. Pure: the same document gives the same bytes.
 *
 * @example
 * writeFileSync('self-assessment.html', formatSelfAssessmentHtml(doc, ruleset.selfAssessment));
 */
export function formatSelfAssessmentHtml(
  doc: SelfAssessment,
  form: FormWords,
  options: SelfAssessmentHtmlOptions = {},
): string {
  const title = `Self-assessment against the ${form.code}`;
  const who = options.landlord ? `${options.landlord}: ` : '';
  const sections = rowsBySection(doc.rows).map((s) => _section(form, s.section, s.rows));
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(who + title)}, ${e(periodText(doc))}</title>
<style>${FORM_STYLES}</style>
</head>
<body>
<main>
<h1>${e(who + title)}</h1>
<p class="lede">Period ${e(periodText(doc))} · judged as of <time datetime="${e(doc.meta.asOf)}">${e(readableInstant(doc.meta.asOf))}</time></p>
<p class="note">Each requirement is paraphrased, not quoted from the Code. Answers marked "suggested by the log" are judged from the complaint log against the target in their evidence; every other answer, evidence or commentary is a person's statement. Case references are the log's own ids; no names or letter text appear.</p>
${sections.join('\n')}
${_summary(doc)}
${_provenance(doc)}
<footer><p>One self-contained file: it runs no script and makes no network request.</p></footer>
</main>
</body>
</html>
`;
}
