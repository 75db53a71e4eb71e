/**
 * What `evaluateCase` refuses and how it says so (an invalid case, an `asOf` outside the calendar,
 * missing options), and the parts of a result only some cases or options have.
 */
import { describe, expect, it } from 'vitest';
import { withoutDrillDown } from '../../src/engine/evaluate-case.js';
import { evaluateCase, InvalidCaseError, loadRuleset, UsageError } from '../../src/index.js';

const ruleset = await loadRuleset();
const asOf = '2024-06-03T12:00:00+01:00';
const received = { id: 'e1', type: 'complaint.received', at: '2024-05-01T10:00:00+01:00' } as const;

/** The error `evaluateCase` rejects with (fails the test if it resolves). */
async function refusal(input: unknown, options: Record<string, unknown>): Promise<Error> {
  const e = await evaluateCase(input as never, { ruleset, asOf, only: ['2.1.2'], ...options } as never).catch(
    (err: unknown) => err,
  );
  if (!(e instanceof Error)) throw new Error('expected a refusal');
  return e;
}

describe('an invalid case', () => {
  it('is refused with its id and every problem, one a line, each at its field', async () => {
    const e = await refusal(
      {
        caseId: 'C-9',
        events: [
          { type: 'complaint.received', at: 'nope' },
          { type: 'bogus', at: '2024-05-01' },
        ],
      },
      {},
    );
    expect(e).toBeInstanceOf(InvalidCaseError);
    expect(e.name).toBe('InvalidCaseError');
    const lines = e.message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('case "C-9" is invalid:');
    expect(lines[1]).toMatch(/^ {2}events\.0\.at: `at`: must be an ISO 8601 date .*\(got "nope"\)$/);
    expect(lines[2]).toMatch(/^ {2}events\.1\.type: `type`: unknown event type: .*\(got "bogus"\)$/);
    expect((e as InvalidCaseError).caseId).toBe('C-9');
  });
});

describe('the instant the verdicts are as of', () => {
  const one = { caseId: 'C-1', events: [received] };

  it('may be a Date or epoch ms, the same instant as its ISO string', async () => {
    const iso = await evaluateCase(one, { ruleset, asOf, only: ['2.1.2'] });
    const date = await evaluateCase(one, { ruleset, asOf: new Date(asOf), only: ['2.1.2'] });
    const ms = await evaluateCase(one, { ruleset, asOf: Date.parse(asOf), only: ['2.1.2'] });
    expect(date).toEqual(iso);
    expect(ms).toEqual(iso);
    expect(iso.findings[0]?.explanation).toMatch(/none had been sent by Mon 3 Jun 2024\.$/);
  });

  it('is required: null or undefined says what to pass', async () => {
    for (const missing of [null, undefined]) {
      const e = await refusal(one, { asOf: missing });
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).code).toBe('missing_as_of');
    }
  });

  it('is refused, saying why, when it is no instant', async () => {
    expect((await refusal(one, { asOf: 'garbage' })).message).toBe(
      'asOf: "garbage" is not an ISO 8601 date or date-time (expected e.g. 2024-05-07, 2024-05-07T10:00:00, 2024-05-07T10:00:00Z or 2024-05-07 10:00:00+01:00)',
    );
    const nan = await refusal(one, { asOf: Number.NaN });
    expect(nan).toBeInstanceOf(TypeError);
    expect(nan.message).toBe('asOf: NaN is not an instant');
    expect((await refusal(one, { asOf: new Date('nope') })).message).toBe(
      'asOf: Invalid Date is not an instant',
    );
  });

  it('is refused outside the years the working calendar covers (1900-2200 in the zone)', async () => {
    const empty = { caseId: 'C-0', events: [] };
    for (const inside of ['1900-01-01T00:00:00', '2200-12-31T23:59:59'])
      expect((await evaluateCase(empty, { ruleset, asOf: inside, only: ['2.1.2'] })).status).toBe(
        'not_applicable',
      );
    expect((await refusal(empty, { asOf: '1899-12-31T23:59:59' })).message).toBe(
      'asOf: 1899-12-31T23:59:59 is in the year 1899: the working calendar covers 1900-2200',
    );
    expect((await refusal(empty, { asOf: '2201-01-01' })).message).toBe(
      'asOf: 2201-01-01 is in the year 2201: the working calendar covers 1900-2200',
    );
    // The year is the zone's: 23:30 UTC on the last day of 2200 is already 2201 in Auckland.
    const auckland = await refusal(empty, {
      asOf: '2200-12-31T23:30:00Z',
      config: { zone: 'Pacific/Auckland' },
    });
    expect(auckland.message).toMatch(/is in the year 2201/);
  });
});

describe('the options', () => {
  it('are required, and the message shows the call', async () => {
    const e = (await evaluateCase({ caseId: 'C-1', events: [received] }, undefined as never).catch(
      (err: unknown) => err,
    )) as UsageError;
    expect(e.code).toBe('missing_options');
    expect(e.message).toBe(
      'evaluateCase: the options are missing: call evaluateCase(history, { ruleset, asOf }), with the ruleset const ruleset = await loadRuleset() gives.',
    );
  });
});

describe("a result's optional parts", () => {
  it('gives the date of receipt when the case has one, and no timeline unless asked', async () => {
    const withReceipt = await evaluateCase({ caseId: 'C-1', events: [received] }, { ruleset, asOf });
    expect(withReceipt.receivedOn).toBe('2024-05-01');
    expect(withReceipt).not.toHaveProperty('timeline');
    expect(withReceipt).not.toHaveProperty('fullMeasured');
    const none = await evaluateCase(
      { caseId: 'C-2', events: [{ id: 'e1', type: 'case.closed', at: '2024-05-02T10:00:00+01:00' }] },
      { ruleset, asOf },
    );
    expect(none).not.toHaveProperty('receivedOn');
  });

  it('leaves out the drill-down (timeline and full measurements) for every other report', async () => {
    const full = await evaluateCase({ caseId: 'C-1', events: [received] }, { ruleset, asOf, timeline: true });
    expect(full.timeline).toHaveLength(1);
    const plain = withoutDrillDown(full);
    expect(plain).not.toHaveProperty('timeline');
    expect(plain).not.toHaveProperty('fullMeasured');
    expect(plain).toEqual(await evaluateCase({ caseId: 'C-1', events: [received] }, { ruleset, asOf }));
    expect(withoutDrillDown({ ...full, timeline: undefined })).not.toHaveProperty('fullMeasured');
    expect(withoutDrillDown({ ...full, fullMeasured: undefined })).not.toHaveProperty('timeline');
    // A result without them is given back as it is.
    expect(withoutDrillDown(plain)).toBe(plain);
  });
});
