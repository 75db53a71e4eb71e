import { describe, expect, it } from 'vitest';
import { EventSchema } from '../../src/model/event.js';
import { CANONICAL_EVENT_TYPES, TOPICS } from '../../src/model/vocabulary.js';

const ok = (event: unknown) => EventSchema.safeParse(event).success;
const at = '2024-05-01T09:00:00Z';

describe('vocabulary shared by staged procedures (mchp-scotland.md, housing-code-2024.md)', () => {
  it('knows the escalation events and the stage-response topics', () => {
    expect(CANONICAL_EVENT_TYPES).toEqual(
      expect.arrayContaining(['escalation.requested', 'escalation.refused']),
    );
    expect(TOPICS).toEqual(
      expect.arrayContaining([
        'complaint_stage',
        'escalation_rights',
        'ombudsman_referral',
        'remedy',
        'outstanding_actions',
        'refusal_reasons',
      ]),
    );
  });

  it('accepts the new optional fields', () => {
    expect(ok({ type: 'complaint.received', at, data: { stage: 'stage_2' } })).toBe(true);
    expect(
      ok({ type: 'case.stage_changed', at, data: { stage: 'stage_2', from: 'stage_1', reason: 'complex' } }),
    ).toBe(true);
    expect(ok({ type: 'escalation.requested', at, data: { from: 'representative', channel: 'email' } })).toBe(
      true,
    );
    expect(ok({ type: 'escalation.requested', at })).toBe(true);
    expect(ok({ type: 'escalation.refused', at, data: { requestId: 'e4', reason: 'out of time' } })).toBe(
      true,
    );
    expect(
      ok({
        type: 'case.extension_notified',
        at,
        data: {
          revisedTargetAt: '2024-05-20',
          covers: ['extension'],
          authorisedBy: { role: 'senior_officer' },
        },
      }),
    ).toBe(true);
    expect(
      ok({ type: 'communication.sent', at, data: { to: 'complainant', covers: ['ombudsman_referral'] } }),
    ).toBe(true);
  });

  it('rejects values outside the new enumerations', () => {
    expect(ok({ type: 'complaint.received', at, data: { stage: 'stage_3' } })).toBe(false);
    expect(ok({ type: 'escalation.requested', at, data: { from: 'staff' } })).toBe(false);
    expect(
      ok({ type: 'case.extension_notified', at, data: { revisedTargetAt: '2024-05-20', covers: ['x'] } }),
    ).toBe(false);
  });
});
