/**
 * The self-assessment's reporters on a small document: the form's columns and one table per
 * section, one CSV line per row, JSON that parses back to the document, and hostile text in a
 * statement kept inert in every format.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatSelfAssessmentCsv } from '../../src/reporters/self-assessment/csv.js';
import { formatSelfAssessmentHtml } from '../../src/reporters/self-assessment/html.js';
import { formatSelfAssessmentJson } from '../../src/reporters/self-assessment/json.js';
import { formatSelfAssessmentMarkdown } from '../../src/reporters/self-assessment/markdown.js';
import { formatSelfAssessmentText } from '../../src/reporters/self-assessment/text.js';
import { SelfAssessmentSchema } from '../../src/self-assessment/document.js';
import { HOSTILE, testDocument, testForm } from './_doc.js';

const doc = testDocument();

describe('markdown', () => {
  const md = formatSelfAssessmentMarkdown(doc, testForm);

  it('prints one table per section with the form columns', () => {
    expect(md.match(/^## Section \d: .*$/gm)).toEqual(['## Section 3: Access', '## Section 6: Stages']);
    expect(
      md.match(
        /^\| Provision \| Requirement \(paraphrase\) \| Comply \| Evidence \| Commentary \/ explanation \|$/gm,
      ),
    ).toHaveLength(2);
    const rows = md.match(/^\| \d\.\d+ .*$/gm) ?? [];
    expect(rows).toHaveLength(4);
    // Five cells on every row: the statement's pipe is escaped.
    for (const r of rows) expect(r.split(/(?<!\\)\|/).length).toBe(7);
  });

  it('says where each answer came from, and what is still needed', () => {
    expect(md).toContain('| 6.2 | Acknowledged in time. | No (suggested by the log) |');
    expect(md).toContain('Failed: C&lt;2&gt;.');
    expect(md).toContain(
      '| 6.4 | Extensions capped. A person still states that extensions were decided on complexity. | Statement needed (the log suggests Yes) |',
    );
    expect(md).toContain('Statements still needed (2): 6.4, 6.13.');
  });

  it('renders nothing from a statement as HTML or Markdown', () => {
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script');
    expect(md).toContain('\\*\\*bold\\*\\*');
  });
});

describe('csv', () => {
  const rows = parse(formatSelfAssessmentCsv(doc), { columns: true }) as Record<string, string>[];

  it('writes one line per row, with the figures and case lists', () => {
    expect(rows.map((r) => r.provision)).toEqual(['3.1', '6.2', '6.4', '6.13']);
    expect(rows[1]).toMatchObject({
      comply: 'no',
      complySource: 'suggested',
      pass: '1',
      fail: '1',
      complianceRate: '0.5',
      failedCases: 'C<2>',
    });
    expect(rows[0]).toMatchObject({ comply: 'yes', complySource: 'statement', pass: '', evidence: HOSTILE });
  });

  it('keeps a statement that looks like a formula from running in a spreadsheet', () => {
    expect(rows[0]?.commentary).toBe(`'=HYPERLINK("x")`);
  });
});

describe('json', () => {
  it('parses back to the same document, in the order of the contract', () => {
    const text = formatSelfAssessmentJson(doc);
    expect(SelfAssessmentSchema.parse(JSON.parse(text))).toEqual(doc);
    expect(Object.keys(JSON.parse(text))).toEqual(['meta', 'rows', 'summary', 'rejected']);
  });
});

describe('text', () => {
  it('lists every provision under its section with its answer', () => {
    const text = formatSelfAssessmentText(doc, testForm);
    expect(text).toContain('Section 6: Stages\n  6.2   No (suggested by the log) [S1.1: 50.0% 2 judged]');
    expect(text).toContain('Statements needed (2): 6.4, 6.13');
    expect(text).toContain('1 case(s) rejected as invalid, not counted: bad<1>');
  });
});

describe('html (as text; the browser test opens it)', () => {
  const html = formatSelfAssessmentHtml(doc, testForm, { landlord: 'Acme <Homes>' });

  it('is static and escapes every string', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('Acme &lt;Homes&gt;');
    expect(html).toMatch(/script-src 'none'/);
  });

  it('has a table per section and a row per provision', () => {
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html.match(/<tr id="p-/g)).toHaveLength(4);
  });

  it('gives the same bytes for the same document', () => {
    expect(formatSelfAssessmentHtml(doc, testForm, { landlord: 'Acme <Homes>' })).toBe(html);
  });
});
