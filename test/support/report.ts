/**
 * A small, realistic report for the reporters' tests, built by hand (it does not depend on the
 * shipped rules being finished): five indicators under three commitments, four judged cases with
 * every status among them, one rejected case, unmapped activities and events after asOf.
 */
import { createRuleset, type Ruleset } from '../../src/engine/ruleset.js';
import { worstStatus } from '../../src/engine/status.js';
import { createSummaryBuilder } from '../../src/engine/summarize.js';
import type { CaseResult, Finding } from '../../src/model/finding.js';
import type { Report, ReportMeta } from '../../src/model/report.js';

const _INDICATORS = [
  ['1.2.1', 'process-explained', '1', '1.2', 'We will explain our investigation process to you.'],
  [
    '1.2.2',
    'progress-updates',
    '1',
    '1.2',
    'We will keep you informed of progress and tell you what needs to happen at each stage.',
  ],
  [
    '1.3.1',
    'timely',
    '1',
    '1.3',
    'We will deal with your complaint in a timely manner, taking into account the complexity of the case.',
  ],
  ['2.2.2', 'relevant-evidence', '2', '2.2', 'Our decisions will be based on all of the relevant evidence.'],
  [
    '3.3.2',
    'remedies',
    '3',
    '3.3',
    'We will ensure remedies are proportionate, appropriate and fair. We will make sure remedies are put in place, as far as we can.',
  ],
] as const;

/** A ruleset with the sample's five indicators (their leaflet words) and nothing to evaluate. */
export function sampleRuleset(): Ruleset {
  const rules = Object.fromEntries(
    _INDICATORS.map(([ref, id, commitment, standard, words]) => [
      `${ref}.json`,
      {
        ref,
        id,
        commitment,
        standard,
        words,
        description: `How ${id} is judged.`,
        parameters: [],
        facts: {},
        checks: [{ id: 'only', description: 'a stand-in check', outcomes: [], explain: {} }],
        explain: {},
        statuses: ['pass', 'fail', 'pending', 'insufficient_evidence', 'not_applicable'],
      },
    ]),
  );
  return createRuleset({
    manifest: {
      id: 'sample-standards',
      version: '1.0.0',
      title: 'Sample standards',
      source: 'CSStandards-0524',
      commitments: [
        {
          ref: '1',
          title: 'We will communicate effectively with you',
          standards: [
            { ref: '1.2', title: 'Keeping you informed', indicators: ['1.2.1', '1.2.2'] },
            { ref: '1.3', title: 'Timeliness', indicators: ['1.3.1'] },
          ],
        },
        {
          ref: '2',
          title: 'We will work in an open and fair way',
          standards: [{ ref: '2.2', title: 'Fairness', indicators: ['2.2.2'] }],
        },
        {
          ref: '3',
          title: 'We will carry out our duties competently and responsibly',
          standards: [{ ref: '3.3', title: 'Reaching sound outcomes', indicators: ['3.3.2'] }],
        },
      ],
      parameters: {},
      calendar: { zone: 'Europe/London', holidays: { none: true }, countReceiptDay: false },
      filters: {},
      rules: Object.keys(rules),
    },
    rules,
  });
}

type _Verdict = [status: Finding['status'], explanation: string, evidence?: string[], dueAt?: string];

function _case(
  caseId: string,
  line: number,
  events: number,
  after: number,
  verdicts: _Verdict[],
): CaseResult {
  const findings = verdicts.map(([status, explanation, evidence = [], dueAt], k): Finding => {
    const [ref, id] = _INDICATORS[k] ?? ['?', '?'];
    return {
      ref,
      id,
      status,
      explanation,
      evidence,
      measured: { workingDays: k + 1, target: 5 },
      ...(dueAt ? { dueAt } : {}),
    };
  });
  return {
    caseId,
    status: worstStatus(findings.map((f) => f.status)),
    events,
    eventsAfterAsOf: after,
    findings,
    source: { file: 'logs/cases.ndjson', line },
  };
}

