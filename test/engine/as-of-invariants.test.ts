import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCase, loadRuleset, prepareEvaluation } from '../../src/index.js';
import { caseArb } from '../support/case-arbitrary.js';
import { deepFreeze } from '../support/fixtures.js';

/**
 * Invariants of `asOf` (`indicators.md`, statuses): a pending finding falls due after `asOf`,
 * and the verdicts on a weekend are those of the following Monday morning when no event lies
 * between (no working day has passed).
 */

const ruleset = deepFreeze(await loadRuleset());
const prepared = prepareEvaluation(ruleset);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The Saturday noon (London) on or after an instant, and 08:00 UTC on the Monday after it, in ms. */
function weekendAndMonday(ms: number): [number, number] {
  const d = new Date(ms);
  const toSaturday = (6 - d.getUTCDay() + 7) % 7;
  const saturday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + toSaturday, 11);
  return [saturday, saturday + 2 * DAY - 3 * HOUR];
}

const london = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

describe('asOf invariants', () => {
  it('1.2.2 on the Saturday after its due Friday fails, as on the Monday; on the Friday it is pending', async () => {
    const c = {
      caseId: 'W',
      events: [
        { id: 'e1', type: 'complaint.received', at: '2024-05-31T09:00:00+01:00' },
        {
          id: 'e2',
          type: 'communication.sent',
          at: '2024-05-31T15:00:00+01:00',
          data: { to: 'complainant', covers: ['acknowledgement'] },
        },
      ],
    };
    const at = async (asOf: string) =>
      (await evaluateCase(c, { ruleset, asOf, only: ['1.2.2'], untrusted: true })).findings[0];
    const friday = await at('2024-06-28T12:00:00+01:00');
    expect([friday?.status, friday?.dueAt]).toEqual(['pending', '2024-06-28T23:59:59.999+01:00']);
    for (const asOf of [
      '2024-06-29T12:00:00+01:00',
      '2024-06-30T23:00:00+01:00',
      '2024-07-01T09:00:00+01:00',
    ])
      expect((await at(asOf))?.status).toBe('fail');
  });

  it('generated histories: a pending dueAt is after asOf, and a weekend judges as the Monday after', async () => {
    let compared = 0;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ input, asOf }) => {
        run++;
        const [saturday, monday] = weekendAndMonday(Date.parse(asOf));
        const events = (input as unknown as { events: { at: string }[] }).events;
        // Only when no event lies between (events read in any zone: a day's margin either side).
        if (events.some((e) => Math.abs(Date.parse(e.at.slice(0, 10)) - saturday) < 3 * DAY)) return;
        let weekend: Awaited<ReturnType<typeof evaluateCase>>;
        try {
          weekend = await evaluateCase(deepFreeze(input), {
            ruleset,
            prepared,
            asOf: london(saturday),
            untrusted: true,
          });
        } catch {
          return; // an invalid generated case: rejected either way
        }
        const next = await evaluateCase(deepFreeze(input), {
          ruleset,
          prepared,
          asOf: london(monday),
          untrusted: true,
        });
        for (const [result, at] of [
          [weekend, saturday],
          [next, monday],
        ] as const)
          for (const f of result.findings)
            if (f.status === 'pending' && f.dueAt !== undefined)
              expect(Date.parse(f.dueAt), `${f.ref} dueAt ${f.dueAt}`).toBeGreaterThan(at);
        expect(next.findings.map((f) => `${f.ref} ${f.status}`)).toEqual(
          weekend.findings.map((f) => `${f.ref} ${f.status}`),
        );
        compared++;
      }),
      { numRuns: 1000, seed: 20_241_207 },
    );
    // Against the histories actually run: the mutation runs cap every property's examples.
    expect(compared).toBeGreaterThan(run * 0.3);
  });
});
