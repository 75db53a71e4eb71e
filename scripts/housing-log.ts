/**
 * Synthetic cases for the Housing Ombudsman's Complaint Handling Code (`hoc-code-2024`), as a
 * social landlord's complaints system would log them: receipt, acknowledgement and definition,
 * stage 1 (extension, decision, remedies, response), escalation (refused, or taken to stage 2),
 * stage 2 and closure; each step right most of the time and wrong some of the time, so that every
 * indicator meets both pass and fail. Used by `scripts/generate-log.ts --ruleset hoc-code-2024`.
 */
import type { GeneratedCase, GeneratedEvent } from './generate-log.js';
import { addWorking, FIRST_RECEIPT, isoDate, isWorking, LAST_RECEIPT, offset } from './log-calendar.js';

const RESPONSE = {
  1: ['complaint_stage', 'complaint_summary', 'decision', 'decision_reasons', 'escalation_rights'],
  2: ['complaint_stage', 'complaint_summary', 'decision', 'decision_reasons', 'ombudsman_referral'],
} as const;
const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld', 'not_upheld', 'resolved'] as const;
const REFUSAL = ['refusal_reasons', 'ombudsman_referral'];

/** What a case is written with: its events so far and the seeded choices. */
interface Log {
  events: GeneratedEvent[];
  r: () => number;
  add: (type: string, day: number, data?: Record<string, unknown>, role?: string) => GeneratedEvent;
  send: (day: number, covers: readonly string[], channel?: string) => GeneratedEvent;
  good: (p?: number) => boolean;
  pick: <T>(xs: readonly T[]) => T;
}

function _log(caseId: string, r: () => number): Log {
  const events: GeneratedEvent[] = [];
  const good = (p = 0.8) => r() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const add: Log['add'] = (type, day, data, role = 'staff') => {
    const hour = String(9 + Math.floor(r() * 8)).padStart(2, '0');
    const minute = String(Math.floor(r() * 60)).padStart(2, '0');
    const e: GeneratedEvent = {
      id: `${caseId}-e${String(events.length + 1).padStart(2, '0')}`,
      type,
      at: `${isoDate(day)}T${hour}:${minute}:00${offset(day)}`,
      actor: { role },
    };
    if (data) e.data = data;
    events.push(e);
    return e;
  };
  const send: Log['send'] = (day, covers, channel) =>
    add('communication.sent', day, {
      to: good(0.9) ? 'complainant' : 'representative',
      channel: channel ?? pick(['email', 'email', 'letter']),
      covers: [...covers],
    });
  return { events, r, add, send, good, pick };
}

/**
 * One housing complaint, seeded by `r`: not accepted (one in ten), taken straight to stage 2
 * (one in twelve), or through stage 1 and, for about four in ten, an escalation.
 *
 * @example makeHousingCase(0, rng(1)).events[0].type; // 'complaint.received'
 */
export function makeHousingCase(n: number, r: () => number): GeneratedCase {
  const caseId = `H-${String(n).padStart(7, '0')}`;
  const log = _log(caseId, r);
  const start = FIRST_RECEIPT + Math.floor(r() * (LAST_RECEIPT - FIRST_RECEIPT));
  const received = isWorking(start) ? start : addWorking(start, 1);
  const direct = r() < 0.08;
  const channel = log.pick(['web', 'email', 'letter', 'phone']);
  log.add(
    'complaint.received',
    received,
    { channel, ...(direct ? { stage: 'stage_2' } : {}) },
    'complainant',
  );
  const done = () => ({ caseId, attributes: { channel }, events: log.events });
  if (direct) {
    _stage(log, 2, received, `manager-${1 + Math.floor(r() * 4)}`);
    return done();
  }
  if (r() < 0.1) {
    _notAccepted(log, received);
    return done();
  }
  const officer = `officer-${1 + Math.floor(r() * 9)}`;
  const one = _stage(log, 1, received, officer);
  if (r() < 0.6) {
    log.add('case.closed', addWorking(one.responded, 1), { outcome: one.outcome });
    return done();
  }
  const asked = addWorking(one.responded, 5 + Math.floor(r() * 25));
  const request = log.add(
    'escalation.requested',
    asked,
    { channel: log.pick(['email', 'phone']) },
    'complainant',
  );
  if (r() < 0.15) {
    log.add('escalation.refused', addWorking(asked, 1), {
      requestId: request.id,
      reason: 'outside the time limit',
    });
    if (log.good(0.85))
      log.send(addWorking(asked, log.good(0.8) ? 2 : 7), log.good(0.85) ? REFUSAL : ['ombudsman_referral']);
    log.add('case.closed', addWorking(asked, 8), { outcome: one.outcome });
    return done();
  }
  // Someone else considers stage 2, nearly always; now and then the log does not say who.
  const second = log.good(0.8) ? `manager-${1 + Math.floor(r() * 4)}` : log.good(0.6) ? officer : '';
  _stage(log, 2, asked, second);
  return done();
}

