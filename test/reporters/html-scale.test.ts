/**
 * The audit report at any size and any detail: it marks the events at fault at the default
 * `--detail findings` exactly as at `full`, without changing any other report; past
 * `--html-max-cases` it lists only the worst cases needing attention, says what it left out, and
 * still counts every case.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseResult, Status } from '../../src/model/finding.js';
import type { Report } from '../../src/model/report.js';
import { formatHtml } from '../../src/reporters/html/index.js';
import { compareWorst, keepWorst, needsAttention, rankOf } from '../../src/reporters/html/keep.js';
import { loadRuleset } from '../../src/rules/load-ruleset.js';
import { runInProcess } from '../support/run-in-process.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'fixtures/sample/sample.ndjson');
const AS_OF = '2025-06-30T17:00:00+01:00';
const dir = mkdtempSync(join(tmpdir(), 'html-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `check` on the sample in process. */
function check(argv: string[]) {
  return runInProcess(['check', SAMPLE, '--as-of', AS_OF, '--fail-on', 'none', '--quiet', ...argv]);
}

/** The page's embedded data. */
function dataOf(html: string) {
  const m = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html);
  if (!m) throw new Error('no embedded data');
  return JSON.parse(m[1] as string) as {
    judged: number;
    leftOut: { attention: number; others: number; max: number };
    cases: [
      string,
      number,
      string,
      number,
      number,
      [number, number, number, number[], string, number[], unknown[]][],
    ][];
  };
}

const marks = (data: ReturnType<typeof dataOf>) =>
  data.cases.flatMap((c) => c[5].map((f) => f[5].length + f[6].length)).reduce((a, b) => a + b, 0);

describe('fault marks at the default detail', () => {
  it('marks the same events and deadlines at --detail findings as at full, and leaves the JSON report as it was', async () => {
    const html = (name: string) => readFileSync(join(dir, name), 'utf8');
    const compact = await check(['--format', 'json', '--report', `html:${join(dir, 'findings.html')}`]);
    const alone = await check(['--format', 'json']);
    await check(['--detail', 'full', '--format', 'json', '--report', `html:${join(dir, 'full.html')}`]);
    expect(compact.code).toBe(0);
    const withoutStamp = (json: string) => ({
      ...JSON.parse(json),
      meta: { ...JSON.parse(json).meta, generatedAt: '' },
    });
    expect(withoutStamp(compact.stdout)).toEqual(withoutStamp(alone.stdout));
    expect(compact.stdout).not.toContain('fullMeasured');
    const data = dataOf(html('findings.html'));
    expect(marks(data)).toBeGreaterThan(0);
    expect(data).toEqual(dataOf(html('full.html')));
    expect(html('findings.html')).not.toContain('id="marks-note"');
  });

  it('says so when a report read back keeps too little to mark faults', async () => {
    const { stdout } = await check(['--format', 'json']);
    const report = JSON.parse(stdout) as Report;
    const page = formatHtml(report, await loadRuleset());
    expect(page).toContain('id="marks-note"');
    // Only what the compact findings still state (a pending finding's due date, a clock's end).
    expect(marks(dataOf(page))).toBeLessThan(marks(dataOf(readFileSync(join(dir, 'full.html'), 'utf8'))));
  });
});

const result = (caseId: string, statuses: Status[]): CaseResult => ({
  caseId,
  status: statuses[0] ?? 'pass',
  events: 1,
  eventsAfterAsOf: 0,
  findings: statuses.map((status, k) => ({
    ref: `1.1.${k + 1}`,
    id: `r${k}`,
    status,
    explanation: status,
    evidence: [],
  })),
});

describe('the worst cases, kept in bounded memory', () => {
  it('ranks by errors, then fails, insufficient evidence, pending, then case id', () => {
    const ranked = [
      result('b', ['fail', 'fail']),
      result('a', ['pass']),
      result('c', ['error']),
      result('d', ['pending', 'pending', 'pending']),
      result('e', ['fail', 'pending']),
      result('a2', ['fail', 'fail']),
      result('f', ['insufficient_evidence']),
    ]
      .map(rankOf)
      .sort(compareWorst)
      .map((r) => r.caseId);
    expect(ranked).toEqual(['c', 'a2', 'b', 'e', 'f', 'd', 'a']);
  });

  it('keeps what sorting every case would, never holding more than max', () => {
    const status = fc.constantFrom<Status>(
      'pass',
      'fail',
      'error',
      'pending',
      'insufficient_evidence',
      'not_applicable',
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string({ maxLength: 3 }), fc.array(status, { maxLength: 4 })), {
          selector: ([id]) => id,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 12 }),
        (cases, max) => {
          const worst = keepWorst<string>(max);
          let made = 0;
          for (const [id, statuses] of cases) {
            worst.offer(rankOf(result(id, statuses)), () => {
              made++;
              return id;
            });
          }
          const ranks = cases.map(([id, s]) => rankOf(result(id, s))).sort(compareWorst);
          const expected = (cases.length <= max ? ranks : ranks.filter(needsAttention).slice(0, max)).map(
            (r) => r.caseId,
          );
          const got = worst.result();
          expect(got.kept.map((k) => k.item)).toEqual(expected);
          expect(got.seen).toBe(cases.length);
          expect(got.seenAttention).toBe(ranks.filter(needsAttention).length);
          expect(made).toBeLessThanOrEqual(cases.length);
        },
      ),
    );
  });
});

describe('--html-max-cases', () => {
  it('lists the worst cases needing attention, says what it left out, and counts every case', async () => {
    const all = join(dir, 'all.html');
    const few = join(dir, 'few.html');
    await check(['--format', 'json', '--report', `html:${all}`]);
    const { stdout } = await check(['--format', 'json', '--report', `html:${few}`, '--html-max-cases', '5']);
    const report = JSON.parse(stdout) as Report;
    const cases = report.cases ?? [];
    const page = readFileSync(few, 'utf8');
    const data = dataOf(page);
    const ranks = cases.map(rankOf).sort(compareWorst);
    const attention = ranks.filter(needsAttention);
    expect(data.cases.map((c) => c[0])).toEqual(attention.slice(0, 5).map((r) => r.caseId));
    expect(data.judged).toBe(cases.length);
    expect(data.leftOut).toEqual({
      attention: attention.length - 5,
      others: cases.length - attention.length,
      max: 5,
    });
    expect(page).toContain(`This page lists 5 of the ${cases.length} cases judged`);
    expect(page).toContain('--report ndjson:cases.ndjson');
    // The headline, the tables and the months are the same as with every case embedded.
    const summaryPart = (html: string) =>
      html.slice(html.indexOf('<main'), html.indexOf('<section id="cases"'));
    expect(summaryPart(page)).toBe(summaryPart(readFileSync(all, 'utf8')));
    const allData = dataOf(readFileSync(all, 'utf8'));
    expect(allData.cases.map((c) => c[0])).toEqual(cases.map((c) => c.caseId));
    expect(allData.leftOut).toEqual({ attention: 0, others: 0, max: 20_000 });
  });

  it('is a whole number of at least 1', async () => {
    const { code, stderr } = await check(['--html-max-cases', '0']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--html-max-cases.*at least 1/);
  });
});
