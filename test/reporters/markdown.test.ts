import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/index.js';
import type { Report } from '../../src/model/report.js';
import { escapeMarkdownText } from '../../src/reporters/markdown.js';
import { sampleReport } from '../support/report.js';

describe('formatMarkdown', () => {
  const report = sampleReport();

  it('prints the run, the summary table, rejected cases and failing cases per indicator', () => {
    expect(formatMarkdown(report)).toMatchInlineSnapshot(`
      "# Service standards report

      **Overall compliance: 63.6%** (rate = pass / (pass + fail); the other statuses are counted, not rated)

      - Ruleset: sample-standards 1.0.0 (CSStandards-0524)
      - As of: 2024-09-02T00:00:00+01:00 (given)
      - Inputs: logs/cases.ndjson
      - Cases: 4 judged, 1 rejected; findings: 20
      - Events: 30 in judged cases, 1 of them after asOf (left out)
      - Unmapped activities: Phone call logged (3)

      ## Compliance by commitment, standard and indicator

      | Ref | Commitment, standard, indicator | Pass | Fail | Pending | Insufficient | N/A | Error | Rate |
      | :-- | :-- | --: | --: | --: | --: | --: | --: | --: |
      | **1** | **We will communicate effectively with you** | **5** | **3** | **3** | **0** | **0** | **1** | **62.5%** |
      | 1.2 | *Keeping you informed* | 3 | 3 | 2 | 0 | 0 | 0 | 50.0% |
      | 1.2.1 | process-explained | 1 | 2 | 1 | 0 | 0 | 0 | 33.3% |
      | 1.2.2 | progress-updates | 2 | 1 | 1 | 0 | 0 | 0 | 66.7% |
      | 1.3 | *Timeliness* | 2 | 0 | 1 | 0 | 0 | 1 | 100.0% |
      | 1.3.1 | timely | 2 | 0 | 1 | 0 | 0 | 1 | 100.0% |
      | **2** | **We will work in an open and fair way** | **2** | **0** | **0** | **1** | **1** | **0** | **100.0%** |
      | 2.2 | *Fairness* | 2 | 0 | 0 | 1 | 1 | 0 | 100.0% |
      | 2.2.2 | relevant-evidence | 2 | 0 | 0 | 1 | 1 | 0 | 100.0% |
      | **3** | **We will carry out our duties competently and responsibly** | **0** | **1** | **0** | **0** | **3** | **0** | **0.0%** |
      | 3.3 | *Reaching sound outcomes* | 0 | 1 | 0 | 0 | 3 | 0 | 0.0% |
      | 3.3.2 | remedies | 0 | 1 | 0 | 0 | 3 | 0 | 0.0% |
      |  | **Overall** | **7** | **4** | **3** | **1** | **4** | **1** | **63.6%** |

      ## Rejected cases

      Not judged: each problem names the file, the line or record, and the field.

      | Case | Events | Problems |
      | :-- | --: | :-- |
      | C-005 | 2 | logs/cases.ndjson:4: events.1.at: \\\`at\\\` must be an ISO 8601 instant with an offset |

      ## Failing cases

      ### 1.2.1 process-explained

      | Case | Status | Source | Explanation |
      | :-- | :-- | :-- | :-- |
      | C-002 | fail | logs/cases.ndjson:2 | Nothing explaining the investigation process was sent within 5 working days of receipt on Mon 13 May 2024 (due by Mon 20 May); none was sent by Mon 2 Sep. |
      | C-004 | fail | logs/cases.ndjson:5 | The investigation process was explained on Tue 14 May 2024, 7 working days after receipt on Fri 3 May (Mon 6 May was a bank holiday); the target is 5. |

      ### 1.2.2 progress-updates

      | Case | Status | Source | Explanation |
      | :-- | :-- | :-- | :-- |
      | C-004 | fail | logs/cases.ndjson:5 | The longest run without an update was 26 working days (Tue 14 May to Wed 19 Jun); the limit is 20. |

      ### 1.3.1 timely

      | Case | Status | Source | Explanation |
      | :-- | :-- | :-- | :-- |
      | C-002 | error | logs/cases.ndjson:2 | Could not be evaluated: the complexity assessment e4 names an unknown complexity "urgent". |

      ### 3.3.2 remedies

      | Case | Status | Source | Explanation |
      | :-- | :-- | :-- | :-- |
      | C-004 | fail | logs/cases.ndjson:5 | Remedy r1 was due on Mon 15 Jul 2024 and was not implemented by Mon 2 Sep; no follow-up was recorded. |
      "
    `);
  });

  it('caps failing cases per indicator with a note', () => {
    const md = formatMarkdown(report, { maxCasesPerIndicator: 1 });
    expect(md).toContain('*1 of 2 failing cases shown.*');
    expect(md.match(/\| C-00\d \| fail \|/g)).toHaveLength(3);
    const none = formatMarkdown(report, { maxCasesPerIndicator: 0 });
    expect(none).toContain('### 1.2.1 process-explained\n\n*0 of 2 failing cases shown.*\n');
    expect(none).not.toContain('| Case | Status |');
  });

  it('says so when nothing failed', () => {
    const clean: Report = { ...report, cases: (report.cases ?? []).filter((c) => c.caseId === 'C-001') };
    expect(formatMarkdown(clean)).toContain('## Failing cases\n\nNo case has a fail or an error.\n');
  });

  it('keeps every cell inert: no HTML, no Markdown, no broken table', () => {
    const odd: Report = structuredClone(report);
    const c = odd.cases?.[1];
    if (!c?.findings[0]) throw new Error('the sample has C-002');
    c.caseId = 'C|2 <b>x</b>';
    c.findings[0].explanation = 'Sent </script> & *not* bold | [link](http://x) `code`\nnext';
    const md = formatMarkdown(odd);
    expect(md).toContain(
      '| C\\|2 &lt;b&gt;x&lt;/b&gt; | fail | logs/cases.ndjson:2 | Sent &lt;/script&gt; &amp; \\*not\\* bold \\| \\[link\\](http://x) \\`code\\` next |',
    );
    expect(md).not.toContain('</script>');
  });

  it('escapes Markdown and HTML', () => {
    expect(escapeMarkdownText('a_b*c~d|e\\f<g>&h\ti')).toBe('a\\_b\\*c\\~d\\|e\\\\f&lt;g&gt;&amp;h i');
  });
});
