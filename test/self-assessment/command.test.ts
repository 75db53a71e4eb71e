/**
 * The `self-assessment` command, run in process on a ruleset made for the test: the MCHP rules
 * with a two-section provision list, so that the command's mechanics (period, statements, formats,
 * reports, exit codes, rejected cases) are tested apart from any one code's rules.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SelfAssessmentSchema } from '../../src/self-assessment/document.js';
import { CLI_TIMEOUT, cli } from '../cli/_cli.js';
import { AS_OF, makeWorkspace, runSelfAssessmentCommand as run } from './_command.js';

let ws: ReturnType<typeof makeWorkspace>;
let dir: string;
let rules: string;
let log: string;

const base = () => [
  log,
  '--ruleset',
  rules,
  '--period',
  '2024-04-01..2025-03-31',
  '--as-of',
  AS_OF,
  '--quiet',
];

beforeAll(() => {
  ws = makeWorkspace();
  ({ dir, rules, log } = ws);
});

afterAll(() => ws?.remove());

describe('self-assessment', () => {
  it('fills the log rows from the findings in the period and lists the rest as needing a statement', async () => {
    const r = await run([...base(), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = SelfAssessmentSchema.parse(JSON.parse(r.stdout));
    expect(doc.meta.period).toEqual({ from: '2024-04-01', to: '2025-03-31', complete: false });
    expect(doc.meta.ruleset.id).toBe('mchp-scotland-2020');
    const [r11, r12, r21] = doc.rows;
    expect(r12?.log).toMatchObject({ judged: 2, complianceRate: 0.5, failedCases: ['M2'] });
    expect(r12).toMatchObject({ suggestedComply: 'no', comply: 'no', complySource: 'suggested' });
    expect(r11).toMatchObject({ comply: null, log: null });
    expect(r21).toMatchObject({ comply: null, suggestedComply: null });
    expect(doc.summary.statementsNeeded).toEqual(['1.1', '2.1']);
    expect(doc.summary.timescales.stage1).toEqual({ responses: 1, withinCode: 1 });
  });

  it('takes statements from a file and names it and its hash', async () => {
    const file = join(dir, 'statements.json');
    writeFileSync(
      file,
      JSON.stringify({
        provisions: { '1.1': { comply: 'yes', evidence: 'Policy 2024' }, '2.1': { comply: 'yes' } },
      }),
    );
    const r = await run([...base(), '--format', 'json', '--statements', file, '--require-statements']);
    expect(r.code).toBe(0);
    const doc = SelfAssessmentSchema.parse(JSON.parse(r.stdout));
    expect(doc.meta.statements?.file).toBe(file);
    expect(doc.meta.statements?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.rows[0]).toMatchObject({ comply: 'yes', complySource: 'statement', evidence: 'Policy 2024' });
    expect(doc.summary.statementsNeeded).toEqual([]);
  });

  it('exits 1 with --require-statements while a row has no answer', async () => {
    const r = await run([...base(), '--require-statements']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 provision(s) have no answer yet (--require-statements): 1.1, 2.1');
  });

  it('refuses an unknown provision in the statements file, naming the file and the provision', async () => {
    const file = join(dir, 'typo.json');
    writeFileSync(file, JSON.stringify({ provisions: { '1.20': { comply: 'yes' } } }));
    const r = await run([...base(), '--statements', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('no provision "1.20"');
    expect(r.stdout).toBe('');
  });

  it('refuses a bad period and a ruleset that offers no self-assessment', async () => {
    const bad = await run([log, '--ruleset', rules, '--period', '2025-03-31..2024-04-01', '--as-of', AS_OF]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--period');
    const none = await run([
      log,
      '--ruleset',
      'spso-css-0524',
      '--period',
      '2024-04-01..2025-03-31',
      '--as-of',
      AS_OF,
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('ruleset spso-css-0524 offers no self-assessment');
  });

  it('writes every format asked for, and lists rejected cases with exit 2', async () => {
    const bad = join(dir, 'with-bad.ndjson');
    writeFileSync(bad, `${readFileSync(log, 'utf8')}{"caseId":"X9","id":"x1","type":"complaint.received"}\n`);
    const md = join(dir, 'out/form.md');
    const html = join(dir, 'out/form.html');
    const csv = join(dir, 'out/form.csv');
    const r = await run([
      bad,
      ...base().slice(1),
      '--format',
      'json',
      '--report',
      `markdown:${md}`,
      '--report',
      `html:${html}`,
      '--report',
      `csv:${csv}`,
    ]);
    expect(r.code).toBe(2);
    const doc = SelfAssessmentSchema.parse(JSON.parse(r.stdout));
    expect(doc.rejected.map((x) => x.caseId)).toEqual(['X9']);
    expect(readFileSync(md, 'utf8')).toContain('## Section 1: Stage 1');
    expect(readFileSync(html, 'utf8')).toContain('<h2 id="h-section-2">Section 2: Stage 2</h2>');
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toHaveLength(4);
  });

  // Worker threads load the built worker (`dist/worker.cjs`), so this runs the built command:
  // in process the pool would look for a worker beside the sources, where there is none.
  it('gives the same form on worker threads as on one', { timeout: CLI_TIMEOUT }, async () => {
    const one = await run([...base(), '--format', 'csv']);
    const two = await cli(['self-assessment', ...base(), '--format', 'csv', '--workers', '2']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^1\.2,1,Stage 1 on time\.,log,S1\.1,no,suggested,no,1,1,/m);
    expect(two.stderr).toBe('');
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
