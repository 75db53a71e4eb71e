/**
 * Writes a synthetic complaints log for the benchmark: N cases drawn deterministically (seeded)
 * from the whole event vocabulary, received from January 2023 to June 2026, so that every
 * indicator does real work (each applies to a good share of cases, with passes and fails), some
 * cases are still open at the benchmark's asOf, and some have events after it.
 *
 *   npx tsx scripts/generate-log.ts [--cases 10000] [--format ndjson|csv] [--seed 1] [--out FILE]
 *     [--ruleset mchp-scotland-2020|hoc-code-2024]
 *
 * NDJSON: one whole case per line (`{ caseId, attributes, events }`). CSV: one event per row,
 * grouped by case (read it with `--sorted-by-case`), with its mapping beside it
 * (`FILE.mapping.json`); the CSV and the NDJSON of one seed hold the same cases. With
 * `--ruleset mchp-scotland-2020`, two-stage complaints under the Scottish model procedure
 * (`mchp-case.ts`), NDJSON only; with `--ruleset hoc-code-2024`, a social landlord's complaints
 * under the Housing Ombudsman's code (`housing-log.ts`).
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeHousingCase } from './housing-log.js';
import { addWorking, FIRST_RECEIPT, isoDate, isWorking, LAST_RECEIPT, offset } from './log-calendar.js';
import { makeMchpCase } from './mchp-case.js';

/** mulberry32: small, well known and seeded, so a log never changes by accident. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedEvent {
  id: string;
  type: string;
  at: string;
  actor?: { role: string };
  data?: Record<string, unknown>;
}

export interface GeneratedCase {
  caseId: string;
  attributes: Record<string, unknown>;
  events: GeneratedEvent[];
}

const PLAIN =
  'Thank you for your complaint. We have read it and we will look into it. We will write to you again soon to tell you what we have found. Please call us if you have any questions.';
const DENSE =
  'Notwithstanding the aforementioned considerations, the organisation’s determination regarding jurisdictional admissibility necessitates comprehensive evaluation of documentary submissions, contemporaneous correspondence and institutional responsibilities before substantive investigative consideration can be undertaken.';
const UPDATE =
  'We are still looking into your complaint. We have asked the organisation for its records and we expect them soon. We will write again when we have them.';

/** Options of {@link makeCase}. */
export interface MakeCaseOptions {
  /** Pads the investigation with updates and contacts until the case has this many events. */
  minEvents?: number;
}

/**
 * One case, as a complaints officer's system would log it: a receipt, acknowledgement,
 * assessment, investigation (evidence, advice, comments, updates, contacts, pauses), a decision
 * and what follows it, each step right most of the time and wrong some of the time.
 */
