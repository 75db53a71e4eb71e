/**
 * The audit commands: `diff` of two runs of the sample at two `asOf`s, and `review`, which writes
 * a review file entry with the fingerprint filled in.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fingerprintFinding } from '../../src/index.js';
import { ReviewFileSchema } from '../../src/schemas.js';
import {
  CLI_TIMEOUT,
  checkSample,
  cli,
  expectNoStack,
  ROOT,
  SAMPLE,
  SAMPLE_AS_OF,
  useCliSuite,
} from './_cli.js';

describe('service-standards diff and review', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();
  const runs = async () => {
    const dir = suite.dir();
    const early = join(dir, 'early.ndjson');
    const late = join(dir, 'late.json');
    const [a, b] = await Promise.all([
      cli(['check', SAMPLE, '--as-of', '2025-01-15T12:00:00Z', '--fail-on', 'none', '--format', 'ndjson']),
      cli(checkSample('--format', 'json')),
    ]);
    await writeFile(early, a.stdout);
    await writeFile(late, b.stdout);
    return { early, late };
  };
  let made: ReturnType<typeof runs> | undefined;
  const reports = () => {
    made ??= runs();
    return made;
  };

  it('diff lists status transitions between two runs of the sample at two asOfs', async () => {
    const { early, late } = await reports();
    const r = await cli(['diff', early, late, '--format', 'json']);
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.stdout);
    expect(diff.cases).toMatchObject({ before: 50, after: 50, added: [], gone: [] });
    // Pending findings in January are decided by June: every pending one moved on.
    const fromPending = diff.transitions.filter((t: { from: string; to: string }) => t.from === 'pending');
    expect(fromPending.length).toBeGreaterThan(0);
    expect(fromPending.every((t: { to: string }) => t.to !== 'pending')).toBe(true);
    const moved = diff.transitions
      .filter((t: { from: string; to: string }) => t.from !== t.to)
      .reduce((n: number, t: { count: number }) => n + t.count, 0);
    expect(diff.changes).toHaveLength(moved);
    const md = await cli(['diff', early, late, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^## What changed\n\n50 cases before, 50 after: 0 added, 0 gone, \d+ changed/);
    expect(md.stdout).toContain('| pending | fail |');
  });

  it('diff of a run with itself changes nothing; a missing report is a usage error', async () => {
    const { late } = await reports();
    const same = await cli(['diff', late, late]);
    expect(same.stdout).toMatch(/^50 cases before, 50 after: 0 added, 0 gone, 0 changed, 50 unchanged\.\n$/);
    const missing = await cli(['diff', late, join(suite.dir(), 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.ndjson');
    expectNoStack(missing);
  });

  it('review adds an entry with the fingerprint, and replaces it when the same finding is reviewed again', async () => {
    const { late } = await reports();
    const report = JSON.parse(await readFile(late, 'utf8'));
    const failing = report.cases
      .flatMap((c: { caseId: string; findings: { ref: string; status: string }[] }) =>
        c.findings.map((f) => ({ caseId: c.caseId, f })),
      )
      .find((x: { f: { status: string } }) => x.f.status === 'fail');
    const file = join(suite.dir(), 'reviews.yaml');
    await writeFile(file, '# Reviews of the June audit\nreviews: []\n');
    const args = ['review', late, '--case', failing.caseId, '--indicator', failing.f.ref, '--to', file];
    const first = await cli([
      ...args,
      '--accept',
      '--reason',
      'Agreed delay',
      '--reviewer',
      'A. Auditor',
      '--date',
      '2025-07-01',
    ]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`added a review of ${failing.f.ref} of case ${failing.caseId} (fail)`);
    const again = await cli([
      ...args,
      '--override',
      'pass',
      '--reason',
      'Evidence on paper file',
      '--reviewer',
      'B. Lead',
      '--date',
      '2025-07-02',
    ]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('replaced the review of 2025-07-01');
    const text = await readFile(file, 'utf8');
    expect(text).toContain('# Reviews of the June audit');
    const parsed = ReviewFileSchema.parse(parseYaml(text));
    expect(parsed.reviews).toEqual([
      {
        caseId: failing.caseId,
        ref: failing.f.ref,
        decision: 'override',
        status: 'pass',
        reason: 'Evidence on paper file',
        reviewer: 'B. Lead',
        reviewedOn: '2025-07-02',
        fingerprint: fingerprintFinding(failing.f),
      },
    ]);
  });

  it('review refuses a finding the report does not have, and a review without a decision', async () => {
    const { late } = await reports();
    const file = join(suite.dir(), 'never.yaml');
    const base = ['review', late, '--indicator', '1.2.1', '--reason', 'r', '--reviewer', 'x', '--to', file];
    const noCase = await cli([...base, '--case', 'NO-SUCH-CASE', '--accept']);
    expect(noCase.code).toBe(2);
    expect(noCase.stderr).toContain('no case NO-SUCH-CASE');
    const noDecision = await cli([...base, '--case', 'SPSO-2024-01000']);
    expect(noDecision.code).toBe(2);
    expect(noDecision.stderr).toContain('exactly one of --accept and --override');
    expectNoStack(noDecision);
  });
});

describe('service-standards check --reviews --baseline, and due', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();
  const common = ['--as-of', SAMPLE_AS_OF, '--fail-on', 'none'];

  it('applies a review: the finding keeps its status and gains it; SARIF suppresses it with the reason', async () => {
    const dir = suite.dir();
    const base = await cli(['check', SAMPLE, ...common, '--format', 'json']);
    const report = JSON.parse(base.stdout);
    const first = report.cases[0];
    const failing = first.findings.find((f: { status: string }) => f.status === 'fail');
    const file = join(dir, 'reviews.json');
    await writeFile(join(dir, 'run.json'), base.stdout);
    const added = await cli([
      'review',
      join(dir, 'run.json'),
      '--case',
      first.caseId,
      '--indicator',
      failing.ref,
      '--accept',
      '--reason',
      'Agreed with the complainant',
      '--reviewer',
      'A. Auditor',
      '--date',
      '2025-07-01',
      '--to',
      file,
    ]);
    expect(added.code).toBe(0);
    const sarif = join(dir, 'run.sarif');
    const r = await cli([
      'check',
      SAMPLE,
      ...common,
      '--reviews',
      file,
      '--format',
      'json',
      '--report',
      `sarif:${sarif}`,
    ]);
    expect(r.code).toBe(0);
    const reviewed = JSON.parse(r.stdout);
    const f = reviewed.cases[0].findings.find((x: { ref: string }) => x.ref === failing.ref);
    expect(f.status).toBe('fail');
    expect(f.review).toEqual({
      decision: 'accept',
      status: 'accepted',
      reason: 'Agreed with the complainant',
      reviewer: 'A. Auditor',
      reviewedOn: '2025-07-01',
    });
    expect(reviewed.summary.byStatus).toEqual(report.summary.byStatus);
    expect(reviewed.summary.reviewed).toMatchObject({ applied: 1, accepted: 1, notApplied: [] });
    expect(reviewed.summary.reviewed.byStatus.fail).toBe(report.summary.byStatus.fail - 1);
    const results = JSON.parse(await readFile(sarif, 'utf8')).runs[0].results;
    const suppressed = results.filter((x: { suppressions?: unknown[] }) => x.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted' });
    expect(suppressed[0].suppressions[0].justification).toContain('Agreed with the complainant');
  });

  it('--fail-on-new fails on a new failure and not on an old one', async () => {
    const dir = suite.dir();
    const lines = (await readFile(join(ROOT, SAMPLE), 'utf8')).trimEnd().split('\n');
    const older = join(dir, 'older.ndjson');
    await writeFile(older, `${lines.slice(0, 40).join('\n')}\n`);
    const baseline = join(dir, 'baseline.ndjson');
    const b = await cli(['check', older, ...common, '--format', 'ndjson']);
    await writeFile(baseline, b.stdout);
    const old = await cli([
      'check',
      older,
      '--as-of',
      SAMPLE_AS_OF,
      '--baseline',
      baseline,
      '--fail-on-new',
      '--format',
      'json',
    ]);
    expect(old.code).toBe(0);
    expect(JSON.parse(old.stdout).summary.baseline).toMatchObject({ new: 0, updated: 0, absent: 0 });
    const all = await cli([
      'check',
      SAMPLE,
      '--as-of',
      SAMPLE_AS_OF,
      '--baseline',
      baseline,
      '--fail-on-new',
    ]);
    expect(all.code).toBe(1);
    expect(all.stderr).toMatch(/new or updated findings at or above --fail-on fail: \d+ fail/);
    const without = await cli(['check', SAMPLE, ...common, '--fail-on-new']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--fail-on-new needs --baseline');
  });

  it("due lists the sample's deadlines soonest first, as text, CSV and iCalendar", async () => {
    const asOf = ['--as-of', '2025-01-15T12:00:00Z'];
    const json = await cli(['due', SAMPLE, ...asOf, '--format', 'json']);
    expect(json.code).toBe(0);
    const list = JSON.parse(json.stdout);
    expect(list.due.length).toBeGreaterThan(0);
    const at = list.due.map((d: { dueAt: string }) => Date.parse(d.dueAt));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(list.awaiting.map((a: { ref: string }) => a.ref)).toEqual(
      expect.arrayContaining(['1.6.1', '2.1.1', '3.2.1']),
    );
    const csv = await cli(['due', SAMPLE, ...asOf, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('caseId,ref,id,dueDate,dueAt,workingDaysLeft,waitsOn,what');
    const ics = await cli(['due', SAMPLE, ...asOf, '--format', 'ical']);
    const { default: ICAL } = await import('ical.js');
    const events = new ICAL.Component(ICAL.parse(ics.stdout)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(list.due.length);
    const firstEvent = new ICAL.Event(events[0]);
    expect(firstEvent.startDate.toString()).toBe(list.due[0].dueDate);
    expect(firstEvent.uid).toBe(`${list.due[0].caseId}/${list.due[0].ref}@service-standards`);
    const within = await cli(['due', SAMPLE, ...asOf, '--within', '5', '--format', 'json']);
    const near = JSON.parse(within.stdout).due;
    expect(near.every((d: { workingDaysLeft: number }) => d.workingDaysLeft <= 5)).toBe(true);
    expect(near.length).toBeLessThanOrEqual(list.due.length);
  });
});
