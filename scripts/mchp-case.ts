/**
 * One synthetic complaint handled under the Scottish model procedure (two stages), for
 * `generate-log.ts --ruleset mchp-scotland-2020`: a frontline stage (answered, extended,
 * transferred as complex or withdrawn), an escalation or a complaint received straight at stage
 * 2, the investigation (acknowledgement, points agreed, extensions and updates, pauses, the final
 * response, the outcome recorded) and contact after it, each step right most of the time and
 * wrong some of the time, so that every MCHP indicator reaches pass and fail. Escalations,
 * extensions at both stages and contact after the final response are common enough that no
 * indicator is more than about 83% not applicable (the bench refuses data above 90%).
 */
import type { GeneratedCase, GeneratedEvent } from './generate-log.js';

const FIRST = Date.UTC(2023, 0, 2) / 86_400_000;
const LAST = Date.UTC(2026, 5, 26) / 86_400_000;
const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld', 'resolved'] as const;

const isoDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const isWorking = (day: number) => {
  const w = (day + 4) % 7;
  return w !== 0 && w !== 6;
};
/** `n` working days (weekends only) after `day`. */
const later = (day: number, n: number) => {
  let d = day;
  for (let left = n; left > 0; ) if (isWorking(++d)) left--;
  return d;
};

/**
 * One MCHP case, numbered `n`, drawn from `r` (a seeded generator).
 *
 * @example
 * const c = makeMchpCase(0, rng(1));
 */
export function makeMchpCase(n: number, r: () => number): GeneratedCase {
  const chance = (p: number) => r() < p;
  const between = (a: number, b: number) => a + Math.floor(r() * (b - a + 1));
  const caseId = `M-${String(n).padStart(7, '0')}`;
  const events: GeneratedEvent[] = [];
  // UTC instants at midday: the local date is the same in London whatever the season.
  const add = (type: string, day: number, data?: Record<string, unknown>) => {
    const e: GeneratedEvent = {
      id: `${caseId}-e${String(events.length + 1).padStart(2, '0')}`,
      type,
      at: `${isoDate(day)}T${String(between(9, 15)).padStart(2, '0')}:00:00Z`,
    };
    if (data) e.data = data;
    events.push(e);
    return e;
  };
  const send = (day: number, ...covers: string[]) =>
    add('communication.sent', day, { to: 'complainant', covers });
  const decide = (day: number) =>
    add('decision.issued', day, { outcome: OUTCOMES[between(0, 3)], decisionMakerRole: 'officer' });
  const receipt = between(FIRST, LAST);
  const direct = chance(0.15);
  add('complaint.received', receipt, direct ? { channel: 'web', stage: 'stage_2' } : { channel: 'email' });
  let stage2Start: number | undefined = direct ? receipt : undefined;
  if (!direct) {
    const s1 = _stage1(receipt, { chance, between, add, send, decide });
    if (s1.ended) return { caseId, attributes: {}, events };
    stage2Start = s1.stage2Start;
  }
  if (stage2Start !== undefined) _stage2(stage2Start, { chance, between, add, send, decide });
  return { caseId, attributes: {}, events };
}

interface Tools {
  chance: (p: number) => boolean;
  between: (a: number, b: number) => number;
  add: (type: string, day: number, data?: Record<string, unknown>) => GeneratedEvent;
  send: (day: number, ...covers: string[]) => GeneratedEvent;
  decide: (day: number) => GeneratedEvent;
}