export function makeCase(n: number, r: () => number, options: MakeCaseOptions = {}): GeneratedCase {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const good = (p = 0.8) => r() < p;
  const caseId = `C-${String(n).padStart(7, '0')}`;
  const events: GeneratedEvent[] = [];
  const at = (day: number, hour = 9 + Math.floor(r() * 8)) =>
    `${isoDate(day)}T${String(hour).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00${offset(day)}`;
  const add = (type: string, day: number, data?: Record<string, unknown>, role = 'staff') => {
    const e: GeneratedEvent = {
      id: `${caseId}-e${String(events.length + 1).padStart(2, '0')}`,
      type,
      at: at(day),
      actor: { role },
    };
    if (data) e.data = data;
    events.push(e);
    return e;
  };
  const contact = () => (good(0.88) ? { contactName: 'Case reviewer', contactDetails: '0800 377 7330' } : {});
  let copyRepresentative = false;
  let format: string | undefined;
  const send = (day: number, covers: string[], extra: Record<string, unknown> = {}) =>
    add('communication.sent', day, {
      to: copyRepresentative && good(0.3) ? 'representative' : 'complainant',
      channel: pick(['email', 'email', 'letter']),
      covers,
      ...contact(),
      ...(copyRepresentative ? { cc: ['representative'] } : {}),
      ...(format ? { format } : {}),
      ...extra,
    });

  const complexity = pick(['simple', 'standard', 'standard', 'complex'] as const);
  const received = FIRST_RECEIPT + Math.floor(r() * (LAST_RECEIPT - FIRST_RECEIPT));
  const receivedDay = isWorking(received) ? received : addWorking(received, 1);
  add(
    'complaint.received',
    receivedDay,
    {
      channel: pick(['web', 'email', 'letter', 'phone', 'in_person']),
      ...(good(0.7) ? { complexity } : {}),
      ...(r() < 0.1 ? { via: 'representative' } : {}),
    },
    'complainant',
  );
  let clock = receivedDay;
  const ackDay = addWorking(receivedDay, good(0.82) ? 1 + Math.floor(r() * 2) : 5 + Math.floor(r() * 5));
  if (r() < 0.5) add('complaint.acknowledged', ackDay);
  send(
    ackDay,
    [
      'acknowledgement',
      ...(good(0.85) ? ['complaints_procedure'] : []),
      ...(good(0.8) ? ['investigation_process'] : []),
      'contact_details',
      ...(r() < 0.3 ? ['privacy_notice'] : []),
    ],
    { text: good(0.8) ? PLAIN : DENSE },
  );
  clock = ackDay;
  if (good(0.6)) send(addWorking(clock, Math.floor(r() * 3)), ['ombudsman_information']);

  // Outside remit: signposting, then closure.
  if (r() < 0.2) {
    const d = addWorking(clock, 1 + Math.floor(r() * 3));
    if (good(0.7))
      add('case.outside_remit', d, { reason: 'the body complained about is not under our remit' });
    if (good(0.8))
      send(addWorking(d, good(0.8) ? 1 : 8), ['signposting'], {
        ...(good(0.85) ? { signpostedTo: 'The Scottish Information Commissioner' } : {}),
      });
    if (r() < 0.5)
      add(
        'decision.issued',
        addWorking(d, 3),
        {
          decisionMakerRole: pick(['ombudsman', 'senior_officer']),
          outcome: 'outside_remit',
          reasonsGiven: true,
        },
        'ombudsman',
      );
    add('case.closed', addWorking(d, 4 + Math.floor(r() * 8)), { outcome: 'outside_remit' });
    return { caseId, attributes: { channel: 'web', subject: 'outside remit' }, events };
  }

  if (r() < 0.25) {
    const d = addWorking(clock, 1);
    add('representative.authorised', d, { name: 'A. Advocate' }, 'complainant');
    copyRepresentative = good(0.7);
    send(addWorking(d, 1), ['progress']);
  }
  if (r() < 0.22) {
    const need = pick(['large_print', 'easy_read', 'bsl', 'braille', 'language:pl'] as const);
    const d = addWorking(clock, 1);
    add('needs.requested', d, { needId: 'n1', need }, 'complainant');
    const met = addWorking(d, good() ? 3 : 14);
    if (good(0.9)) add('needs.met', met, { needId: 'n1', need });
    format = good(0.75) ? need : undefined;
    send(addWorking(met, 2), ['progress']);
  }
  // Conduct concerns: courtesy and discrimination, sometimes raised by staff.
  for (const kind of ['courtesy', 'discrimination'] as const) {
    if (r() < 0.27) {
      const d = addWorking(clock, 2 + Math.floor(r() * 6));
      const id = `${kind.slice(0, 1)}1`;
      add(
        'conduct.concern_raised',
        d,
        { concernId: id, kind, raisedBy: pick(['complainant', 'complainant', 'representative', 'staff']) },
        'complainant',
      );
      if (good(0.85))
        add('conduct.concern_resolved', addWorking(d, 8), { concernId: id, upheld: !good(0.7) });
    }
  }
  // Assessment: complexity, scope, the summary, the stage change.
  const stage = addWorking(clock, 2 + Math.floor(r() * 3));
  let assessed: string = complexity;
  if (r() < 0.35) {
    assessed = good(0.7) ? complexity : pick(['simple', 'standard', 'complex']);
    add('case.complexity_assessed', stage, { complexity: assessed });
  }
  add('case.stage_changed', stage, { stage: 'investigation' });
  if (good(0.82))
    add(
      'complaint.summary_confirmed',
      addWorking(stage, 1),
      { confirmedBy: copyRepresentative ? 'representative' : 'complainant' },
      'complainant',
    );
  const scopeCovers = ['next_steps', 'scope', 'restrictions', 'achievable_outcomes'].filter(
    (t) => t === 'next_steps' || good(0.9),
  );
  send(addWorking(stage, good(0.8) ? 2 : 8), scopeCovers);
  clock = addWorking(stage, 5);

  if (r() < 0.26) {
    const d = addWorking(clock, 1);
    add('service_error.identified', d, { errorId: 'err1', description: 'letter sent to an old address' });
    if (good(0.9)) add('apology.given', addWorking(d, good() ? 2 : 15), { errorId: 'err1' });
    if (good(0.9)) add('service_error.corrected', addWorking(d, good() ? 5 : 25), { errorId: 'err1' });
    if (good(0.75)) add('lesson.recorded', addWorking(d, 6), { errorId: 'err1' });
  }
  if (r() < 0.28)
    add(
      'data.shared',
      addWorking(clock, 1),
      good(0.8) ? { recipient: 'body', lawfulBasis: 'SPSO Act 2002 s.18' } : { recipient: 'body' },
    );
  if (r() < 0.06) add('data.incident', addWorking(clock, 2), { severity: pick(['low', 'high']) });
  if (r() < 0.06) add('record.corrected', addWorking(clock, 2), { reason: 'date of birth mistyped' });
  if (r() < 0.22) {
    const d = addWorking(clock, 2);
    add('engagement.restricted', d, { reason: 'single point of contact' });
    if (good(0.8)) send(addWorking(d, good(0.8) ? 2 : 9), ['engagement_change']);
  }
  // Investigation: evidence, advice, conflicts, invitations to comment, pauses.
  const evidence = 1 + Math.floor(r() * 3);
  for (let i = 1; i <= evidence; i++) {
    const d = addWorking(clock, i * 2);
    add('evidence.received', d, { evidenceId: `ev${i}`, from: pick(['complainant', 'body']) });
    if (good(0.9)) add('evidence.assessed', addWorking(d, 2), { evidenceId: `ev${i}`, relevant: r() < 0.7 });
  }
  if (r() < 0.45)
    add('advice.received', addWorking(clock, 3), { independent: good(0.85), adviserId: 'adv1' }, 'adviser');
  const makerId = pick(['om1', 'om2']);
  if (good(0.85))
    add('conflict_of_interest.checked', addWorking(clock, 1), { personId: makerId, conflict: !good(0.92) });
  if (good(0.85)) {
    const d = addWorking(clock, 2);
    add('party.invited_to_comment', d, { party: 'body' });
    if (good(0.8)) add('party.comments_received', addWorking(d, 4), { party: 'body' }, 'body');
  }
  let paused = 0;
  if (r() < 0.12) {
    const d = addWorking(clock, 3);
    paused = 3 + Math.floor(r() * 10);
    add('case.paused', d, { reason: 'awaiting information from the complainant' });
    if (good(0.9)) add('case.resumed', addWorking(d, paused));
  }
  clock = addWorking(clock, evidence * 2 + 3);
  const target = { simple: 5, standard: 20, complex: 80 }[assessed as 'simple' | 'standard' | 'complex'];
  if (assessed === 'complex' && good(0.6))
    add('case.extension_notified', clock, {
      revisedTargetAt: isoDate(addWorking(receivedDay, 100)),
      reason: 'further advice needed',
    });
  const onTime = good(0.7);
  let decisionDay = addWorking(
    receivedDay,
    (onTime ? Math.max(6, target - 2) : target + 6 + Math.floor(r() * 20)) + paused,
  );
  if (decisionDay <= clock) decisionDay = addWorking(clock, 2);

  // Progress updates roughly every 10 to 18 working days, sometimes with a long silence; contacts.
  const silent = !good(0.75);
  let u = addWorking(clock, 2);
  const pad = options.minEvents ?? 0;
  while (u < decisionDay) {
    send(u, ['progress'], { text: UPDATE });
    u = addWorking(u, silent ? 25 : 10 + Math.floor(r() * 9));
  }
  const contacts = r() < 0.45 ? 1 + Math.floor(r() * 2) : 0;
  let extraContacts = 0;
  const addContact = (d: number) => {
    const from = pick(['complainant', 'complainant', 'representative', 'body']);
    const c = add('communication.received', d, { from, channel: pick(['phone', 'email']) }, from);
    if (r() < 0.5)
      add('call.recorded', d, { notified: true, askedIfRecorded: good(0.75), answered: good(0.7) });
    if (good(0.85))
      send(addWorking(d, good() ? 1 + Math.floor(r() * 3) : 9), ['progress'], {
        ...(r() < 0.5 ? { inReplyTo: c.id } : {}),
      });
  };
  for (let i = 0; i < contacts; i++) addContact(addWorking(clock, 3 + i * 4));
  // Padding for the latency case: more contacts and updates inside the investigation.
  while (events.length < pad - 8) {
    addContact(addWorking(clock, 1 + (extraContacts++ % 20)));
  }

  const outcome =
    r() < 0.08
      ? 'not_pursued'
      : pick(['upheld', 'partly_upheld', 'upheld', 'not_upheld', 'not_upheld', 'resolved']);
  const relied = Array.from({ length: evidence }, (_, i) => `ev${i + 1}`).filter(() => good(0.88));
  const decision = add(
    'decision.issued',
    decisionDay,
    {
      decisionMakerRole: good(0.85) ? pick(['ombudsman', 'senior_officer']) : 'case_officer',
      decisionMakerId: makerId,
      ...(r() < 0.1 ? { delegatedAuthority: true } : {}),
      outcome,
      reasonsGiven: r() < 0.6,
      ...(good(0.85) ? { evidenceRelied: relied } : {}),
    },
    'ombudsman',
  );
  if (!(decision.data as { reasonsGiven: boolean }).reasonsGiven && good(0.8))
    send(addWorking(decisionDay, good() ? 2 : 8), ['decision', 'decision_reasons']);
  else send(decisionDay, ['decision']);
  if (outcome === 'upheld' || outcome === 'partly_upheld') {
    const remedies = 1 + Math.floor(r() * 2);
    for (let i = 1; i <= remedies; i++) {
      const due = addWorking(decisionDay, 30);
      add('remedy.recommended', decisionDay, {
        remedyId: `rem${i}`,
        kind: pick(['apology', 'redress', 'service_improvement']),
        proportionalityAssessed: good(0.9),
        ...(good(0.8) ? { dueAt: isoDate(due) } : {}),
      });
      if (good(0.75))
        add('remedy.implemented', addWorking(decisionDay, good() ? 20 : 40), { remedyId: `rem${i}` });
      if (good(0.5)) add('remedy.followed_up', addWorking(due, 4), { remedyId: `rem${i}` });
    }
    if (good(0.75))
      add('learning.shared', addWorking(decisionDay, good() ? 15 : 60), {
        sharedWith: [pick(['body', 'sector', 'internal'])],
      });
  }
  if (r() < 0.22) add('publication.issued', addWorking(decisionDay, 25), { anonymised: good(0.85) });
  if (r() < 0.24) {
    const d = addWorking(decisionDay, 5);
    add('service_complaint.received', d, { serviceComplaintId: 'sc1' }, 'complainant');
    if (good(0.8)) send(d, ['service_complaint_procedure']);
    if (good(0.85))
      add('service_complaint.responded', addWorking(d, good() ? 15 : 30), { serviceComplaintId: 'sc1' });
  }
  if (r() < 0.08)
    add('communication.corrected', addWorking(decisionDay, 1), {
      correctsEventId: events.find((e) => e.type === 'communication.sent')?.id ?? 'unknown',
      reason: 'wrong decision date',
    });
  if (r() < 0.85) {
    if (r() < 0.2) add('case.stage_changed', addWorking(decisionDay, 1), { stage: 'closed' });
    else add('case.closed', addWorking(decisionDay, 1), { outcome });
  }
  // A complainant who writes again after the decision must still get a reply.
  if (r() < 0.3) addContact(addWorking(decisionDay, 3));
  return { caseId, attributes: { channel: 'web', complexity }, events };
}

