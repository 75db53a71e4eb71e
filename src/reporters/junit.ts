/** The JUnit XML report (`--format junit`), for CI systems that show test results. */

import type { CaseResult, Finding, Status } from '../model/finding.js';
import { formatIssue } from '../model/issues.js';
import type { Report } from '../model/report.js';
import type { Summary } from '../model/summary.js';
import { requireOptions, requireParts, requireReport } from '../model/usage-error.js';
import { createNamedRefs, explanationWithReview } from './common.js';
import { memoryParts, type Parts, type Piece, type ReportBuilder, renderWhole } from './parts.js';
import { escapeXmlText, xmlElement, xmlStartTag } from './xml.js';

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
  if (f.status === 'pass') return xmlElement('testcase', attrs);
  const explanation = explanationWithReview(f);
  const body =
    f.status === 'fail' || f.status === 'error'
      ? xmlElement(
          f.status === 'fail' ? 'failure' : 'error',
          { message: explanation, type: f.status },
          escapeXmlText(explanation),
        )
      : xmlElement('skipped', { message: `${f.status}: ${explanation}` });
  return xmlElement('testcase', attrs, `\n      ${body}\n    `);
}

/** A suite whose testcases are in a part (`count` of them), or none. */
function _suite(name: string, counts: _Counts, part: string | undefined): Piece[] {
  const attrs = { name, ...counts };
  if (part === undefined) return [`\n  ${xmlElement('testsuite', attrs)}`];
  return [`\n  ${xmlStartTag('testsuite', attrs)}`, { part }, '\n  </testsuite>'];
}

const _sum = (total: _Counts, c: _Counts) => {
  for (const k of Object.keys(total) as (keyof _Counts)[]) total[k] += c[k];
};

function _rejectedSuite(rejected: Summary['rejected']): { counts: _Counts; text: string } {
  const testcases = rejected.map((r) => {
    const text = r.problems.map(formatIssue).join('\n');
    const message = `rejected: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} in ${r.events} events`;
    const error = xmlElement('error', { message, type: 'rejected' }, escapeXmlText(text));
    return xmlElement('testcase', { classname: 'rejected', name: r.caseId }, `\n      ${error}\n    `);
  });
  const counts: _Counts = { tests: rejected.length, failures: 0, errors: rejected.length, skipped: 0 };
  return {
    counts,
    text: `\n  ${xmlElement('testsuite', { name: 'rejected', ...counts }, `\n    ${testcases.join('\n    ')}\n  `)}`,
  };
}

/**
 * The JUnit report case by case: each finding's testcase goes to its indicator's part as the case
 * is judged; `finish` writes the suites around them with their counts, exactly as
 * {@link formatJunit} prints the whole report.
 */
export function createJunitBuilder(parts: Parts, options: JunitOptions = {}): ReportBuilder {
  requireParts('createJunitBuilder', parts, 'createJunitBuilder(memoryParts())');
  requireOptions('createJunitBuilder', options, 'createJunitBuilder(parts, options)');
  const counts = new Map<string, _Counts>();
  const named = createNamedRefs();
  return {
    add(result) {
      named.see(result.findings);
      for (const f of result.findings) {
        const c = counts.get(f.ref) ?? _zero();
        counts.set(f.ref, c);
        _add(c, f.status);
        parts.append(`suite:${f.ref}`, `\n    ${_testcase(result, f)}`);
      }
    },
    finish({ summary }) {
      const total = _zero();
      const suites: Piece[] = [];
      for (const { ref, id } of named.inReportOrder(summary)) {
        const c = counts.get(ref);
        _sum(total, c ?? _zero());
        suites.push(..._suite(`${ref} ${id}`, c ?? _zero(), c && c.tests > 0 ? `suite:${ref}` : undefined));
      }
      if ((options.rejected ?? true) && summary.rejected.length > 0) {
        const { counts: c, text } = _rejectedSuite(summary.rejected);
        _sum(total, c);
        suites.push(text);
      }
      const attrs = { name: 'service-standards', ...total };
      const root =
        suites.length === 0
          ? [xmlElement('testsuites', attrs)]
          : [xmlStartTag('testsuites', attrs), ...suites, '\n</testsuites>'];
      return ['<?xml version="1.0" encoding="UTF-8"?>\n', ...root, '\n'];
    },
  };
}

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
  requireReport('formatJunit', report, 'formatJunit(report)');
  requireOptions('formatJunit', options, 'formatJunit(report, options)');
  const parts = memoryParts();
  return renderWhole(createJunitBuilder(parts, options), parts, report);
}
