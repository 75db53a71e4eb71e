/**
 * For the self-assessment tests: a ruleset made for the test (the MCHP rules with a two-section
 * provision list offering self-assessment), a small log, and the command run in process.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type InProcessRun, runInProcess } from '../support/run-in-process.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const AS_OF = '2024-06-28T17:00:00+01:00';

export const LOG = [
  // M1: stage 1 answered in time (received Wed 1 May 2024, answered Thu 2 May).
  { caseId: 'M1', id: 'a1', type: 'complaint.received', at: '2024-05-01T10:00:00Z', data: {} },
  {
    caseId: 'M1',
    id: 'a2',
    type: 'communication.sent',
    at: '2024-05-02T14:00:00Z',
    data: { to: 'complainant', covers: ['decision', 'escalation_rights'] },
  },
  // M2: stage 1 never answered: overdue at asOf.
  { caseId: 'M2', id: 'b1', type: 'complaint.received', at: '2024-05-01T10:00:00Z', data: {} },
  // M3: received before the period: not counted.
  { caseId: 'M3', id: 'c1', type: 'complaint.received', at: '2024-03-01T10:00:00Z', data: {} },
];

/** A folder with the test ruleset (`rules`) and the log (`log.ndjson`); remove it when done. */
export function makeWorkspace(): { dir: string; rules: string; log: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'self-assessment-'));
  const rules = join(dir, 'rules');
  cpSync(join(ROOT, 'rules/mchp-scotland-2020'), rules, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(rules, 'ruleset.json'), 'utf8'));
  manifest.periodOutputs = ['self-assessment'];
  writeFileSync(join(rules, 'ruleset.json'), JSON.stringify(manifest));
  writeFileSync(
    join(rules, 'self-assessment.json'),
    JSON.stringify({
      code: 'A test code',
      sections: [
        { number: 1, title: 'Stage 1' },
        { number: 2, title: 'Stage 2' },
      ],
      checked: { on: '2026-12-06', how: 'made for a test', against: ['this test'] },
      provisions: [
        {
          number: '1.1',
          section: 1,
          requirement: 'A policy exists.',
          source: 'statement',
          indicators: [],
          checked: 'confirmed',
        },
        {
          number: '1.2',
          section: 1,
          requirement: 'Stage 1 on time.',
          source: 'log',
          indicators: ['S1.1'],
          checked: 'confirmed',
        },
        {
          number: '2.1',
          section: 2,
          requirement: 'Stage 2 acknowledged.',
          source: 'log_and_statement',
          indicators: ['S2.1'],
          stillToState: 'that it was',
          checked: 'confirmed',
        },
      ],
      timescales: {
        stage1: { indicator: 'S1.1', clock: 'clock' },
        stage2: { indicator: 'S2.3', clock: 'clock' },
      },
    }),
  );
  const log = join(dir, 'log.ndjson');
  writeFileSync(log, `${LOG.map((e) => JSON.stringify(e)).join('\n')}\n`);
  return { dir, rules, log, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `service-standards self-assessment ...argv` in process. */
export function runSelfAssessmentCommand(argv: string[]): Promise<InProcessRun> {
  return runInProcess(['self-assessment', ...argv], { now: new Date('2024-07-01T09:00:00Z') });
}
