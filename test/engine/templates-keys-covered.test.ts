/**
 * The keysCovered and coverage templates at their edges (docs/engine.md): an assessment at the
 * decision's instant is not before it; with no decision every latest assessment is required and
 * no list is given; coverage reads a single value as well as a list.
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../../src/model/rule.js';
import { ev, evidenceKeys, measure } from './templates.helpers.js';

const opts = { asOf: '2024-06-30T12:00' };
const assessed = (id: string, at: string, evidenceId: string) =>
  ev(id, 'evidence.assessed', at, { evidenceId, relevant: true });
const decision = (at: string, evidenceRelied: string[]) =>
  ev('dec', 'decision.issued', at, { decisionMakerRole: 'manager', outcome: 'upheld', evidenceRelied });
const keys = evidenceKeys;

describe('keysCovered at its edges', () => {
  it('requires only keys assessed strictly before the decision', () => {
    const events = [
      assessed('x1', '2024-05-01T10:00', 'E1'),
      decision('2024-05-10T10:00', ['E1']),
      assessed('x2', '2024-05-10T10:00', 'E2'),
    ];
    expect(measure(keys, events, opts)).toMatchObject({ required: ['E1'], missing: [], listGiven: true });
  });

  it('requires every latest key without a decision, with no list given', () => {
    const f = measure(
      keys,
      [assessed('x1', '2024-05-01T10:00', 'E1'), assessed('x2', '2024-05-02T10:00', 'E2')],
      opts,
    );
    expect(f).toEqual({
      eventIds: ['x1', 'x2'],
      listGiven: false,
      missing: [],
      missingCount: 0,
      relied: [],
      required: ['E1', 'E2'],
      requiredCount: 2,
    });
  });
});

describe('coverage of a single value', () => {
  it('counts a field holding one value as covering it', () => {
    const spec: FactSpec = {
      template: 'coverage',
      filter: { type: 'communication.sent' },
      field: 'data.format',
      required: ['large_print', 'braille'],
    };
    const sent = (id: string, at: string, format: string) =>
      ev(id, 'communication.sent', at, { to: 'complainant', format });
    const f = measure(
      spec,
      [sent('s1', '2024-05-01T10:00', 'large_print'), sent('s2', '2024-05-02T10:00', 'standard')],
      opts,
    );
    expect(f).toEqual({
      complete: false,
      covered: ['large_print'],
      eventIds: ['s1'],
      missing: ['braille'],
      missingCount: 1,
      required: ['large_print', 'braille'],
    });
  });
});
