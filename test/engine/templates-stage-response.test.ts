/**
 * The stageResponse template (docs/engine.md): the topics a stage response covered with the
 * complainant-facing communications of its date, the event due before it, and the recording of
 * the stage outcome. May 2024 in Scotland: Wed 1, Fri 3, Mon 6 (bank holiday), Thu 9 (3 working
 * days after Fri 3).
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../../src/model/rule.js';
import { type Ev, ev, measure } from './templates.helpers.js';

const spec: FactSpec = {
  template: 'stageResponse',
  stage: 'stage_1',
  required: ['decision', 'decision_reasons', 'escalation_rights'],
  precededBy: { type: 'complaint.acknowledged' },
  outcomeWithin: 3,
};
const rcv = ev('rcv', 'complaint.received', '2024-05-01T10:00');
const ack = ev('ack', 'complaint.acknowledged', '2024-05-02T10:00');
const sent = (id: string, at: string, covers: string[]) =>
  ev(id, 'communication.sent', at, { to: 'complainant', covers });
const outcome = (at: string) =>
  ev('out', 'decision.issued', at, { decisionMakerRole: 'manager', outcome: 'upheld' });
const run = (events: Ev[], asOf = '2024-05-20T12:00') => measure(spec, events, { asOf });

describe('stageResponse without a response', () => {
  it('is open while the stage lasts, with every topic missing', () => {
    expect(run([rcv], '2024-05-02T12:00')).toEqual({
      covered: [],
      endKind: 'open',
      eventIds: ['rcv'],
      exists: true,
      missing: ['decision', 'decision_reasons', 'escalation_rights'],
      missingCount: 3,
      outcomeState: 'noResponse',
      precededState: 'open',
      required: ['decision', 'decision_reasons', 'escalation_rights'],
      startDate: '2024-05-01',
      startId: 'rcv',
      topicsState: 'open',
    });
  });

  it('has ended when the stage closed without one', () => {
    const f = run([rcv, ev('cl', 'case.closed', '2024-05-03T10:00')]);
    expect(f).toMatchObject({
      topicsState: 'ended',
      precededState: 'ended',
      endId: 'cl',
      endKind: 'closure',
    });
  });

  it('does not exist without the stage', () => {
    const received2 = ev('rcv', 'complaint.received', '2024-05-01T10:00', { stage: 'stage_2' });
    expect(run([received2])).toEqual({ eventIds: [], exists: false });
  });
});

describe('stageResponse with a response', () => {
  it('collects topics over the same-day communications that add one', () => {
    const f = run([
      rcv,
      ack,
      sent('resp', '2024-05-03T10:00', ['decision']),
      sent('nothing', '2024-05-03T11:00', ['decision']),
      sent('encl', '2024-05-03T12:00', ['decision_reasons']),
      sent('next', '2024-05-07T10:00', ['escalation_rights']),
      outcome('2024-05-03T09:00'),
    ]);
    expect(f).toMatchObject({
      responseId: 'resp',
      responseDate: '2024-05-03',
      endKind: 'response',
      covered: ['decision', 'decision_reasons'],
      coveredBy: ['resp', 'encl'],
      missing: ['escalation_rights'],
      missingCount: 1,
      topicsState: 'incomplete',
      precededState: 'met',
      precededId: 'ack',
      precededDate: '2024-05-02',
    });
    expect(f.eventIds).toEqual(['rcv', 'ack', 'out', 'resp', 'encl']);
  });

  it('is complete when the parts cover every topic, and misses an event due before it', () => {
    const f = run([
      rcv,
      sent('resp', '2024-05-03T10:00', ['decision', 'decision_reasons', 'escalation_rights']),
    ]);
    expect(f).toMatchObject({ topicsState: 'complete', missing: [], precededState: 'missing' });
  });

  it('judges the outcome recorded by the working days after the response, or late', () => {
    const resp = sent('resp', '2024-05-03T10:00', ['decision']);
    expect(run([rcv, resp, outcome('2024-05-09T16:00')])).toMatchObject({
      outcome: 'upheld',
      outcomeDate: '2024-05-09',
      outcomeDeadline: '2024-05-09',
      outcomeId: 'out',
      outcomeState: 'recorded',
      outcomeTarget: 3,
    });
    expect(run([rcv, resp, outcome('2024-05-10T09:00')])).toMatchObject({ outcomeState: 'late' });
  });

  it('leaves the outcome open until its deadline, then missing', () => {
    const resp = sent('resp', '2024-05-03T10:00', ['decision']);
    expect(run([rcv, resp], '2024-05-09T18:00')).toMatchObject({
      outcomeState: 'open',
      outcomeDueAt: '2024-05-09T23:59:59.999+01:00',
    });
    const f = run([rcv, resp], '2024-05-10T09:00');
    expect(f).toMatchObject({ outcomeState: 'missing' });
    expect(f.stageLeftDate).toBeUndefined();
  });

  it('misses a stage 1 outcome once stage 2 started, naming that date', () => {
    const resp = sent('resp', '2024-05-03T10:00', ['decision']);
    const moved = ev('s2', 'case.stage_changed', '2024-05-07T10:00', { stage: 'stage_2' });
    const f = run([rcv, resp, moved, outcome('2024-05-07T11:00')], '2024-05-07T12:00');
    expect(f).toMatchObject({ outcomeState: 'missing', stageLeftDate: '2024-05-07' });
    expect(f.eventIds).toContain('s2');
  });
});
