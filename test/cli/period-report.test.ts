/**
 * `report --period`: the period report in each format, with its exit codes; on N threads
 * (`--workers`), byte for byte what one thread writes (`meta.generatedAt` aside).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rng } from '../../scripts/generate-log.js';
import { makeMchpCase } from '../../scripts/mchp-case.js';
import { CLI_TIMEOUT, cli, expectNoStack, useCliSuite } from './_cli.js';

const LOG = 'fixtures/mchp-scotland-2020/period/year-2024-25.ndjson';
const BASE = [
  'report',
  LOG,
  '--ruleset',
  'mchp-scotland-2020',
  '--period',
  '2024-04-01..2025-03-31',
  '--as-of',
  '2025-04-30',
];

describe.concurrent('service-standards report --period', { timeout: CLI_TIMEOUT }, () => {
  useCliSuite();

  it('writes json, csv and markdown with the cases behind each figure; exit 2 for the rejected case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'period-'));
    const r = await cli([
      ...BASE,
      '--format',
      'json',
      '--report',
      `csv:${dir}/k.csv`,
      '--report',
      `markdown:${dir}/k.md`,
    ]);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 case(s) rejected as invalid');
    const report = JSON.parse(r.stdout) as {
      meta: { period: unknown; ruleset: { id: string } };
      figures: { id: string; value: number; cases: { caseId: string }[] }[];
      notFromLog: { ref: string }[];
      rejected: { caseId: string }[];
    };
    expect(report.meta.period).toEqual({ from: '2024-04-01', to: '2025-03-31', complete: true });
    const closed = report.figures.find((f) => f.id === 'closed-stage1');
    expect([closed?.value, closed?.cases.map((c) => c.caseId)]).toEqual([60, ['A', 'B', 'E']]);
    expect(report.notFromLog.map((n) => n.ref)).toEqual(['K.1', 'K.2', 'K.3']);
    expect(report.rejected.map((x) => x.caseId)).toEqual(['G']);
    const csv = readFileSync(`${dir}/k.csv`, 'utf8').split('\n');
    expect(csv[0]).toMatch(/^ref,id,label,group,value,unit,numerator,denominator,caseId,/);
    expect(csv.filter((l) => l.startsWith('K.5,closed-stage1,')).map((l) => l.split(',')[8])).toEqual([
      'A',
      'B',
      'E',
    ]);
    expect(csv).toContain('K.1,not-from-log,Learning from complaints,,,,,,,,,,,,,,');
    const md = readFileSync(`${dir}/k.md`, 'utf8');
    expect(md).toContain(
      '| K.7 | Average working days to respond at stage 1 | 5.7 working days (17 over 3) | A, B, E |',
    );
    expect(md).toContain('- D (stage1) on Mon 24 Mar 2025, not_pursued');
  });

  it('text states the period and whether it is complete', async () => {
    const r = await cli([...BASE.slice(0, -1), '2025-01-15']);
    expect(r.stdout).toContain(
      'Period Mon 1 Apr 2024 to Mon 31 Mar 2025 (incomplete: asOf is before its end',
    );
    expect(r.stdout).toContain('K.4 Received at stage 2 (taken straight to stage 2): 1; cases C');
  });

  it('exits 2 naming the ruleset when it offers no period report, and for a bad period', async () => {
    const spso = await cli(['report', LOG, '--period', '2024-04-01..2025-03-31', '--as-of', '2025-04-30']);
    expect(spso.code).toBe(2);
    expect(spso.stderr).toContain('the ruleset spso-css-0524 offers no period report');
    const bad = await cli([...BASE.slice(0, 4), '--period', '2025-03-31..2024-04-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--period: period "2025-03-31..2024-04-01": `from` must be on or before `to`',
    );
  });
});

describe.concurrent('service-standards report --period --workers', { timeout: CLI_TIMEOUT * 3 }, () => {
  const suite = useCliSuite();
  let log = '';
  const args = () => BASE.map((a) => (a === LOG ? log : a));

  beforeAll(async () => {
    // 700 generated cases (many batches of the pool), with an invalid one among them.
    const r = rng(3);
    const lines = Array.from({ length: 700 }, (_, n) => JSON.stringify(makeMchpCase(n, r)));
    lines.splice(
      300,
      0,
      JSON.stringify({ caseId: 'BAD', events: [{ id: 'x1', type: 'complaint.received', at: 'not a date' }] }),
    );
    log = join(suite.dir(), 'mchp.ndjson');
    await writeFile(log, `${lines.join('\n')}\n`);
  });

  const blank = (s: string) => s.replace(/"generatedAt":"[^"]*"/, '"generatedAt":""');

  it.each([
    ['json', 3],
    ['text', 2],
    ['csv', 2],
    ['markdown', 3],
  ])('writes %s on %i threads as on one', async (format, workers) => {
    const run = [...args(), '--format', String(format)];
    const [one, many] = await Promise.all([cli(run), cli([...run, '--workers', String(workers)])]);
    expectNoStack(many);
    expect([many.code, many.stderr]).toEqual([2, one.stderr]);
    expect(one.stderr).toContain('1 case(s) rejected as invalid');
    expect(blank(many.stdout)).toBe(blank(one.stdout));
    if (format === 'json') {
      const report = JSON.parse(many.stdout) as {
        rejected: { caseId: string; problems: { line: number }[] }[];
      };
      // The problem names the line it is on.
      expect(report.rejected).toMatchObject([{ caseId: 'BAD', problems: [{ line: 301 }] }]);
    }
  });

  it('stops at the same case with --strict', async () => {
    const run = [...args(), '--format', 'json', '--strict'];
    const [one, many] = await Promise.all([cli(run), cli([...run, '--workers', '3'])]);
    expect([many.code, many.stderr]).toEqual([2, one.stderr]);
    expect(one.stderr).toContain('stopped at the first invalid case (--strict): BAD');
    expect(blank(many.stdout)).toBe(blank(one.stdout));
  });
});
