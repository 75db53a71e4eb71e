/**
 * The precedence template (docs/engine.md): a trigger is never its own prior, each prior is
 * listed once in distinctPriorIds, and the with- and without-prior lists hold every item.
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../../src/model/rule.js';
import { ev, measure } from './templates.helpers.js';

const decision = (id: string, at: string) =>
  ev(id, 'decision.issued', at, { decisionMakerRole: 'manager', outcome: 'upheld' });
const opts = { asOf: '2024-06-30T12:00' };

describe('precedence', () => {
  it('never counts a trigger as its own prior, even when same-instant priors count', () => {
    // Each decision preceded by an earlier decision: the first has none.
    const spec: FactSpec = {
      template: 'precedence',
      trigger: { type: 'decision.issued' },
      prior: { type: 'decision.issued' },
      inclusive: true,
    };
    const f = measure(spec, [decision('d1', '2024-05-01T10:00'), decision('d2', '2024-05-02T10:00')], opts);
    expect(f.items).toEqual([
      { triggerId: 'd1', triggerDate: '2024-05-01', priorIds: [], priorDates: [] },
      { triggerId: 'd2', triggerDate: '2024-05-02', priorIds: ['d1'], priorDates: ['2024-05-01'] },
    ]);
  });

  it('lists every item by kind, and each prior once in time order', () => {
    const advice = (id: string, at: string) => ev(id, 'advice.received', at, { independent: true });
    const spec: FactSpec = {
      template: 'precedence',
      trigger: { type: 'decision.issued' },
      prior: { type: 'advice.received' },
    };
    const f = measure(
      spec,
      [
        decision('d0', '2024-05-01T09:00'),
        decision('d1', '2024-05-01T09:30'),
        advice('a1', '2024-05-01T10:00'),
        decision('d2', '2024-05-02T10:00'),
        decision('d3', '2024-05-03T10:00'),
      ],
      opts,
    );
    expect(f).toMatchObject({
      triggers: 4,
      withPrior: 2,
      withoutPrior: 2,
      withoutPriorIds: ['d0', 'd1'],
      priorIds: ['a1', 'a1'],
      distinctPriorIds: ['a1'],
    });
    expect((f.withPriorItems as { triggerId: string }[]).map((i) => i.triggerId)).toEqual(['d2', 'd3']);
    expect((f.withoutPriorItems as { triggerId: string }[]).map((i) => i.triggerId)).toEqual(['d0', 'd1']);
    const none = measure(spec, [advice('a1', '2024-05-01T10:00')], opts);
    expect(none).toMatchObject({
      triggers: 0,
      withPrior: 0,
      withoutPrior: 0,
      withPriorItems: [],
      withoutPriorItems: [],
    });
  });
});
