import { describe, expect, it } from 'vitest';
import { thresholdBreaches } from '../../src/cli/thresholds.js';
import {
  type CaseResult,
  createAuditTally,
  createBaseline,
  createReviewBook,
  DuplicateReviewError,
  evaluateCase,
  fingerprintFinding,
  loadRuleset,
  type Review,
  summarize,
} from '../../src/index.js';
import { ReviewFileSchema } from '../../src/schemas.js';

const ruleset = await loadRuleset();
const asOf = '2024-09-02T12:00:00+01:00';

/** Received Wed 1 May 2024; the process explained on Fri 10 May: 1.2.1 fails (due Wed 8 May). */
const history = (explainedOn = '2024-05-10') => ({
  caseId: 'C-1',
  events: [
    { id: 'e1', type: 'complaint.received', at: '2024-05-01T10:00:00+01:00' },
    {
      id: 'e2',
      type: 'communication.sent',
      at: `${explainedOn}T10:00:00+01:00`,
      data: { to: 'complainant', covers: ['investigation_process'] },
    },
    {
      id: 'e3',
      type: 'decision.issued',
      at: '2024-05-20T10:00:00+01:00',
      data: { decisionMakerRole: 'ombudsman', outcome: 'not_upheld', reasonsGiven: true },
    },
    { id: 'e4', type: 'case.closed', at: '2024-05-21T10:00:00+01:00' },
  ],
});

const judge = (explainedOn?: string) =>
  evaluateCase(history(explainedOn), { untrusted: true, ruleset, asOf });
const finding = (r: CaseResult, ref: string) => {
  const f = r.findings.find((x) => x.ref === ref);
  if (!f) throw new Error(`no finding ${ref}`);
  return f;
};

const review = (r: CaseResult, over: Partial<Review> = {}): Review => ({
  caseId: 'C-1',
  ref: '1.2.1',
  decision: 'accept',
  reason: 'The complainant asked us to wait for their papers.',
  reviewer: 'A. Auditor',
  reviewedOn: '2024-08-01',
  fingerprint: fingerprintFinding(finding(r, '1.2.1')),
  ...over,
});