// ---- CSV --------------------------------------------------------------------------------

/** Data fields and how the CSV mapping reads them back. */
const CSV_FIELDS: Record<string, 'string' | 'boolean' | 'list'> = {
  channel: 'string',
  complexity: 'string',
  via: 'string',
  stage: 'string',
  reason: 'string',
  revisedTargetAt: 'string',
  outcome: 'string',
  to: 'string',
  covers: 'list',
  cc: 'list',
  contactName: 'string',
  contactDetails: 'string',
  text: 'string',
  format: 'string',
  signpostedTo: 'string',
  inReplyTo: 'string',
  from: 'string',
  correctsEventId: 'string',
  confirmedBy: 'string',
  needId: 'string',
  need: 'string',
  name: 'string',
  concernId: 'string',
  kind: 'string',
  raisedBy: 'string',
  upheld: 'boolean',
  evidenceId: 'string',
  relevant: 'boolean',
  party: 'string',
  independent: 'boolean',
  adviserId: 'string',
  personId: 'string',
  conflict: 'boolean',
  decisionMakerRole: 'string',
  decisionMakerId: 'string',
  delegatedAuthority: 'boolean',
  reasonsGiven: 'boolean',
  evidenceRelied: 'list',
  remedyId: 'string',
  proportionalityAssessed: 'boolean',
  dueAt: 'string',
  requestId: 'string',
  sharedWith: 'list',
  recipient: 'string',
  lawfulBasis: 'string',
  severity: 'string',
  anonymised: 'boolean',
  errorId: 'string',
  description: 'string',
  serviceComplaintId: 'string',
  notified: 'boolean',
  askedIfRecorded: 'boolean',
  answered: 'boolean',
};
const CSV_COLUMNS = [
  'case',
  'activity',
  'timestamp',
  'event_id',
  'complexity_attr',
  ...Object.keys(CSV_FIELDS),
];
const TYPES_USED = new Map<string, Set<string>>();

