/**
 * The self-assessment of a small housing log, worked by hand (`fixtures/self-assessment/`), on the
 * shipped hoc-code-2024 ruleset: period 1 Apr 2024 to 31 Mar 2025, judged as of 15 Apr 2025, on
 * the England and Wales calendar.
 *
 * - H6: received Thu 28 Mar 2024, before the period; acknowledged and defined Tue 2 Apr (after
 *   Good Friday and Easter Monday), answered Thu 11 Apr 2024, inside it. Its findings are placed by
 *   receipt, so it is in no row; its response is dated in the period, so it counts in the
 *   timescales (within: the deadline was Tue 16 Apr, ten working days from 2 Apr).
 * - H1: received Mon 8 Apr 2024; acknowledged and defined Wed 10 Apr (deadline Mon 15 Apr: pass);
 *   answered Tue 23 Apr (deadline Wed 24 Apr, ten working days from 10 Apr: pass).
 * - H2: received Thu 23 May 2024; the spring bank holiday is Mon 27 May, so the fifth working day
 *   is Fri 31 May and the acknowledgement on Mon 3 Jun, the sixth, fails S1.1. The response clock
 *   starts at the deadline, 31 May (a late acknowledgement buys no time): ten working days end
 *   Fri 14 Jun, and the response on Mon 17 Jun fails S1.2.
 * - H5: received Mon 2 Sep 2024 straight to stage 2: no stage 1 (the S1 rules not applicable).
 *   Never acknowledged: S2.1's deadline, Mon 9 Sep, has passed (fail); the stage 2 response clock
 *   starts at that deadline, so twenty working days end Mon 7 Oct, unanswered (S2.4 fails), and
 *   the written final response due by then is missing (S2.6 fails).
 * - H3: received Mon 31 Mar 2025, the period's last day; acknowledged and defined Wed 2 Apr
 *   (pass); the response is due Wed 16 Apr (ten working days from 2 Apr), after 15 Apr: pending.
 * - H4: received Wed 2 Apr 2025, after the period: in no row.
 *
 * So 6.2 (S1.1): 2 of 3 judged (H1, H3 pass; H2 fails; H5 not applicable); 6.3 (S1.2): 1 of 2
 * (H1 passes, H2 fails, H3 pending, H5 not applicable); 6.9 (S1.4): H1's and H2's responses cover
 * the stage, the complaint as defined, the decision, its reasons and how to escalate (no remedy
 * or outcome is recorded, so nothing more is required): pass; H3's is due by 16 Apr: pending.
 * Stage 1 responses dated in the period:
 * H6, H1 and H2, two within the Code's timescale. The statements file answers 1.2 (yes) and 6.2
 * (no, with commentary).
 */
import { describe, expect, it } from 'vitest';
import { SelfAssessmentSchema } from '../../src/self-assessment/document.js';
import { runSelfAssessmentCommand } from './_command.js';

const DIR = 'fixtures/self-assessment';

async function form(extra: string[] = []) {
  const r = await runSelfAssessmentCommand([
    `${DIR}/small.ndjson`,
    '--ruleset',
    'hoc-code-2024',
    '--period',
    '2024-04-01..2025-03-31',
    '--as-of',
    '2025-04-15',
    '--quiet',
    '--format',
    'json',
    ...extra,
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return SelfAssessmentSchema.parse(JSON.parse(r.stdout));
}

const row = (doc: Awaited<ReturnType<typeof form>>, n: string) => {
  const r = doc.rows.find((x) => x.provision === n);
  if (!r) throw new Error(`no row ${n}`);
  return r;
};

describe('the self-assessment of a small housing log, worked by hand', () => {
  it('places each finding by its receipt and counts S1.1 and S1.2 as worked out', async () => {
    const doc = await form();
    expect(doc.meta.period).toEqual({ from: '2024-04-01', to: '2025-03-31', complete: true });
    expect(row(doc, '6.2').log).toEqual({
      byStatus: { error: 0, fail: 1, insufficient_evidence: 0, pending: 0, pass: 2, not_applicable: 1 },
      judged: 3,
      complianceRate: 2 / 3,
      failedCases: ['H2'],
      pendingCases: [],
      reviewCases: [],
    });
    expect(row(doc, '6.2')).toMatchObject({ suggestedComply: 'no', comply: 'no', complySource: 'suggested' });
    expect(row(doc, '6.3').log).toEqual({
      byStatus: { error: 0, fail: 1, insufficient_evidence: 0, pending: 1, pass: 1, not_applicable: 1 },
      judged: 2,
      complianceRate: 0.5,
      failedCases: ['H2'],
      pendingCases: ['H3'],
      reviewCases: [],
    });
    expect(row(doc, '6.3').evidence).toBe(
      'S1.2 (Stage 1 response on time), 1 Apr 2024 to 31 Mar 2025: 1 of 2 judged met it (50.0%); 1 did not (listed); 1 pending at 15 Apr 2025; 1 not applicable. Target 100%.',
    );
  });

  it('fills the other stage rows as worked out: S1.4 on content, the unanswered stage 2 of H5', async () => {
    const doc = await form();
    expect(row(doc, '6.9').log).toMatchObject({
      byStatus: { error: 0, fail: 0, insufficient_evidence: 0, pending: 1, pass: 2, not_applicable: 1 },
      pendingCases: ['H3'],
    });
    expect(row(doc, '6.9')).toMatchObject({
      suggestedComply: 'yes',
      comply: 'yes',
      complySource: 'suggested',
    });
    for (const n of ['6.11', '6.14', '6.19'])
      expect(row(doc, n), n).toMatchObject({
        suggestedComply: 'no',
        log: { judged: 1, failedCases: ['H5'] },
      });
    // No remedy was recommended: R.1's findings have no anchor, so its rows show no case.
    expect(row(doc, '7.3')).toMatchObject({ suggestedComply: null, comply: null, log: { judged: 0 } });
    expect(row(doc, '7.3').evidence).toMatch(/no case in the period it applied to/);
  });

  it('counts the stage 1 responses dated in the period, and those within the Code', async () => {
    const doc = await form();
    expect(doc.summary.timescales).toEqual({
      stage1: { responses: 3, withinCode: 2 },
      stage2: { responses: 0, withinCode: 0 },
    });
  });

  it('fills 1.2 and 6.2 from the statements, keeping the log figures beside 6.2', async () => {
    const doc = await form(['--statements', `${DIR}/statements.json`]);
    expect(row(doc, '1.2')).toMatchObject({
      comply: 'yes',
      complySource: 'statement',
      evidence: 'Complaints policy, section 2.',
      commentary: 'Definition adopted in April 2024.',
    });
    expect(row(doc, '6.2')).toMatchObject({ suggestedComply: 'no', comply: 'no', complySource: 'statement' });
    expect(row(doc, '6.2').log?.failedCases).toEqual(['H2']);
    expect(doc.summary.statementsNeeded).not.toContain('1.2');
    expect(doc.summary.statementsNeeded).toContain('1.3');
    expect(doc.rows).toHaveLength(70);
  });
});
