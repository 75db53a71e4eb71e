/** The JUnit XML report (`--format junit`), for CI systems that show test results. */

import type { CaseResult, Finding, Status } from '../model/finding.js';
import { formatIssue } from '../model/issues.js';
import type { Report } from '../model/report.js';
import { explanationWithReview, indicatorRefs } from './common.js';
import { escapeXmlText, xmlElement } from './xml.js';

/** Options of {@link formatJunit}. */
export interface JunitOptions {
  /**
   * Add a last testsuite, `rejected`, with one `<error>` per rejected case listing its problems
   * (default true), so that a CI page shows input that was not judged. Its counts are included in
   * `<testsuites>`; the indicators' suites count findings only.
   */
  rejected?: boolean;
}

interface _Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

const _zero = (): _Counts => ({ tests: 0, failures: 0, errors: 0, skipped: 0 });

function _add(counts: _Counts, status: Status): void {
  counts.tests++;
  if (status === 'fail') counts.failures++;
  else if (status === 'error') counts.errors++;
  else if (status !== 'pass') counts.skipped++;
}

function _testcase(result: CaseResult, f: Finding): string {
  const attrs = {
    classname: f.ref,
    name: result.caseId,
    file: result.source?.file,
    line: result.source?.line,
  };
  const body =
    f.status === 'pass'
      ? ''
      : f.status === 'fail'
        ? xmlElement(
            'failure',
            { message: explanationWithReview(f), type: 'fail' },
            escapeXmlText(explanationWithReview(f)),
          )
        : f.status === 'error'
          ? xmlElement(
              'error',
              { message: explanationWithReview(f), type: 'error' },
              escapeXmlText(explanationWithReview(f)),
            )
          : xmlElement('skipped', { message: `${f.status}: ${explanationWithReview(f)}` });
  return xmlElement('testcase', attrs, body && `\n      ${body}\n    `);
}

const _suite = (name: string, counts: _Counts, testcases: string[]): string =>
  xmlElement(
    'testsuite',
    { name, ...counts },
    testcases.length > 0 ? `\n    ${testcases.join('\n    ')}\n  ` : '',
  );

/**
 * The report as JUnit XML: one `<testsuite>` per indicator (named `<ref> <id>`), one `<testcase>`
 * per case (`classname` the ref, `name` the case id, `file` and `line` where the case was read).
 * `fail` is a `<failure>` and `error` an `<error>`, each with the explanation as message and
 * text; `pending`, `insufficient_evidence` and `not_applicable` are `<skipped>` with the status and
 * explanation as message; `pass` is a bare testcase. Counts are on every suite and on
 * `<testsuites>`. Text is escaped for XML 1.0 (characters it forbids become U+FFFD).
 *
 * @example
 * writeFileSync('results.xml', formatJunit(report));
 * // <testsuite name="1.2.1 process-explained" tests="3" failures="1" errors="0" skipped="1">
 */
export function formatJunit(report: Report, options: JunitOptions = {}): string {
  const byRef = new Map<string, string[]>();
  const counts = new Map<string, _Counts>();
  for (const result of report.cases ?? []) {
    for (const f of result.findings) {
      const c = counts.get(f.ref) ?? _zero();
      counts.set(f.ref, c);
      _add(c, f.status);
      const list = byRef.get(f.ref) ?? [];
      byRef.set(f.ref, list);
      list.push(_testcase(result, f));
    }
  }
  const total = _zero();
  const suites: string[] = [];
  for (const { ref, id } of indicatorRefs(report.summary, report.cases ?? [])) {
    const c = counts.get(ref) ?? _zero();
    for (const k of Object.keys(total) as (keyof _Counts)[]) total[k] += c[k];
    suites.push(_suite(`${ref} ${id}`, c, byRef.get(ref) ?? []));
  }
  const rejected = report.summary.rejected;
  if ((options.rejected ?? true) && rejected.length > 0) {
    const testcases = rejected.map((r) => {
      const text = r.problems.map(formatIssue).join('\n');
      const message = `rejected: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} in ${r.events} events`;
      const error = xmlElement('error', { message, type: 'rejected' }, escapeXmlText(text));
      return xmlElement('testcase', { classname: 'rejected', name: r.caseId }, `\n      ${error}\n    `);
    });
    const c: _Counts = { tests: rejected.length, failures: 0, errors: rejected.length, skipped: 0 };
    for (const k of Object.keys(total) as (keyof _Counts)[]) total[k] += c[k];
    suites.push(_suite('rejected', c, testcases));
  }
  const content = suites.length > 0 ? `\n  ${suites.join('\n  ')}\n` : '';
  const root = xmlElement('testsuites', { name: 'service-standards', ...total }, content);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
