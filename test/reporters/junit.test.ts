import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/index.js';
import type { Report } from '../../src/model/report.js';
import { escapeXmlAttribute, escapeXmlText } from '../../src/reporters/xml.js';
import { sampleReport } from '../support/report.js';

interface Counts {
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
}
interface Testcase {
  '@_classname': string;
  '@_name': string;
  '@_file'?: string;
  '@_line'?: string;
  failure?: { '@_message': string; '#text': string };
  error?: { '@_message': string; '#text': string };
  skipped?: { '@_message': string };
}
interface Testsuite extends Counts {
  '@_name': string;
  testcase?: Testcase[];
}
interface Parsed {
  testsuites: Counts & { testsuite: Testsuite[] };
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    isArray: (name) => name === 'testsuite' || name === 'testcase',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true, // decodes numeric references (&#13;) too
  });
  return parser.parse(xml) as Parsed;
}

const counts = (c: Counts) => ({
  tests: Number(c['@_tests']),
  failures: Number(c['@_failures']),
  errors: Number(c['@_errors']),
  skipped: Number(c['@_skipped']),
});

describe('formatJunit', () => {
  const report = sampleReport();
  const { byStatus } = report.summary;

  it('has one suite per indicator whose counts add up to summary.byStatus', () => {
    const { testsuites } = parse(formatJunit(report, { rejected: false }));
    expect(testsuites.testsuite.map((s) => s['@_name'])).toEqual(
      report.summary.indicators.map((i) => `${i.ref} ${i.id}`),
    );
    const expected = {
      tests: report.summary.findings,
      failures: byStatus.fail,
      errors: byStatus.error,
      skipped: byStatus.pending + byStatus.insufficient_evidence + byStatus.not_applicable,
    };
    expect(counts(testsuites)).toEqual(expected);
    const summed = testsuites.testsuite.map(counts).reduce((a, c) => ({
      tests: a.tests + c.tests,
      failures: a.failures + c.failures,
      errors: a.errors + c.errors,
      skipped: a.skipped + c.skipped,
    }));
    expect(summed).toEqual(expected);
    for (const [k, suite] of testsuites.testsuite.entries()) {
      const i = report.summary.indicators[k];
      expect(counts(suite)).toEqual({
        tests: Object.values(i?.byStatus ?? {}).reduce((a, n) => a + n, 0),
        failures: i?.byStatus.fail,
        errors: i?.byStatus.error,
        skipped:
          (i?.byStatus.pending ?? 0) +
          (i?.byStatus.insufficient_evidence ?? 0) +
          (i?.byStatus.not_applicable ?? 0),
      });
      expect(suite.testcase).toHaveLength(counts(suite).tests);
    }
  });

  it('adds a "rejected" suite, one error per rejected case, by default', () => {
    const { testsuites } = parse(formatJunit(report));
    const last = testsuites.testsuite.at(-1);
    expect(last?.['@_name']).toBe('rejected');
    expect(counts(testsuites)).toEqual({
      tests: report.summary.findings + 1,
      failures: byStatus.fail,
      errors: byStatus.error + 1,
      skipped: byStatus.pending + byStatus.insufficient_evidence + byStatus.not_applicable,
    });
    expect(last?.testcase?.[0]?.error?.['#text']).toBe(
      'logs/cases.ndjson:4: events.1.at: `at` must be an ISO 8601 instant with an offset',
    );
  });

  it('maps each status to a testcase: failure, error, skipped with the reason, or bare', () => {
    const { testsuites } = parse(formatJunit(report));
    const cases = testsuites.testsuite.flatMap((s) => s.testcase ?? []);
    const find = (ref: string, caseId: string) =>
      cases.find((c) => c['@_classname'] === ref && c['@_name'] === caseId);
    const explanation = (caseId: string, ref: string) =>
      (report.cases ?? []).find((c) => c.caseId === caseId)?.findings.find((f) => f.ref === ref)?.explanation;

    expect(find('1.2.1', 'C-002')).toMatchObject({
      '@_file': 'logs/cases.ndjson',
      '@_line': '2',
      failure: { '@_message': explanation('C-002', '1.2.1'), '#text': explanation('C-002', '1.2.1') },
    });
    expect(find('1.3.1', 'C-002')?.error?.['#text']).toBe(explanation('C-002', '1.3.1'));
    expect(find('1.2.1', 'C-003')?.skipped?.['@_message']).toBe(`pending: ${explanation('C-003', '1.2.1')}`);
    expect(find('2.2.2', 'C-002')?.skipped?.['@_message']).toMatch(/^insufficient_evidence: /);
    expect(find('3.3.2', 'C-001')?.skipped?.['@_message']).toBe('not_applicable: No remedy was recommended.');
    const pass = find('1.2.1', 'C-001');
    expect(pass).toEqual({
      '@_classname': '1.2.1',
      '@_name': 'C-001',
      '@_file': 'logs/cases.ndjson',
      '@_line': '1',
    });
  });

  it('escapes </script>, &, quotes and control characters, and the text reads back', () => {
    const nasty =
      'Sent </script><script>alert("x")</script> & \'more\' ]]> \u0000\u0007\u001b\uFFFE\uD800 tab\there\r\nend';
    const safe =
      'Sent </script><script>alert("x")</script> & \'more\' ]]> \uFFFD\uFFFD\uFFFD\uFFFD\uFFFD tab\there\r\nend';
    const odd: Report = structuredClone(report);
    const c = odd.cases?.[1];
    const [f0, , f2] = c?.findings ?? [];
    const rejected = odd.summary.rejected[0];
    if (!c || !f0 || !f2 || !rejected) throw new Error('the sample has C-002 and a rejected case');
    c.caseId = 'C&<"2">';
    f0.explanation = nasty;
    f2.explanation = nasty;
    rejected.caseId = '</testsuite>';

    const xml = formatJunit(odd);
    expect(xml).not.toContain('</script>');
    expect(xml).not.toContain(']]>');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: none of them may be left.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    const { testsuites } = parse(xml);
    const all = testsuites.testsuite.flatMap((s) => s.testcase ?? []);
    const failed = all.find((t) => t['@_name'] === 'C&<"2">' && t['@_classname'] === '1.2.1');
    expect(failed?.failure?.['#text']).toBe(safe);
    // Attribute values keep tab and line breaks because they are written as character references.
    expect(failed?.failure?.['@_message']).toBe(safe);
    expect(all.find((t) => t['@_classname'] === '1.3.1' && t['@_name'] === 'C&<"2">')?.error?.['#text']).toBe(
      safe,
    );
    expect(all.some((t) => t['@_name'] === '</testsuite>')).toBe(true);
  });

  it('escapes XML text and attributes', () => {
    expect(escapeXmlText('a < b && c > d </script>')).toBe('a &lt; b &amp;&amp; c &gt; d &lt;/script&gt;');
    expect(escapeXmlAttribute(`"quoted" 'single' <&>\t\n\r`)).toBe(
      '&quot;quoted&quot; &apos;single&apos; &lt;&amp;&gt;&#9;&#10;&#13;',
    );
    expect(escapeXmlText('bell\u0007 nul\u0000 ok\t\r\n😀 lone\uDC00')).toBe(
      'bell\uFFFD nul\uFFFD ok\t&#13;\n😀 lone\uFFFD',
    );
  });

  it('writes an empty but well-formed document for an empty report', () => {
    const empty: Report = {
      ...report,
      cases: [],
      summary: { ...report.summary, indicators: [], findings: 0, rejected: [] },
    };
    const xml = formatJunit(empty);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="service-standards" tests="0" failures="0" errors="0" skipped="0"/>\n',
    );
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});
