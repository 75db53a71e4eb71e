/**
 * `check` as a person reads it: the text table and the Markdown report of three hand-written
 * cases (fixtures/cli/small.ndjson) judged at a fixed instant, the defaulted `--as-of`, and
 * standard input read like a file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/schemas.js';
import {
  CLI_TIMEOUT,
  checkSample,
  cli,
  expectNoStack,
  ROOT,
  SAMPLE,
  SAMPLE_AS_OF,
  SMALL,
  SMALL_AS_OF,
  useCliSuite,
} from './_cli.js';

/** The ruleset's hash changes with every edit of a rule; the snapshots are about the layout and verdicts. */
const stableHash = (text: string) => text.replace(/sha256 [0-9a-f]{12}\b/g, 'sha256 <ruleset>');

describe.concurrent('service-standards check: what a person reads', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();

  // Concurrent tests take `expect` from their context, so that each snapshot is written to its own.
  it('prints the summary table, the run and the worst cases as text', async ({ expect }) => {
    const r = await cli(['check', SMALL, '--as-of', SMALL_AS_OF]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('findings at or above --fail-on fail: 9 fail\n');
    expect(stableHash(r.stdout)).toMatchInlineSnapshot(`
      "Compliance by indicator (rate = pass / (pass + fail))

                                                 Pass  Fail  Pending  Insufficient  N/A  Error    Rate
      1 We will communicate effectively with you                                                 55.6%
        1.1 Respect and Dignity                                                                      —
          1.1.1  courtesy                           0     0        0             0    3      0       —
          1.1.2  no-discrimination                  0     0        0             0    3      0       —
        1.2 Keeping you informed                                                                 80.0%
          1.2.1  process-explained                  1     1        1             0    0      0   50.0%
          1.2.2  progress-updates                   2     0        1             0    0      0  100.0%
          1.2.3  contact-named                      1     0        0             0    2      0  100.0%
        1.3 Timeliness                                                                           50.0%
          1.3.1  timely                             1     1        1             0    0      0   50.0%
        1.4 Clarity                                                                                  —
          1.4.1  clear-communication                0     0        0             1    2      0       —
        1.5 Accessibility                                                                            —
          1.5.1  accessible                         0     0        0             0    3      0       —
          1.5.2  individual-needs                   0     0        0             0    3      0       —
        1.6 Understanding                                                                         0.0%
          1.6.1  complaint-understood               0     2        1             0    0      0    0.0%
          1.6.2  signposted                         0     0        0             0    3      0       —
      2 We will work in an open and fair way                                                     40.0%
        2.1 Transparency                                                                         40.0%
          2.1.1  ombudsman-information              1     1        1             0    0      0   50.0%
          2.1.2  complaints-process-information     1     2        0             0    0      0   33.3%
        2.2 Fairness                                                                                 —
          2.2.1  all-information-considered         0     0        0             0    3      0       —
          2.2.2  relevant-evidence                  0     0        0             0    3      0       —
        2.3 Impartiality and independence                                                            —
          2.3.1  independent-evaluation             0     0        0             0    3      0       —
      3 We will carry out our duties competently and responsibly                                  0.0%
        3.1 Expertise                                                                                —
          3.1.1  qualified-decision-maker           0     0        0             0    3      0       —
        3.2 Explaining our scope                                                                  0.0%
          3.2.1  scope-explained                    0     2        1             0    0      0    0.0%
        3.3 Reaching sound outcomes                                                                  —
          3.3.1  reasons-explained                  0     0        0             0    3      0       —
          3.3.2  remedies                           0     0        0             0    3      0       —
        3.4 Ensuring impact                                                                          —
          3.4.1  learning-shared                    0     0        0             0    3      0       —
        3.5 Handling information                                                                     —
          3.5.1  information-handled                0     0        0             0    3      0       —
        3.6 Putting things right                                                                     —
          3.6.1  mistakes-put-right                 0     0        0             0    3      0       —
      L Other promises made in the leaflet                                                           —
        L.1 What we expect from you                                                                  —
          L.1    engagement-change-explained        0     0        0             0    3      0       —
        L.2 Are you happy with the service you received from us?                                     —
          L.2    service-complaints-handled         0     0        0             0    3      0       —
        L.3 Your information                                                                         —
          L.3    reports-anonymised                 0     0        0             0    3      0       —
        L.4 How to contact the SPSO                                                                  —
          L.4    call-recording-confirmed           0     0        0             0    3      0       —
      Overall                                       7     9        6             1   58      0   43.8%

      Run
        Ruleset   spso-css-0524 1.0.0 (CSStandards-0524), sha256 <ruleset>
        As of     2024-06-28T17:00:00.000+01:00 (given)
        Inputs    fixtures/cli/small.ndjson
        Cases     3 judged, 0 rejected
        Events    6 in judged cases (0 after asOf, left out)
        Findings  81
        Unmapped  no activities

      Worst cases (3 of 3 cases with a fail or an error)
        CLI-2  6 fail  (fixtures/cli/small.ndjson:2)
          fail   1.2.1 process-explained: The complaint was received on Wed 1 May 2024; the investigation process had to be explained within 5 working days, by Thu 9 May 2024 (Mon 6 May 2024 was not a working day), and none was sent before the case was closed on Fri 10 May 2024, or since.
          fail   1.3.1 timely: The complaint was received on Wed 1 May 2024 and concluded on Fri 10 May 2024 (b2), 6 working days later. The deadline for a simple case was Thu 9 May 2024, 5 working days, so it was late.
          fail   1.6.1 complaint-understood: The case was closed on Fri 10 May 2024 (b2) without a decision and without a confirmed summary of what the complainant wanted.
          fail   2.1.1 ombudsman-information: No information about the Ombudsman was sent to the complainant on or before the case was closed on Fri 10 May 2024 (b2), without a decision.
          fail   2.1.2 complaints-process-information: The complaint was received on Wed 1 May 2024; information about the complaints procedure had to be sent within 3 working days, by Tue 7 May 2024 (Mon 6 May 2024 was not a working day), and none was sent before the case was closed on Fri 10 May 2024, or since.
          fail   3.2.1 scope-explained: Before the case was closed on Fri 10 May 2024 (b2), the complainant was never told about scope, restrictions and achievable outcomes.
        CLI-1  2 fail  (fixtures/cli/small.ndjson:1)
          fail   1.6.1 complaint-understood: The case was closed on Wed 8 May 2024 (a3) without a decision and without a confirmed summary of what the complainant wanted.
          fail   3.2.1 scope-explained: Before the case was closed on Wed 8 May 2024 (a3), the complainant was never told about scope, restrictions and achievable outcomes.
        CLI-3  1 fail  (fixtures/cli/small.ndjson:3)
          fail   2.1.2 complaints-process-information: The complaint was received on Mon 24 Jun 2024; information about the complaints procedure had to be sent within 3 working days, by Thu 27 Jun 2024, and none had been sent by Fri 28 Jun 2024.
      "
    `);
  });

  it('writes a Markdown report (here of two standards, with --only)', async ({ expect }) => {
    const r = await cli([
      'check',
      SMALL,
      '--as-of',
      SMALL_AS_OF,
      '--only',
      '1.3,2.1',
      '--format',
      'markdown',
    ]);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('findings at or above --fail-on fail: 4 fail\n');
    expect(r.stdout).toMatchInlineSnapshot(`
      "# Service standards report

      **Overall compliance: 42.9%** (rate = pass / (pass + fail); the other statuses are counted, not rated)

      - Ruleset: spso-css-0524 1.0.0 (CSStandards-0524)
      - As of: 2024-06-28T17:00:00.000+01:00 (given)
      - Inputs: fixtures/cli/small.ndjson
      - Cases: 3 judged, 0 rejected; findings: 9
      - Events: 6 in judged cases, 0 of them after asOf (left out)
      - Unmapped activities: none
      - Only: 1.3, 2.1

      ## Compliance by commitment, standard and indicator

      | Ref | Commitment, standard, indicator | Pass | Fail | Pending | Insufficient | N/A | Error | Rate |
      | :-- | :-- | --: | --: | --: | --: | --: | --: | --: |
      | **1** | **We will communicate effectively with you** | **1** | **1** | **1** | **0** | **0** | **0** | **50.0%** |
      | 1.3 | *Timeliness* | 1 | 1 | 1 | 0 | 0 | 0 | 50.0% |
      | 1.3.1 | timely | 1 | 1 | 1 | 0 | 0 | 0 | 50.0% |
      | **2** | **We will work in an open and fair way** | **2** | **3** | **1** | **0** | **0** | **0** | **40.0%** |
      | 2.1 | *Transparency* | 2 | 3 | 1 | 0 | 0 | 0 | 40.0% |
      | 2.1.1 | ombudsman-information | 1 | 1 | 1 | 0 | 0 | 0 | 50.0% |
      | 2.1.2 | complaints-process-information | 1 | 2 | 0 | 0 | 0 | 0 | 33.3% |
      |  | **Overall** | **3** | **4** | **2** | **0** | **0** | **0** | **42.9%** |

      ## Failing cases

      ### 1.3.1 timely

      | Case | Status | Source | Explanation |
      | :-- | :-- | :-- | :-- |
      | CLI-2 | fail | fixtures/cli/small.ndjson:2 | The complaint was received on Wed 1 May 2024 and concluded on Fri 10 May 2024 (b2), 6 working days later. The deadline for a simple case was Thu 9 May 2024, 5 working days, so it was late. |

      ### 2.1.1 ombudsman-information

      | Case | Status | Source | Explanation |
      | :-- | :-- | :-- | :-- |
      | CLI-2 | fail | fixtures/cli/small.ndjson:2 | No information about the Ombudsman was sent to the complainant on or before the case was closed on Fri 10 May 2024 (b2), without a decision. |

      ### 2.1.2 complaints-process-information

      | Case | Status | Source | Explanation |
      | :-- | :-- | :-- | :-- |
      | CLI-2 | fail | fixtures/cli/small.ndjson:2 | The complaint was received on Wed 1 May 2024; information about the complaints procedure had to be sent within 3 working days, by Tue 7 May 2024 (Mon 6 May 2024 was not a working day), and none was sent before the case was closed on Fri 10 May 2024, or since. |
      | CLI-3 | fail | fixtures/cli/small.ndjson:3 | The complaint was received on Mon 24 Jun 2024; information about the complaints procedure had to be sent within 3 working days, by Thu 27 Jun 2024, and none had been sent by Fri 28 Jun 2024. |
      "
    `);
  });

  it('judges as of now when --as-of is left out, and says so', async () => {
    const json = join(suite.dir(), 'now.json');
    const before = Date.now();
    const r = await cli(['check', SMALL, '--fail-on', 'none', '--report', `json:${json}`]);
    const after = Date.now();
    expectNoStack(r);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}As of {5}\S+ \(defaulted to now\)$/m);
    expect(r.stdout).not.toContain('(given)');
    const report = ReportSchema.parse(JSON.parse(await readFile(json, 'utf8')));
    expect(report.meta.asOfSource).toBe('now');
    const asOf = Date.parse(report.meta.asOf);
    // The instant printed is the one judged at: within the run, to the millisecond printed.
    expect(asOf).toBeGreaterThanOrEqual(before - 1);
    expect(asOf).toBeLessThanOrEqual(after);
    expect(r.stdout).toContain(report.meta.asOf);
  });

  it('reads standard input (-) as it reads the file', async () => {
    const input = await readFile(join(ROOT, SAMPLE));
    const [fromFile, fromStdin] = await Promise.all([
      cli(checkSample('--format', 'json')),
      cli(
        [
          'check',
          '-',
          '--input-format',
          'ndjson',
          '--as-of',
          SAMPLE_AS_OF,
          '--fail-on',
          'none',
          '--format',
          'json',
        ],
        {
          input,
        },
      ),
    ]);
    for (const r of [fromFile, fromStdin]) {
      expectNoStack(r);
      expect(r.code).toBe(0);
    }
    const file = ReportSchema.parse(JSON.parse(fromFile.stdout));
    const stdin = ReportSchema.parse(JSON.parse(fromStdin.stdout));
    expect(file.summary.cases).toBe(50);
    expect(stdin.summary).toEqual(file.summary);
    // The inputs differ in name only: the same bytes were read.
    expect(stdin.meta.inputs).toEqual([{ ...file.meta.inputs[0], file: '<stdin>' }]);
    expect(file.meta.inputs).toEqual([{ file: SAMPLE, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    // And the cases too, but for where each was read from.
    expect((stdin.cases ?? []).map((c) => c.source)).toEqual(
      (file.cases ?? []).map((c) => ({ ...c.source, file: '<stdin>' })),
    );
    expect((stdin.cases ?? []).map(({ source: _, ...c }) => c)).toEqual(
      (file.cases ?? []).map(({ source: _, ...c }) => c),
    );
  });
});
