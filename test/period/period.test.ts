import { describe, expect, it } from 'vitest';
import {
  evaluateCase,
  inPeriod,
  loadRuleset,
  parsePeriod,
  periodComplete,
  periodMeta,
  selectByAnchor,
} from '../../src/index.js';
import { PeriodSchema } from '../../src/schemas.js';

const zone = 'Europe/London';
const year = { from: '2024-04-01', to: '2025-03-31' };

describe('parsePeriod', () => {
  it('reads FROM..TO as two inclusive local dates', () => {
    expect(parsePeriod('2024-04-01..2025-03-31')).toEqual(year);
    expect(parsePeriod('2024-05-01..2024-05-01')).toEqual({ from: '2024-05-01', to: '2024-05-01' });
  });

  it('names what is wrong', () => {
    expect(() => parsePeriod('2024-04-01')).toThrow(/must be FROM\.\.TO/);
    expect(() => parsePeriod('2024-04-01..2024-02-30')).toThrow(/to is not a date that exists/);
    expect(() => parsePeriod('2024-4-1..2025-03-31')).toThrow(/from must be a date in the form YYYY-MM-DD/);
    expect(() => parsePeriod('2025-03-31..2024-04-01')).toThrow(/`from` must be on or before `to`/);
    expect(() => parsePeriod('2024-04-01..2024-05-01..2024-06-01')).toThrow(/must be FROM\.\.TO/);
    expect(PeriodSchema.safeParse({ from: '2024-04-01' }).success).toBe(false);
  });
});

describe('inPeriod', () => {
  it('places an instant by its local date in the zone, both ends inclusive', () => {
    // 23:30 BST on 31 Mar 2025 is 22:30 UTC: still 31 March in London.
    expect(inPeriod(year, '2025-03-31T23:30:00.000+01:00', zone)).toBe(true);
    expect(inPeriod(year, Date.parse('2025-03-31T23:30:00Z'), zone)).toBe(false); // 00:30 BST, 1 April
    expect(inPeriod(year, '2024-04-01T00:00:00.000+01:00', zone)).toBe(true);
    expect(inPeriod(year, Date.parse('2024-03-31T23:59:59.999Z'), zone)).toBe(true); // 00:59 BST
    expect(inPeriod(year, Date.parse('2024-03-31T22:59:59.999Z'), zone)).toBe(false);
    // The same instant in another zone falls on another date.
    expect(inPeriod(year, Date.parse('2025-03-31T12:00:00Z'), 'Pacific/Auckland')).toBe(false);
  });

  it('refuses what is not an instant', () => {
    expect(() => inPeriod(year, 'yesterday', zone)).toThrow(/not an instant/);
  });
});

describe('periodComplete', () => {
  it('is complete once asOf reaches the end of the last local day', () => {
    expect(periodComplete(year, Date.parse('2025-03-31T22:59:59.998Z'), zone)).toBe(false);
    expect(periodComplete(year, Date.parse('2025-03-31T22:59:59.999Z'), zone)).toBe(true); // 23:59:59.999 BST
    expect(periodComplete(year, Date.parse('2025-04-30T12:00:00Z'), zone)).toBe(true);
    expect(periodMeta(year, Date.parse('2025-01-01T12:00:00Z'), zone)).toEqual({ ...year, complete: false });
  });
});

describe('periodAnchor on findings', () => {
  it('places each finding by the instant its rule declares, and selectByAnchor picks them', async () => {
    const ruleset = await loadRuleset({ id: 'mchp-scotland-2020' });
    // Received 28 Mar 2024 (stage 1, before the year); escalated 10 Apr 2024 (stage 2, in it).
    const result = await evaluateCase(
      {
        caseId: 'P1',
        events: [
          { id: 'e1', type: 'complaint.received', at: '2024-03-28T10:00:00Z' },
          {
            id: 'e2',
            type: 'communication.sent',
            at: '2024-04-04T10:00:00+01:00',
            data: { to: 'complainant', covers: ['decision', 'escalation_rights'] },
          },
          { id: 'e3', type: 'escalation.requested', at: '2024-04-10T09:00:00+01:00' },
        ],
      },
      { ruleset, asOf: '2024-04-30T12:00:00+01:00' },
    );
    const anchors = Object.fromEntries(result.findings.map((f) => [f.ref, f.periodAnchor]));
    expect(anchors['S1.1']).toBe('2024-03-28T10:00:00.000+00:00');
    expect(anchors['S2.1']).toBe('2024-04-10T09:00:00.000+01:00');
    expect(selectByAnchor(result.findings, year, zone).map((f) => f.ref)).toEqual(
      result.findings.filter((f) => f.ref.startsWith('S2')).map((f) => f.ref),
    );
  });

  it('gives none where the case lacks the anchor, and the case fact knows the stage and track', async () => {
    const ruleset = await loadRuleset({ id: 'mchp-scotland-2020' });
    const result = await evaluateCase(
      { caseId: 'P2', events: [{ id: 'e1', type: 'complaint.received', at: '2024-05-01T10:00:00Z' }] },
      { ruleset, asOf: '2024-05-02T12:00:00Z', detail: 'full' },
    );
    const s21 = result.findings.find((f) => f.ref === 'S2.1');
    expect(s21?.status).toBe('not_applicable');
    expect(s21?.periodAnchor).toBeUndefined();
  });
});