/** The frontline stage; `ended` when the case goes no further, else where stage 2 starts (if it does). */
function _stage1(receipt: number, t: Tools): { ended: boolean; stage2Start?: number } {
  if (t.chance(0.1)) {
    const day = later(receipt, t.chance(0.7) ? t.between(1, 4) : t.between(6, 8));
    t.add('case.stage_changed', day, { stage: 'stage_2', from: 'stage_1', reason: 'complex' });
    return { ended: false, stage2Start: day };
  }
  if (t.chance(0.05)) {
    t.add('case.closed', later(receipt, t.chance(0.6) ? t.between(1, 4) : t.between(6, 9)), {
      outcome: 'not_pursued',
    });
    return { ended: true };
  }
  let due = 5;
  if (t.chance(0.35)) {
    const at = t.chance(0.85) ? t.between(3, 5) : t.between(6, 7);
    due = t.chance(0.85) ? t.between(7, 10) : 12;
    t.add('case.extension_notified', later(receipt, at), {
      revisedTargetAt: isoDate(later(receipt, due)),
      ...(t.chance(0.85) ? { reason: 'awaiting information from the service' } : {}),
      ...(t.chance(0.5) ? { authorisedBy: { role: 'team_leader' } } : {}),
    });
  }
  const response = later(receipt, t.chance(0.75) ? t.between(1, due) : t.between(due + 1, due + 4));
  const recorded = t.chance(0.9);
  const withResponse = recorded && t.chance(0.85);
  if (withResponse) t.decide(response);
  if (t.chance(0.85)) t.send(response, 'decision', 'escalation_rights');
  else if (t.chance(0.5)) {
    t.send(response, 'decision');
    t.send(response, 'escalation_rights');
  } else t.send(response, 'decision');
  if (recorded && !withResponse) t.decide(later(response, t.chance(0.7) ? t.between(1, 5) : t.between(6, 9)));
  if (!t.chance(0.45)) return { ended: false };
  const request = t.add('escalation.requested', later(response, t.between(1, 10)), { from: 'complainant' });
  if (t.chance(0.1)) {
    t.add('escalation.refused', later(response, t.between(11, 12)), {
      requestId: request.id,
      reason: 'a new matter',
    });
    return { ended: true };
  }
  const day = Number(Date.parse(request.at) / 86_400_000) | 0;
  t.add('case.stage_changed', later(day, t.between(0, 2)), {
    stage: 'stage_2',
    from: 'stage_1',
    reason: 'escalated',
  });
  return { ended: false, stage2Start: day };
}

/** The investigation stage, and contact after its final response. */
function _stage2(start: number, t: Tools): void {
  if (t.chance(0.9)) {
    const ack = later(start, t.chance(0.85) ? t.between(1, 3) : t.between(4, 6));
    if (t.chance(0.6)) t.send(ack, 'acknowledgement', 'complaint_summary');
    else {
      t.send(ack, 'acknowledgement');
      if (t.chance(0.75))
        t.add('complaint.summary_confirmed', later(ack, t.between(1, 3)), { confirmedBy: 'complainant' });
    }
  }
  if (t.chance(0.05)) {
    t.add('case.closed', later(start, t.chance(0.6) ? t.between(5, 18) : t.between(22, 30)), {
      outcome: 'not_pursued',
    });
    return;
  }
  let due = 20;
  if (t.chance(0.1)) {
    const paused = later(start, t.between(5, 10));
    t.add('case.paused', paused, { reason: 'awaiting_complainant' });
    t.add('case.resumed', later(paused, t.between(2, 6)));
  }
  if (t.chance(0.5)) {
    const at = later(start, t.chance(0.85) ? t.between(15, 20) : t.between(21, 23));
    due = t.between(30, 45);
    t.add('case.extension_notified', at, {
      revisedTargetAt: isoDate(later(start, due)),
      ...(t.chance(0.85) ? { reason: 'an independent adviser is reviewing the records' } : {}),
      ...(t.chance(0.5) ? { authorisedBy: { role: 'head_of_service' } } : {}),
    });
    const gap = t.chance(0.75) ? 12 : 25;
    for (let d = later(at, gap); d < later(start, due - 2); d = later(d, gap)) t.send(d, 'progress');
  }
  const response = later(start, t.chance(0.75) ? t.between(8, due) : t.between(due + 1, due + 6));
  const recorded = t.chance(0.9);
  const withResponse = recorded && t.chance(0.7);
  if (withResponse) t.decide(response);
  if (t.chance(0.8)) t.send(response, 'decision', 'decision_reasons', 'ombudsman_referral');
  else if (t.chance(0.5)) {
    t.send(response, 'decision', 'decision_reasons');
    t.send(response, 'ombudsman_referral');
  } else t.send(response, 'decision', t.chance(0.5) ? 'decision_reasons' : 'ombudsman_referral');
  if (recorded && !withResponse) t.decide(later(response, t.chance(0.7) ? t.between(1, 5) : t.between(6, 9)));
  t.add('case.closed', later(response, t.between(0, 2)));
  if (t.chance(0.4)) {
    const contact = later(response, t.between(3, 20));
    t.add('communication.received', contact, { from: 'complainant' });
    if (t.chance(0.75))
      t.send(later(contact, t.chance(0.8) ? t.between(1, 5) : t.between(6, 9)), 'ombudsman_referral');
  }
  if (t.chance(0.03))
    t.add('case.stage_changed', later(response, t.between(10, 30)), { stage: 'stage_2', reason: 'reopened' });
}
