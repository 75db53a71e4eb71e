/** A small provision list and self-assessment document for the tests: four rows, hostile text in a statement. */
import type { SelfAssessment } from '../../src/self-assessment/document.js';
import { type ProvisionList, ProvisionListSchema } from '../../src/self-assessment/provisions.js';
import { buildRows } from '../../src/self-assessment/rows.js';
import { createSelfAssessmentTally } from '../../src/self-assessment/tally.js';
import { sampleMeta, sampleRuleset } from '../support/report.js';

export const HOSTILE = '<img src=x onerror="alert(1)"> | **bold** </td></tr><script>alert(2)</script>';

export const testForm: ProvisionList = ProvisionListSchema.parse({
  code: 'Test Code',
  sections: [
    { number: 3, title: 'Access' },
    { number: 6, title: 'Stages' },
  ],
  checked: { on: '2026-12-06', how: 'by hand', against: ['a test'] },
  provisions: [
    {
      number: '3.1',
      section: 3,
      requirement: 'Easy to complain.',
      source: 'statement',
      indicators: [],
      checked: 'confirmed',
    },
    {
      number: '6.2',
      section: 6,
      requirement: 'Acknowledged in time.',
      source: 'log',
      indicators: ['S1.1'],
      checked: 'confirmed',
    },
    {
      number: '6.4',
      section: 6,
      requirement: 'Extensions capped.',
      source: 'log_and_statement',
      indicators: ['S1.2', 'S1.3'],
      stillToState: 'that extensions were decided on complexity',
      checked: 'recalled',
    },
    {
      number: '6.13',
      section: 6,
      requirement: 'Someone else at stage 2.',
      source: 'log',
      indicators: ['S2.3'],
      checked: 'confirmed',
    },
  ],
  timescales: {
    stage1: { indicator: 'S1.2', clock: 'clock' },
    stage2: { indicator: 'S2.4', clock: 'clock' },
  },
});

/** The document: 6.2 from the log (one fail, case `C<2>`), 3.1 stated with hostile text, 6.4 and 6.13 needing a statement. */
export function testDocument(): SelfAssessment {
  const period = { from: '2024-04-01', to: '2025-03-31' };
  const tally = createSelfAssessmentTally(testForm, period, 'Europe/London');
  const at = '2024-06-03T10:00:00.000+01:00';
  const f = (ref: string, status: 'pass' | 'fail') => ({
    ref,
    id: ref,
    status,
    explanation: '',
    evidence: [],
    periodAnchor: at,
  });
  tally.add({
    caseId: 'C1',
    status: 'pass',
    events: 1,
    eventsAfterAsOf: 0,
    findings: [f('S1.1', 'pass'), f('S1.3', 'pass')],
  });
  tally.add({ caseId: 'C<2>', status: 'fail', events: 1, eventsAfterAsOf: 0, findings: [f('S1.1', 'fail')] });
  const { rows, summary } = buildRows(testForm, tally.counts(), {
    period,
    asOfDate: '2025-04-30',
    complyAt: 100,
    statements: {
      provisions: { '3.1': { comply: 'yes', evidence: HOSTILE, commentary: '=HYPERLINK("x")' } },
    },
  });
  return {
    meta: {
      ...sampleMeta(sampleRuleset()),
      period: { ...period, complete: true },
      statements: { file: 'statements.json', sha256: 'c'.repeat(64) },
    },
    rows,
    summary,
    rejected: [
      {
        caseId: 'bad<1>',
        problems: [{ code: 'invalid_type', path: ['events', 0, 'at'], message: 'at is required' }],
      },
    ],
  };
}