describe('reviews', () => {
  it("applies an unchanged finding's review: the finding keeps its status and gains the review", async () => {
    const result = await judge();
    expect(finding(result, '1.2.1').status).toBe('fail');
    const book = createReviewBook([review(result)], { asOfDate: '2024-09-02' });
    const reviewed = finding(book.apply(result), '1.2.1');
    expect(reviewed.status).toBe('fail');
    expect(reviewed.review).toEqual({
      decision: 'accept',
      status: 'accepted',
      reason: 'The complainant asked us to wait for their papers.',
      reviewer: 'A. Auditor',
      reviewedOn: '2024-08-01',
    });
    expect(book.outcomes()).toEqual({ applied: 1, notApplied: [] });
  });

  it("makes a review stale when the evidence changes, and names the finding's new fingerprint", async () => {
    const before = await judge('2024-05-10');
    const after = await judge('2024-05-13'); // explained later still: the same status, other evidence
    expect(finding(after, '1.2.1').status).toBe('fail');
    const book = createReviewBook([review(before)], { asOfDate: '2024-09-02' });
    expect(finding(book.apply(after), '1.2.1').review).toBeUndefined();
    const { applied, notApplied } = book.outcomes();
    expect(applied).toBe(0);
    expect(notApplied).toEqual([
      { review: review(before), state: 'stale', fingerprint: fingerprintFinding(finding(after, '1.2.1')) },
    ]);
  });

  it('lapses a review after its expiry day, and applies it on that day', async () => {
    const result = await judge();
    const expiring = review(result, { expiresOn: '2024-09-01' });
    const lapsed = createReviewBook([expiring], { asOfDate: '2024-09-02' });
    expect(finding(lapsed.apply(result), '1.2.1').review).toBeUndefined();
    expect(lapsed.outcomes().notApplied.map((n) => n.state)).toEqual(['lapsed']);
    const lastDay = createReviewBook([expiring], { asOfDate: '2024-09-01' });
    expect(finding(lastDay.apply(result), '1.2.1').review?.expiresOn).toBe('2024-09-01');
  });

  it('lists a review of a case the run did not judge as unmatched', async () => {
    const result = await judge();
    const book = createReviewBook([review(result, { caseId: 'C-404' })], { asOfDate: '2024-09-02' });
    book.apply(result);
    expect(book.outcomes().notApplied.map((n) => [n.review.caseId, n.state])).toEqual([
      ['C-404', 'unmatched'],
    ]);
  });

  it('refuses two reviews of one finding', async () => {
    const result = await judge();
    expect(() => createReviewBook([review(result), review(result)], { asOfDate: '2024-09-02' })).toThrow(
      DuplicateReviewError,
    );
  });

  it('validates review files: a reason, an override status, a fingerprint of 16 hex digits', () => {
    const bad = ReviewFileSchema.safeParse({
      reviews: [
        {
          caseId: 'C',
          ref: '1.2.1',
          decision: 'override',
          reason: ' ',
          reviewer: 'R',
          reviewedOn: '2024-08-01',
          fingerprint: 'xyz',
        },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['reviews.0.reason', 'reviews.0.fingerprint', 'reviews.0.status']),
    );
  });

  it('counts before and after review: an accepted failure leaves the rate, an override changes it', async () => {
    const result = await judge();
    const before = summarize([result], { ruleset });
    const failing = result.findings.filter((f) => f.status === 'fail').map((f) => f.ref);
    expect(failing).toContain('1.2.1');
    const reviews = [
      review(result),
      ...failing
        .filter((ref) => ref !== '1.2.1')
        .slice(0, 1)
        .map((ref) =>
          review(result, {
            ref,
            decision: 'override',
            status: 'pass',
            fingerprint: fingerprintFinding(finding(result, ref)),
          }),
        ),
    ];
    const book = createReviewBook(reviews, { asOfDate: '2024-09-02' });
    const tally = createAuditTally(ruleset, { reviews: book });
    tally.add(book.apply(result));
    const { reviewed } = tally.result();
    if (!reviewed) throw new Error('no reviewed summary');
    const overridden = reviews.length - 1;
    expect(reviewed.applied).toBe(reviews.length);
    expect(reviewed.accepted).toBe(1);
    expect(reviewed.byStatus.fail).toBe(before.byStatus.fail - 1 - overridden);
    expect(reviewed.byStatus.pass).toBe(before.byStatus.pass + overridden);
    const p = reviewed.byStatus.pass;
    expect(reviewed.complianceRate).toBe(p / (p + reviewed.byStatus.fail));
    expect(reviewed.indicators.find((i) => i.ref === '1.2.1')).toMatchObject({
      accepted: 1,
      complianceRate: null,
    });
    // --fail-on reads the reviewed status: only the failures nobody accepted or overrode remain.
    const summary = { ...before, reviewed };
    const remaining = before.byStatus.fail - 1 - overridden;
    expect(thresholdBreaches(summary, 'fail', [])).toEqual(
      remaining > 0
        ? [expect.stringContaining(`after review at or above --fail-on fail: ${remaining} fail`)]
        : [],
    );
  });
});

const classifiedRefs = (r: CaseResult, state: string) =>
  r.findings.filter((f) => f.baseline === state).map((f) => f.ref);

describe('baseline', () => {
  it('classifies findings as new, unchanged or updated, and lists absent failures', async () => {
    const old = await judge('2024-05-10');
    const now = await judge('2024-05-13');
    const baseline = createBaseline([old, { ...old, caseId: 'C-gone' }]);
    const classified = baseline.classify(now);
    expect(finding(classified, '1.2.1').baseline).toBe('updated');
    expect(finding(classified, '1.3.1').baseline).toBe('unchanged');
    const fresh = createBaseline([]).classify(now);
    expect(fresh.findings.every((f) => f.baseline === 'new')).toBe(true);
    const absent = baseline.absent();
    expect(absent.every((a) => a.caseId === 'C-gone')).toBe(true);
    expect(absent).toHaveLength(old.findings.length);
  });

  it('--fail-on-new counts only new or updated findings', async () => {
    const old = await judge('2024-05-10');
    const now = await judge('2024-05-13');
    const baseline = createBaseline([old]);
    const tally = createAuditTally(ruleset, { baseline });
    tally.add(baseline.classify(now));
    const summary = { ...summarize([now], { ruleset }), ...tally.result() };
    expect(summary.baseline?.updated).toBeGreaterThan(0);
    // The failures that changed are 1.2.1 (7 working days, not 6) and 1.2.3 (the letter's new
    // date); the other failures are as they were.
    const updated = classifiedRefs(baseline.classify(now), 'updated');
    expect(updated.filter((ref) => finding(now, ref).status === 'fail')).toEqual(['1.2.1', '1.2.3']);
    expect(summary.baseline?.newOrUpdatedByStatus.fail).toBe(2);
    expect(thresholdBreaches(summary, 'fail', [], { newOnly: true })).toEqual([
      'new or updated findings at or above --fail-on fail: 2 fail',
    ]);
    const same = createBaseline([now]);
    const quiet = createAuditTally(ruleset, { baseline: same });
    quiet.add(same.classify(now));
    expect(thresholdBreaches({ ...summary, ...quiet.result() }, 'fail', [], { newOnly: true })).toEqual([]);
  });
});

describe('reports show a review and its reason', () => {
  it('text, Markdown, JUnit and HTML give the review after the explanation', async () => {
    const { formatText } = await import('../../src/reporters/text.js');
    const { formatMarkdown } = await import('../../src/reporters/markdown.js');
    const { formatJunit } = await import('../../src/reporters/junit.js');
    const { formatHtml } = await import('../../src/reporters/html/index.js');
    const { sampleMeta } = await import('../support/report.js');
    const result = await judge();
    const book = createReviewBook([review(result)], { asOfDate: '2024-09-02' });
    const reviewed = book.apply(result);
    const report = {
      meta: sampleMeta(ruleset),
      cases: [reviewed],
      summary: summarize([reviewed], { ruleset }),
    };
    const note =
      'Reviewed by A. Auditor on 2024-08-01: accepted as an exception (The complainant asked us to wait for their papers.).';
    expect(formatText(report)).toContain(note);
    expect(formatMarkdown(report)).toContain('accepted as an exception');
    expect(formatJunit(report)).toContain('accepted as an exception');
    expect(formatHtml(report, ruleset)).toContain('accepted as an exception');
  });
});
