/**
 * The input contract as types: `npm run typecheck` (run in CI) compiles this file, and each
 * `@ts-expect-error` fails the compile if the line under it stops being an error. The runtime
 * assertions check the helpers build what the types say.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CanonicalEvent,
  type CaseInput,
  type EventData,
  evaluateCase,
  evaluateCases,
  type IndicatorRef,
  type IsoInstant,
  loadRuleset,
  makeCase,
  makeEvent,
  SPSO_REFS,
  type TypedFinding,
} from '../../src/index.js';

const ruleset = await loadRuleset();
const asOf = '2025-06-30T17:00:00+01:00';

describe('the case types', () => {
  it('reject a misspelt event type or value at compile time', async () => {
    const good: CaseInput = {
      caseId: 'C1',
      events: [
        { type: 'complaint.received', at: '2025-06-02T09:00:00+01:00', data: { channel: 'email' } },
        { type: 'communication.sent', at: '2025-06-03T09:00:00+01:00', data: { to: 'complainant' } },
        { type: 'x-local-note', at: '2025-06-03T10:00:00+01:00', data: { anything: 1 } },
      ],
    };
    const misspeltType: CaseInput = {
      caseId: 'C1',
      // @ts-expect-error 'complaint.recieved' is not an event type
      events: [{ type: 'complaint.recieved', at: '2025-06-02T09:00:00+01:00' }],
    };
    const misspeltValue: CaseInput = {
      caseId: 'C1',
      // @ts-expect-error 'complainent' is not a party
      events: [{ type: 'communication.sent', at: '2025-06-03T09:00:00+01:00', data: { to: 'complainent' } }],
    };
    // @ts-expect-error `to` is required on communication.sent
    makeEvent('communication.sent', '2025-06-03T09:00:00+01:00', { channel: 'email' });
    const misspelt = () =>
      // @ts-expect-error a literal with a misspelt type matches no overload of evaluateCase
      evaluateCase(
        { caseId: 'C1', events: [{ type: 'complaint.recieved', at: '2025-06-02' }] },
        { ruleset, asOf },
      );
    await expect(misspelt()).rejects.toThrow(/complaint\.recieved/);
    expect([good, misspeltType, misspeltValue].map((c) => c.caseId)).toEqual(['C1', 'C1', 'C1']);
  });

  it("type each event's data by its type", () => {
    expectTypeOf<EventData<'communication.sent'>['to']>().toEqualTypeOf<
      'complainant' | 'representative' | 'body' | 'other'
    >();
    expectTypeOf<CanonicalEvent<'decision.issued'>['type']>().toEqualTypeOf<'decision.issued'>();
    const e = makeEvent('decision.issued', '2025-06-20', { decisionMakerRole: 'manager', outcome: 'upheld' });
    expectTypeOf(e).toEqualTypeOf<CanonicalEvent<'decision.issued'>>();
    expect(e).toEqual({
      type: 'decision.issued',
      at: '2025-06-20',
      data: { decisionMakerRole: 'manager', outcome: 'upheld' },
    });
    expect(makeCase('C9', [e], { complexity: 'simple' })).toEqual({
      caseId: 'C9',
      attributes: { complexity: 'simple' },
      events: [e],
    });
  });

  it('take unknown data only when it is said to be untrusted, and validate it', async () => {
    const parsed: unknown = JSON.parse(
      '{"caseId":"C2","events":[{"type":"complaint.recieved","at":"2025-06-02"}]}',
    );
    // @ts-expect-error data typed unknown needs `untrusted: true`
    await expect(evaluateCase(parsed, { ruleset, asOf })).rejects.toThrow(/complaint\.recieved/);
    await expect(evaluateCase(parsed, { ruleset, asOf, untrusted: true })).rejects.toThrow(
      /complaint\.recieved/,
    );
  });
});

describe('the finding types', () => {
  it("complete refs to the shipped ruleset's, and give dueAt as an ISO instant", async () => {
    expectTypeOf<TypedFinding['ref']>().toEqualTypeOf<IndicatorRef>();
    expectTypeOf<TypedFinding['dueAt']>().toEqualTypeOf<IsoInstant | undefined>();
    const result = await evaluateCase(
      makeCase('C3', [makeEvent('complaint.received', '2025-06-25T09:00:00+01:00')]),
      {
        ruleset,
        asOf,
      },
    );
    expect(result.findings.map((f) => f.ref)).toEqual([...SPSO_REFS]);
    const due = result.findings.flatMap((f) => (f.dueAt === undefined ? [] : [f.dueAt]));
    expect(due.length).toBeGreaterThan(0);
    for (const d of due) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('type what evaluateCases yields as evaluateCase does', async () => {
    const cases = [makeCase('C4', [makeEvent('complaint.received', '2025-06-25T09:00:00+01:00')])];
    for await (const outcome of evaluateCases(cases, { ruleset, asOf })) {
      if (outcome.kind !== 'judged') throw new Error(`C4 was rejected: ${JSON.stringify(outcome)}`);
      expectTypeOf(outcome.result.findings[0]?.ref).toEqualTypeOf<IndicatorRef | undefined>();
      expectTypeOf(outcome.result.findings[0]?.dueAt).toEqualTypeOf<IsoInstant | undefined>();
      expect(outcome.result.findings.map((f) => f.ref)).toEqual([...SPSO_REFS]);
    }
  });

  it("list the shipped ruleset's refs, in its order", () => {
    expect(ruleset.rules.map((r) => r.ref)).toEqual([...SPSO_REFS]);
  });
});
