/**
 * Writes the demo log, fixtures/sample/sample.ndjson: fifty complaint cases as a complaints
 * officer's system would log them, one whole case per line, drawn deterministically (seeded)
 * so that every indicator meets both pass and fail somewhere. With --check, writes nothing and
 * fails when the committed file differs from what this script makes.
 *
 *   npx tsx scripts/make-sample.ts [--check]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './generate-log.js';

const root = new URL('..', import.meta.url).pathname;
const OUT = join(root, 'fixtures/sample/sample.ndjson');
const CASES = 50;

type Event = {
  id: string;
  type: string;
  at: string;
  actor?: Record<string, string>;
  data?: Record<string, unknown>;
};

const HOLIDAYS = new Set([
  '2024-01-01',
  '2024-01-02',
  '2024-03-29',
  '2024-05-06',
  '2024-05-27',
  '2024-08-05',
  '2024-12-02',
  '2024-12-25',
  '2024-12-26',
  '2025-01-01',
  '2025-01-02',
  '2025-04-18',
  '2025-05-05',
  '2025-05-26',
  '2025-08-04',
  '2025-12-01',
  '2025-12-25',
  '2025-12-26',
]);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const isWorking = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !HOLIDAYS.has(iso(d));
/** The date N working days after a date (dates as UTC midnights: calendar arithmetic only). */
function addWorking(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorking(d)) left--;
  }
  return iso(d);
}
/** London offset for a date: BST between the last Sundays of March and October. */
function offset(date: string): string {
  const y = Number(date.slice(0, 4));
  const lastSunday = (m: number) => {
    const d = new Date(Date.UTC(y, m + 1, 0));
    d.setUTCDate(d.getUTCDate() - d.getUTCDay());
    return iso(d);
  };
  return date >= lastSunday(2) && date < lastSunday(9) ? '+01:00' : '+00:00';
}