const _csvCell = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  const s = Array.isArray(v) ? v.join(';') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

function _csvRows(c: GeneratedCase): string {
  let out = '';
  for (const e of c.events) {
    const data = e.data ?? {};
    let used = TYPES_USED.get(e.type);
    if (!used) {
      used = new Set();
      TYPES_USED.set(e.type, used);
    }
    for (const k of Object.keys(data)) used.add(k);
    const cells = [
      c.caseId,
      e.type,
      e.at,
      e.id,
      c.attributes.complexity,
      ...Object.keys(CSV_FIELDS).map((k) => data[k]),
    ];
    out += `${cells.map(_csvCell).join(',')}\n`;
  }
  return out;
}

/** The mapping that reads the CSV back into the same events (one activity rule per event type). */
export function csvMapping(): Record<string, unknown> {
  return {
    description:
      'Reads the CSV written by scripts/generate-log.ts: one activity rule per canonical event type.',
    columns: { caseId: 'case', activity: 'activity', timestamp: 'timestamp', eventId: 'event_id' },
    caseAttributes: { complexity_attr: 'complexity' },
    activities: [...TYPES_USED.keys()].sort().map((type) => ({
      match: type,
      type,
      dataFromColumns: Object.fromEntries(
        [...(TYPES_USED.get(type) ?? [])]
          .sort()
          .map((f) => [f, CSV_FIELDS[f] === 'string' ? f : { column: f, as: CSV_FIELDS[f] }]),
      ),
    })),
  };
}