/** The sample's judged cases, in input order. */
export function sampleCases(): CaseResult[] {
  return [
    _case('C-001', 1, 9, 0, [
      [
        'pass',
        'The investigation process was explained on Fri 3 May 2024, 2 working days after receipt on Wed 1 May; the target is 5.',
        ['e1', 'e2'],
      ],
      [
        'pass',
        'The longest run without an update was 12 working days (Fri 3 May to Tue 21 May); the limit is 20.',
        ['e2', 'e4'],
      ],
      [
        'pass',
        'The decision was issued on Thu 20 Jun 2024, 34 working days after receipt; the target for a complex case is 80.',
        ['e1', 'e7'],
      ],
      [
        'pass',
        'Both evidence items received (e5, e6) were assessed before the decision on Thu 20 Jun 2024.',
        ['e5', 'e6', 'e7'],
      ],
      ['not_applicable', 'No remedy was recommended.'],
    ]),
    _case('C-002', 2, 6, 1, [
      [
        'fail',
        'Nothing explaining the investigation process was sent within 5 working days of receipt on Mon 13 May 2024 (due by Mon 20 May); none was sent by Mon 2 Sep.',
        ['e1'],
      ],
      ['pass', 'The longest run without an update was 9 working days; the limit is 20.', ['e1', 'e3']],
      [
        'error',
        'Could not be evaluated: the complexity assessment e4 names an unknown complexity "urgent".',
        ['e4'],
      ],
      ['insufficient_evidence', 'What the decision relied on is not recorded; a person must review.', ['e6']],
      ['not_applicable', 'No remedy was recommended.'],
    ]),
    _case('C-003', 3, 4, 0, [
      [
        'pending',
        'Nothing explaining the investigation process has been sent yet; it is due by Wed 4 Sep 2024 (5 working days after receipt on Wed 28 Aug).',
        ['e1'],
        '2024-09-04T23:59:59.999+01:00',
      ],
      [
        'pending',
        'No update has been sent since receipt on Wed 28 Aug 2024; one is due by Wed 25 Sep.',
        ['e1'],
        '2024-09-25T23:59:59.999+01:00',
      ],
      [
        'pending',
        'No decision yet; the target of 20 working days ends on Wed 25 Sep 2024.',
        ['e1'],
        '2024-09-25T23:59:59.999+01:00',
      ],
      ['not_applicable', 'No decision has been issued.'],
      ['not_applicable', 'No remedy was recommended.'],
    ]),
    _case('C-004', 5, 11, 0, [
      [
        'fail',
        'The investigation process was explained on Tue 14 May 2024, 7 working days after receipt on Fri 3 May (Mon 6 May was a bank holiday); the target is 5.',
        ['e1', 'e3'],
      ],
      [
        'fail',
        'The longest run without an update was 26 working days (Tue 14 May to Wed 19 Jun); the limit is 20.',
        ['e3', 'e8'],
      ],
      [
        'pass',
        'The decision was issued on Fri 28 Jun 2024, 38 working days after receipt; the target for a complex case is 80.',
        ['e1', 'e9'],
      ],
      [
        'pass',
        'The only evidence item received (e5) was assessed before the decision on Fri 28 Jun 2024.',
        ['e5', 'e9'],
      ],
      [
        'fail',
        'Remedy r1 was due on Mon 15 Jul 2024 and was not implemented by Mon 2 Sep; no follow-up was recorded.',
        ['e10'],
      ],
    ]),
  ];
}

/** The sample's meta: `asOf` given, one input, a fixed `generatedAt`. */
export function sampleMeta(ruleset: Ruleset): ReportMeta {
  return {
    tool: 'service-standards',
    version: '0.1.0',
    ruleset: {
      id: ruleset.manifest.id,
      version: ruleset.manifest.version,
      source: ruleset.manifest.source,
      sha256: ruleset.sha256,
    },
    asOf: '2024-09-02T00:00:00+01:00',
    asOfSource: 'option',
    generatedAt: '2024-09-02T08:30:00.000Z',
    inputs: [{ file: 'logs/cases.ndjson', sha256: 'a'.repeat(64) }],
    config: { sha256: 'b'.repeat(64), zone: 'Europe/London' },
    calendar: {
      zone: 'Europe/London',
      holidaySource: 'none',
      countReceiptDay: false,
      holidays: [],
      closures: [],
    },
    parameters: { '1.1.1': { acknowledgeWithin: 3 } },
    detail: 'findings',
    dependencies: { 'json-rules-engine': '7.3.1', 'date-holidays': '3.37.0' },
  };
}

/**
 * The sample report: summary built by the engine's summary builder from {@link sampleCases}, with
 * one rejected case (C-005, line 4) and an unmapped activity.
 *
 * @example
 * const report = sampleReport();
 * report.summary.byStatus.fail; // 4
 */
export function sampleReport(): Report {
  const ruleset = sampleRuleset();
  const cases = sampleCases();
  const builder = createSummaryBuilder(ruleset);
  for (const c of cases) builder.addResult(c);
  builder.addRejected({
    caseId: 'C-005',
    events: 2,
    problems: [
      {
        code: 'invalid_instant',
        path: ['events', 1, 'at'],
        message: '`at` must be an ISO 8601 instant with an offset',
        file: 'logs/cases.ndjson',
        line: 4,
      },
    ],
  });
  builder.addUnmapped('Phone call logged', 3);
  return { meta: sampleMeta(ruleset), summary: builder.result(), cases };
}