/** A complaint the landlord does not take on: the decision, usually explained in writing, then closure. */
function _notAccepted(log: Log, received: number): void {
  const d = addWorking(received, log.good() ? 1 : 3);
  log.add('case.outside_remit', d, { reason: 'the matter is for the freeholder' });
  if (log.good(0.85))
    log.send(addWorking(d, log.good(0.8) ? 1 : 7), log.good(0.85) ? REFUSAL : ['refusal_reasons']);
  log.add('case.closed', addWorking(d, 8), { outcome: 'outside_remit' });
}

/** One stage from its start: acknowledgement and definition, maybe an extension, decision, remedies, response. */
function _stage(
  log: Log,
  stage: 1 | 2,
  start: number,
  officer: string,
): { responded: number; outcome: string } {
  const { add, send, good, pick, r } = log;
  const within = stage === 1 ? 10 : 20;
  const ackDay = addWorking(start, good(0.85) ? 1 + Math.floor(r() * 3) : 6 + Math.floor(r() * 3));
  const defines = good(0.85);
  send(ackDay, defines ? ['acknowledgement', 'complaint_summary'] : ['acknowledgement']);
  if (!defines && good(0.5))
    add('complaint.summary_confirmed', addWorking(ackDay, 3), { confirmedBy: 'complainant' }, 'complainant');
  const clockStart = Math.min(ackDay, addWorking(start, 5));
  const original = addWorking(clockStart, within);
  let deadline = original;
  if (r() < 0.3) {
    const inTime = good(0.85);
    const revised = addWorking(
      original,
      good(0.8) ? 1 + Math.floor(r() * within) : within + 1 + Math.floor(r() * 5),
    );
    add('case.extension_notified', inTime ? addWorking(clockStart, within - 2) : addWorking(original, 2), {
      revisedTargetAt: isoDate(revised),
      ...(good(0.85) ? { reason: 'a surveyor has to inspect the property' } : {}),
      ...(good(0.75) ? { covers: ['ombudsman_information'] } : {}),
    });
    if (inTime) deadline = revised;
  }
  const span = deadline - clockStart;
  const responded = good(0.75)
    ? Math.max(addWorking(ackDay, 1), clockStart + 1 + Math.floor(r() * span))
    : addWorking(deadline, 1 + Math.floor(r() * 5));
  const respondedDay = isWorking(responded) ? responded : addWorking(responded, 1);
  const outcome = pick(OUTCOMES);
  add('decision.issued', respondedDay, {
    decisionMakerRole: stage === 1 ? 'complaints officer' : 'head of housing',
    ...(officer !== '' && good(0.95) ? { decisionMakerId: officer } : {}),
    outcome,
  });
  const remedy = outcome === 'upheld' || outcome === 'partly_upheld';
  if (remedy) {
    const id = `rem-${stage}`;
    const due = addWorking(respondedDay, 15);
    add('remedy.recommended', respondedDay, {
      remedyId: id,
      kind: pick(['apology', 'redress', 'service_improvement']),
      ...(good(0.85) ? { dueAt: isoDate(due) } : {}),
    });
    if (good(0.85))
      add('remedy.implemented', addWorking(respondedDay, good(0.8) ? 10 : 20), { remedyId: id });
  }
  // A remedy is stated whenever the complaint was upheld in any part or resolved, as the Code asks.
  const stated = remedy || outcome === 'resolved';
  const topics = [...RESPONSE[stage], ...(stated && good(0.85) ? ['remedy', 'outstanding_actions'] : [])];
  const letter = good(0.85) ? topics : topics.filter((t) => t !== pick(topics));
  if (r() < 0.1) {
    send(respondedDay, ['decision'], 'phone');
    if (good(0.7)) send(addWorking(respondedDay, good(0.8) ? 0 : 6), letter, 'letter');
  } else send(respondedDay, letter);
  if (stage === 2) add('case.closed', respondedDay, { outcome });
  return { responded: respondedDay, outcome };
}
