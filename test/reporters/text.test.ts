import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/index.js';
import type { Report } from '../../src/model/report.js';
import { sampleReport } from '../support/report.js';

const ESC = '\u001b[';

describe('formatText', () => {
  const report = sampleReport();

  it('prints the table, the overall line, the run and the worst cases', () => {
    expect(formatText(report, { env: {} })).toMatchInlineSnapshot(`
      "Compliance by indicator (rate = pass / (pass + fail))

                                    Pass  Fail  Pending  Insufficient  N/A  Error    Rate
      1 We will communicate effectively with you                                    62.5%
        1.2 Keeping you informed                                                    50.0%
          1.2.1  process-explained     1     2        1             0    0      0   33.3%
          1.2.2  progress-updates      2     1        1             0    0      0   66.7%
        1.3 Timeliness                                                             100.0%
          1.3.1  timely                2     0        1             0    0      1  100.0%
      2 We will work in an open and fair way                                       100.0%
        2.2 Fairness                                                               100.0%
          2.2.2  relevant-evidence     2     0        0             1    1      0  100.0%
      3 We will carry out our duties competently and responsibly                     0.0%
        3.3 Reaching sound outcomes                                                  0.0%
          3.3.2  remedies              0     1        0             0    3      0    0.0%
      Overall                          7     4        3             1    4      1   63.6%

      Run
        Ruleset   sample-standards 1.0.0 (CSStandards-0524), sha256 9409f7ae76b7
        As of     2024-09-02T00:00:00+01:00 (given)
        Inputs    logs/cases.ndjson
        Cases     4 judged, 1 rejected
        Events    30 in judged cases (1 after asOf, left out), 2 in rejected cases
        Findings  20
        Unmapped  1 activity type: "Phone call logged" ×3

      Rejected cases (1): not judged
        C-005 (2 events)
          logs/cases.ndjson:4: events.1.at: \`at\` must be an ISO 8601 instant with an offset

      Worst cases (2 of 2 cases with a fail or an error)
        C-004  3 fail  (logs/cases.ndjson:5)
          fail   1.2.1 process-explained: The investigation process was explained on Tue 14 May 2024, 7 working days after receipt on Fri 3 May (Mon 6 May was a bank holiday); the target is 5.
          fail   1.2.2 progress-updates: The longest run without an update was 26 working days (Tue 14 May to Wed 19 Jun); the limit is 20.
          fail   3.3.2 remedies: Remedy r1 was due on Mon 15 Jul 2024 and was not implemented by Mon 2 Sep; no follow-up was recorded.
        C-002  1 fail, 1 error  (logs/cases.ndjson:2)
          fail   1.2.1 process-explained: Nothing explaining the investigation process was sent within 5 working days of receipt on Mon 13 May 2024 (due by Mon 20 May); none was sent by Mon 2 Sep.
          error  1.3.1 timely: Could not be evaluated: the complexity assessment e4 names an unknown complexity "urgent".
      "
    `);
  });

  it('says when asOf was defaulted to now, and lists only and skip', () => {
    const now: Report = {
      ...report,
      meta: { ...report.meta, asOfSource: 'now', only: ['1.2.1', '1.3.1'], skip: ['3.3.2'] },
    };
    const text = formatText(now, { env: {} });
    expect(text).toContain('As of     2024-09-02T00:00:00+01:00 (defaulted to now)');
    expect(text).toContain('Only      1.2.1, 1.3.1');
    expect(text).toContain('Skipped   3.3.2');
  });

  it('caps the worst cases, or leaves them out', () => {
    const one = formatText(report, { env: {}, worstCases: 1 });
    expect(one).toContain('Worst cases (1 of 2 cases with a fail or an error)');
    expect(one).not.toContain('C-002  ');
    expect(formatText(report, { env: {}, worstCases: 0 })).not.toContain('Worst cases');
    const clean: Report = { ...report, cases: (report.cases ?? []).filter((c) => c.caseId === 'C-001') };
    expect(formatText(clean, { env: {} })).toContain('Worst cases: none (no case has a fail or an error)\n');
  });

  it('shows "—" for a rate with no pass and no fail', () => {
    const indicator = report.summary.indicators[0];
    if (!indicator) throw new Error('the sample has indicators');
    const zero = { ...indicator.byStatus, pass: 0, fail: 0 };
    const none: Report = {
      ...report,
      summary: { ...report.summary, indicators: [{ ...indicator, byStatus: zero, complianceRate: null }] },
    };
    expect(formatText(none, { env: {} })).toMatch(/ {4}1\.2\.1 {2}process-explained {5}0 {5}0 .* {5}—\n/);
  });

  it('colours only when asked, and never with NO_COLOR', () => {
    expect(formatText(report, { env: {} })).not.toContain(ESC);
    expect(formatText(report, { color: true, env: {} })).toContain(`${ESC}31m`);
    expect(formatText(report, { color: true, env: { NO_COLOR: '1' } })).not.toContain(ESC);
    // Colour changes no width: without the escapes, the text is the same.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escapes.
    const stripped = formatText(report, { color: true, env: {} }).replace(/\u001b\[[0-9;]*m/g, '');
    expect(stripped).toBe(formatText(report, { env: {} }));
  });
});