// ---- Writing ------------------------------------------------------------------------------

/** Options of {@link generateLog}. */
export interface GenerateLogOptions {
  cases: number;
  format: 'ndjson' | 'csv';
  out: string;
  seed?: number;
  /** `mchp-scotland-2020`: two-stage cases for that ruleset (NDJSON only); else the SPSO's. */
  ruleset?: string | undefined;
}

/** Writes the log (and for CSV its mapping); resolves with what was written. */
export async function generateLog(
  o: GenerateLogOptions,
): Promise<{ cases: number; events: number; file: string; mapping?: string }> {
  const mchp = o.ruleset === 'mchp-scotland-2020';
  const hoc = o.ruleset === 'hoc-code-2024';
  if (o.ruleset !== undefined && !mchp && !hoc) throw new Error(`--ruleset: no generator for "${o.ruleset}"`);
  if (mchp && o.format !== 'ndjson') throw new Error('--ruleset mchp-scotland-2020 writes NDJSON only');
  mkdirSync(dirname(o.out), { recursive: true });
  const r = rng(o.seed ?? 1);
  const stream = createWriteStream(o.out);
  let events = 0;
  let buffer = o.format === 'csv' ? `${CSV_COLUMNS.join(',')}\n` : '';
  for (let n = 0; n < o.cases; n++) {
    const c = mchp ? makeMchpCase(n, r) : hoc ? makeHousingCase(n, r) : makeCase(n, r);
    events += c.events.length;
    buffer += o.format === 'csv' ? _csvRows(c) : `${JSON.stringify(c)}\n`;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve, reject) =>
    stream.end(buffer, (e?: Error | null) => (e ? reject(e) : resolve())),
  );
  if (o.format === 'csv') {
    const mapping = `${o.out}.mapping.json`;
    writeFileSync(mapping, `${JSON.stringify(csvMapping(), null, 2)}\n`);
    return { cases: o.cases, events, file: o.out, mapping };
  }
  return { cases: o.cases, events, file: o.out };
}

function _arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cases = Number(_arg('cases') ?? 10_000);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a positive whole number');
  const format = (_arg('format') ?? 'ndjson') as 'ndjson' | 'csv';
  if (format !== 'ndjson' && format !== 'csv') throw new Error('--format must be ndjson or csv');
  const seed = Number(_arg('seed') ?? 1);
  const root = new URL('..', import.meta.url).pathname;
  const ruleset = _arg('ruleset');
  const out =
    _arg('out') ?? join(root, '.bench', `log-${ruleset ? `${ruleset}-` : ''}${cases}-s${seed}.${format}`);
  const w = await generateLog({ cases, format, out, seed, ruleset });
  console.log(
    `wrote ${w.cases} cases, ${w.events} events to ${w.file}${w.mapping ? ` (mapping ${w.mapping})` : ''}`,
  );
}
