/**
 * The responses template at its bounds (docs/engine.md): a working-day or date deadline runs to
 * the last instant of its day, a response counts only strictly before `responseBefore`, and a
 * deadline field that is no date falls back to the working days. May 2024 in Scotland: Wed 1,
 * Mon 6 (bank holiday), Tue 7 (3 working days after Wed 1), Fri 31 (20 working days).
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../../src/model/rule.js';
import {
  contactFrom as c,
  ev,
  itemsOf,
  measure,
  replyTo as r,
  remedies,
  replies,
} from './templates.helpers.js';

const opts = { asOf: '2024-05-20T12:00' };
const states = (f: ReturnType<typeof measure>) => itemsOf(f).map((i) => i.state);

describe('responses: deadline bounds', () => {
  it('is met by a reply at the last instant of the deadline day, late at the next', () => {
    expect(
      states(measure(replies(), [c('c1', '2024-05-01T10:00'), r('r1', '2024-05-07T23:59:59.999')], opts)),
    ).toEqual(['met']);
    expect(
      states(measure(replies(), [c('c1', '2024-05-01T10:00'), r('r1', '2024-05-08T00:00')], opts)),
    ).toEqual(['late']);
  });

  it('counts only responses strictly before responseBefore', () => {
    const spec = replies({ responseBefore: 'closure' });
    const closed = ev('cl', 'case.closed', '2024-05-03T10:00');
    const before = measure(spec, [c('c1', '2024-05-01T10:00'), r('r1', '2024-05-03T09:59'), closed], opts);
    expect(itemsOf(before)).toMatchObject([{ state: 'met', responseId: 'r1' }]);
    const atClosure = measure(spec, [c('c1', '2024-05-01T10:00'), closed, r('r1', '2024-05-03T10:00')], opts);
    expect(states(atClosure)).toEqual(['missing']);
  });
});

describe('responses: a deadline field', () => {
  const rec = (dueAt: string) =>
    ev('d1', 'remedy.recommended', '2024-05-01T10:00', { remedyId: 'R1', kind: 'apology', dueAt });
  const impl = (at: string) => ev('i1', 'remedy.implemented', at, { remedyId: 'R1' });

  it('runs a date to the last instant of that day', () => {
    const f = measure(remedies, [rec('2024-05-10'), impl('2024-05-10T23:59:59.999')], opts);
    expect(itemsOf(f)).toMatchObject([{ deadline: '2024-05-10', state: 'met' }]);
  });

  it('falls back to the working days when the field is not a date', () => {
    // A custom ruleset may name any field; the event schema checks only its own (dueAt).
    const promised: FactSpec = {
      ...remedies,
      within: { deadlineField: 'data.promisedBy', otherwiseWorkingDays: 20 },
    };
    const d1 = ev('d1', 'remedy.recommended', '2024-05-01T10:00', {
      remedyId: 'R1',
      kind: 'apology',
      promisedBy: 'soon',
    });
    const f = measure(promised, [d1, impl('2024-05-31T16:00')], { asOf: '2024-06-10T12:00' });
    expect(itemsOf(f)).toMatchObject([{ deadline: '2024-05-31', target: 20, state: 'met' }]);
  });

  it('is due at the earliest open deadline, whatever the order of the triggers', () => {
    const rec2 = (id: string, remedyId: string, dueAt: string) =>
      ev(id, 'remedy.recommended', '2024-05-01T10:00', { remedyId, kind: 'apology', dueAt });
    const f = measure(
      remedies,
      [
        rec2('d1', 'R1', '2024-06-14'),
        rec2('d2', 'R2', '2024-06-07'),
        rec2('d3', 'R3', '2024-06-10'),
        rec2('d4', 'R4', '2024-05-10'),
      ],
      { asOf: '2024-06-03T12:00' },
    );
    expect(f).toMatchObject({ open: 3, missing: 1, dueAt: '2024-06-07T23:59:59.999+01:00' });
    expect((f.openItems as { triggerId: string }[]).map((i) => i.triggerId)).toEqual(['d1', 'd2', 'd3']);
  });
});