function makeCase(
  n: number,
  r: () => number,
): { caseId: string; attributes: Record<string, unknown>; events: Event[] } {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const good = (p = 0.78) => r() < p;
  const caseId = `SPSO-2024-${String(1000 + n * 7).padStart(5, '0')}`;
  const events: Event[] = [];
  let seq = 0;
  let clock = addWorking('2024-01-08', Math.floor(r() * 300));
  const at = (date: string, hour = 9 + Math.floor(r() * 8)) =>
    `${date}T${String(hour).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00${offset(date)}`;
  const add = (type: string, date: string, data?: Record<string, unknown>, role = 'staff') => {
    const e: Event = {
      id: `${caseId}-e${String(++seq).padStart(2, '0')}`,
      type,
      at: at(date),
      actor: { role },
    };
    if (data) e.data = data;
    events.push(e);
    return e;
  };
  const contact = () => (good(0.85) ? { contactName: 'Case reviewer', contactDetails: '0800 377 7330' } : {});
  const plain =
    'Thank you for your complaint. We have read it and we will look into it. We will write to you again soon to tell you what we have found. Please call us if you have any questions.';
  const dense =
    'Notwithstanding the aforementioned considerations, the organisation’s determination regarding jurisdictional admissibility necessitates comprehensive evaluation of documentary submissions, contemporaneous correspondence and institutional responsibilities before substantive investigative consideration can be undertaken.';
  // Once a representative is authorised or a format arranged, later letters follow suit (or not).
  let copyRepresentative = false;
  let format: string | undefined;
  const send = (date: string, covers: string[], extra: Record<string, unknown> = {}) =>
    add('communication.sent', date, {
      to: 'complainant',
      channel: 'email',
      covers,
      ...contact(),
      ...(copyRepresentative ? { cc: ['representative'] } : {}),
      ...(format ? { format } : {}),
      ...extra,
    });

  const complexity = pick(['simple', 'standard', 'standard', 'complex'] as const);
  const received = clock;
  add(
    'complaint.received',
    received,
    { channel: pick(['web', 'email', 'letter', 'phone']), complexity },
    'complainant',
  );
  const outside = r() < 0.12;
  // Acknowledgement: complaints procedure (2.1.2) and investigation process (1.2.1).
  const ackDate = addWorking(received, good(0.82) ? 1 + Math.floor(r() * 2) : 6 + Math.floor(r() * 4));
  send(ackDate, ['acknowledgement', 'complaints_procedure', 'investigation_process', 'contact_details'], {
    text: good(0.8) ? plain : dense,
  });
  clock = ackDate;
  if (good(0.6)) send(clock, ['ombudsman_information', 'privacy_notice']);
  if (outside) {
    const d = addWorking(clock, 2);
    add('case.outside_remit', d, { reason: 'the body complained about is not under our jurisdiction' });
    if (good(0.75))
      send(addWorking(d, good(0.8) ? 1 : 8), ['signposting'], {
        signpostedTo: 'The Scottish Information Commissioner',
      });
    add('case.closed', addWorking(d, 9), { outcome: 'outside_remit' });
    return { caseId, attributes: { channel: 'web', subject: 'outside remit' }, events };
  }
  if (r() < 0.25) {
    const d = addWorking(clock, 1);
    add('representative.authorised', d, {}, 'complainant');
    copyRepresentative = good(0.7);
    send(addWorking(d, 1), ['progress']);
  }
  if (r() < 0.2) {
    const need = pick(['large_print', 'easy_read', 'bsl'] as const);
    const d = addWorking(clock, 1);
    add('needs.requested', d, { needId: 'n1', need }, 'complainant');
    const met = addWorking(d, good() ? 3 : 14);
    add('needs.met', met, { needId: 'n1' });
    format = good(0.75) ? need : undefined;
    send(addWorking(met, 2), ['progress']);
  }
  if (r() < 0.35) {
    const d = addWorking(clock, 4);
    add('communication.received', d, { from: 'complainant', channel: 'phone' }, 'complainant');
    if (r() < 0.3) add('call.recorded', d, { notified: true, askedIfRecorded: true, answered: good(0.6) });
    send(addWorking(d, good() ? 2 : 9), ['progress']);
  }
  if (r() < 0.3) {
    const concern = pick(['courtesy', 'discrimination'] as const);
    const d = addWorking(clock, 3);
    add(
      'conduct.concern_raised',
      d,
      { concernId: 'k1', kind: concern, raisedBy: 'complainant' },
      'complainant',
    );
    add('conduct.concern_resolved', addWorking(d, 8), { concernId: 'k1', upheld: !good(0.6) });
  }
  // Assessment, scope and the stage change to investigation.
  const stage = addWorking(clock, 3);
  add('case.stage_changed', stage, { stage: 'investigation' });
  if (good(0.85))
    add('complaint.summary_confirmed', addWorking(stage, 1), { confirmedBy: 'complainant' }, 'complainant');
  send(addWorking(stage, good(0.8) ? 2 : 8), [
    'next_steps',
    good(0.8) ? 'scope' : 'progress',
    'restrictions',
    'achievable_outcomes',
  ]);
  clock = addWorking(stage, 8);
  if (r() < 0.2) {
    const d = addWorking(clock, 1);
    add('service_error.identified', d, { errorId: 'err1', description: 'letter sent to an old address' });
    add('apology.given', addWorking(d, good() ? 2 : 15), { errorId: 'err1' });
    add('service_error.corrected', addWorking(d, good() ? 5 : 25), { errorId: 'err1' });
    if (good()) add('lesson.recorded', addWorking(d, 6), { errorId: 'err1' });
  }
  if (r() < 0.25)
    add(
      'data.shared',
      addWorking(clock, 1),
      good(0.75) ? { recipient: 'body', lawfulBasis: 'SPSO Act 2002 s.18' } : { recipient: 'body' },
    );
  if (r() < 0.08) add('data.incident', addWorking(clock, 2), { severity: 'low' });
  if (r() < 0.12) {
    const d = addWorking(clock, 2);
    add('engagement.restricted', d, { reason: 'single point of contact' });
    if (good()) send(addWorking(d, good(0.8) ? 2 : 9), ['engagement_change']);
  }
  // Investigation: evidence, advice, invitations, conflict checks, updates.
  const evidence = 1 + Math.floor(r() * 3);
  for (let i = 1; i <= evidence; i++) {
    const d = addWorking(clock, i * 2);
    add('evidence.received', d, { evidenceId: `ev${i}`, from: pick(['complainant', 'body']) });
    if (good(0.9)) add('evidence.assessed', addWorking(d, 2), { evidenceId: `ev${i}`, relevant: r() < 0.7 });
  }
  clock = addWorking(clock, evidence * 2 + 3);
  if (complexity === 'complex' && good(0.7)) {
    add('case.extension_notified', clock, {
      revisedTargetAt: addWorking(received, 100),
      reason: 'further advice needed',
    });
  }
  const target = { simple: 5, standard: 20, complex: 80 }[complexity];
  const onTime = good(0.7);
  const decisionDate = addWorking(
    received,
    onTime ? Math.max(4, target - 2) : target + 6 + Math.floor(r() * 20),
  );
  // Progress updates roughly every 15 working days, sometimes with a long silence.
  let u = addWorking(clock, 2);
  const silent = !good(0.75);
  while (u < decisionDate) {
    send(u, ['progress']);
    u = addWorking(u, silent ? 25 : 12 + Math.floor(r() * 6));
  }
  if (r() < 0.4)
    add(
      'advice.received',
      addWorking(received, 2),
      { independent: good(0.85), adviserId: 'adv1' },
      'adviser',
    );
  const makerId = 'om1';
  if (good(0.85))
    add('conflict_of_interest.checked', addWorking(received, 3), { personId: makerId, conflict: !good(0.9) });
  if (good(0.85))
    add('party.invited_to_comment', addWorking(received, good(0.85) ? 2 : Math.max(2, target + 20)), {
      party: 'body',
    });
  const outcome = pick(['upheld', 'partly_upheld', 'not_upheld', 'not_upheld', 'resolved'] as const);
  const relied = Array.from({ length: evidence }, (_, i) => `ev${i + 1}`).filter(() => good(0.85));
  const decision = add(
    'decision.issued',
    decisionDate,
    {
      decisionMakerRole: good(0.85) ? pick(['ombudsman', 'senior_officer']) : 'case_officer',
      decisionMakerId: makerId,
      outcome,
      reasonsGiven: r() < 0.6,
      ...(good(0.85) ? { evidenceRelied: relied } : {}),
    },
    'ombudsman',
  );
  if (!(decision.data as { reasonsGiven: boolean }).reasonsGiven && good(0.8))
    send(addWorking(decisionDate, 2), ['decision', 'decision_reasons']);
  else send(decisionDate, ['decision']);
  if (outcome === 'upheld' || outcome === 'partly_upheld') {
    const remedies = 1 + Math.floor(r() * 2);
    for (let i = 1; i <= remedies; i++) {
      const due = addWorking(decisionDate, 30);
      add('remedy.recommended', decisionDate, {
        remedyId: `rem${i}`,
        kind: pick(['apology', 'redress', 'service_improvement']),
        proportionalityAssessed: good(0.9),
        dueAt: due,
      });
      if (good(0.75)) add('remedy.implemented', addWorking(decisionDate, 20), { remedyId: `rem${i}` });
      else if (good(0.5)) add('remedy.followed_up', addWorking(due, 4), { remedyId: `rem${i}` });
    }
    if (good(0.75))
      add('learning.shared', addWorking(decisionDate, 20), { sharedWith: [pick(['body', 'sector'])] });
    if (r() < 0.4) add('publication.issued', addWorking(decisionDate, 25), { anonymised: good(0.85) });
  }
  if (r() < 0.15) {
    const d = addWorking(decisionDate, 5);
    add('service_complaint.received', d, { serviceComplaintId: 'sc1' }, 'complainant');
    if (good()) send(d, ['service_complaint_procedure']);
    if (good())
      add('service_complaint.responded', addWorking(d, good() ? 15 : 30), { serviceComplaintId: 'sc1' });
  }
  if (r() < 0.1) add('record.corrected', addWorking(decisionDate, 3), { reason: 'date of birth mistyped' });
  if (r() < 0.08)
    add('communication.corrected', addWorking(decisionDate, 1), {
      correctsEventId: events.find((e) => e.type === 'communication.sent')?.id,
      reason: 'wrong decision date',
    });
  if (r() < 0.85) add('case.closed', addWorking(decisionDate, 1), { outcome });
  // A complainant who writes again after the decision must still get a reply.
  if (r() < 0.3) {
    const d = addWorking(decisionDate, 3);
    add('communication.received', d, { from: 'complainant', channel: 'email' }, 'complainant');
    if (good(0.6)) send(addWorking(d, good(0.7) ? 2 : 9), ['progress']);
  }
  return { caseId, attributes: { channel: 'web', complexity }, events };
}

const r = rng(20240501);
const lines: string[] = [];
for (let n = 0; n < CASES; n++) {
  const c = makeCase(n, r);
  // Cases open at the demo's asOf keep only what had happened by then.
  lines.push(JSON.stringify(c));
}
const content = `${lines.join('\n')}\n`;
if (process.argv.includes('--check')) {
  const current = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  if (current !== content) {
    console.error('fixtures/sample/sample.ndjson is stale: run `npx tsx scripts/make-sample.ts`');
    process.exit(1);
  }
  console.log('sample is current');
} else {
  mkdirSync(join(OUT, '..'), { recursive: true });
  writeFileSync(OUT, content);
  console.log(
    `wrote ${CASES} cases, ${lines.reduce((n, l) => n + (JSON.parse(l) as { events: unknown[] }).events.length, 0)} events to ${OUT}`,
  );
}
