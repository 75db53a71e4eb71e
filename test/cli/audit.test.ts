/**
 * The audit commands: `diff` of two runs of the sample at two `asOf`s, and `review`, which writes
 * a review file entry with the fingerprint filled in.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fingerprintFinding, ReviewFileSchema } from '../../src/index.js';
import { CLI_TIMEOUT, cli, expectNoStack, SAMPLE, SAMPLE_AS_OF, useCliSuite } from './_cli.js';

describe('service-standards diff and review', { timeout: CLI_TIMEOUT }, () => {
  const suite = useCliSuite();
  const runs = async () => {
    const dir = suite.dir();
    const early = join(dir, 'early.ndjson');
    const late = join(dir, 'late.json');
    const [a, b] = await Promise.all([
      cli(['check', SAMPLE, '--as-of', '2025-01-15T12:00:00Z', '--fail-on', 'none', '--format', 'ndjson']),
      cli(['check', SAMPLE, '--as-of', SAMPLE_AS_OF, '--fail-on', 'none', '--format', 'json']),
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
