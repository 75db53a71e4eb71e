/**
 * The stageDeciders template (docs/engine.md): who decided while each stage was current, the
 * makers both stages share, and the decisions that cannot show who decided.
 */
import { describe, expect, it } from 'vitest';
import { type Ev, ev, measure } from './templates.helpers.js';

const rcv = ev('rcv', 'complaint.received', '2024-05-01T10:00');
const decided = (id: string, at: string, decisionMakerId?: string) =>
  ev(id, 'decision.issued', at, {
    decisionMakerRole: 'manager',
    outcome: 'upheld',
    ...(decisionMakerId === undefined ? {} : { decisionMakerId }),
  });
const response = (id: string, at: string) =>
  ev(id, 'communication.sent', at, { to: 'complainant', covers: ['decision'] });
const toStage2 = ev('s2', 'case.stage_changed', '2024-05-10T10:00', { stage: 'stage_2' });
const run = (events: Ev[]) => measure({ template: 'stageDeciders' }, events, { asOf: '2024-06-30T12:00' });

describe('stageDeciders', () => {
  it('lists each stage’s makers, once each, and those both stages share', () => {
    const f = run([
      rcv,
      decided('d1', '2024-05-03T10:00', 'M1'),
      decided('d2', '2024-05-03T11:00', 'M1'),
      response('r1', '2024-05-03T12:00'),
      toStage2,
      decided('d3', '2024-05-20T10:00', 'M2'),
      decided('d4', '2024-05-20T11:00', 'M1'),
      response('r2', '2024-05-20T12:00'),
    ]);
    expect(f).toEqual({
      eventIds: ['d1', 'd2', 'd3', 'd4'],
      exists: true,
      shared: ['M1'],
      sharedCount: 1,
      stage1: { decisions: 2, makerIds: ['M1'], responded: true, unnamed: 0 },
      stage2: { decisions: 2, makerIds: ['M2', 'M1'], responded: true, unnamed: 0 },
      unknownCount: 0,
    });
  });

  it('counts as unknown a decision naming no one, and a responded stage with no decision', () => {
    const f = run([
      rcv,
      response('r1', '2024-05-03T12:00'),
      toStage2,
      decided('d3', '2024-05-20T10:00', ' '),
    ]);
    expect(f).toMatchObject({
      shared: [],
      sharedCount: 0,
      stage1: { decisions: 0, responded: true },
      stage2: { decisions: 1, makerIds: [], unnamed: 1, responded: false },
      unknownCount: 2,
    });
    expect(run([rcv, toStage2]).unknownCount).toBe(0);
  });

  it('does not exist without both stages', () => {
    expect(run([rcv, decided('d1', '2024-05-03T10:00', 'M1')])).toEqual({ eventIds: [], exists: false });
  });
});
