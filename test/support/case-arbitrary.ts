import fc from 'fast-check';
import { CANONICAL_EVENT_TYPES, TOPICS } from '../../src/model/vocabulary.js';

/**
 * fast-check arbitraries for whole case histories over the canonical event vocabulary: random
 * sequences of events with plausible data (valid against the event schemas), instants from 2023
 * to 2026 written in every accepted form, ids shared across events so that correlations happen,
 * and an `asOf` somewhere around the history.
 */

const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const END = Date.UTC(2026, 11, 31);

const ROLES = [
  'complainant',
  'representative',
  'staff',
  'ombudsman',
  'senior_officer',
  'case_officer',
  'adviser',
];
const OUTCOMES = ['upheld', 'partly_upheld', 'not_upheld', 'resolved', 'not_pursued', 'outside_remit'];
const FORMATS = ['standard', 'large_print', 'braille', 'audio', 'bsl', 'easy_read', 'language:gd'];
const PLAIN =
  'Thank you for your complaint. We have read it and we will look into it. We will write to you again soon.';
const DENSE =
  'Notwithstanding the aforementioned considerations, the organisational determination regarding jurisdictional admissibility necessitates comprehensive evaluation.';

const key = (prefix: string) => fc.constantFrom(`${prefix}1`, `${prefix}2`);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
/** Drops undefined fields so that the data is what a log would hold. */
const clean = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const record = (shape: Record<string, fc.Arbitrary<unknown>>) => fc.record(shape).map(clean);

/** A local date (YYYY-MM-DD) within a few months of the history. */
const dateArb = fc
  .integer({ min: START, max: END + 120 * DAY })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

const dataArbs: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'complaint.received': record({
    channel: opt(fc.constantFrom('phone', 'email', 'web', 'letter', 'in_person')),
    complexity: opt(fc.constantFrom('simple', 'standard', 'complex')),
    via: opt(fc.constant('representative')),
  }),
  'case.complexity_assessed': record({ complexity: fc.constantFrom('simple', 'standard', 'complex') }),
  'case.stage_changed': record({ stage: fc.constantFrom('assessment', 'investigation', 'closed', 'review') }),
  'case.paused': record({ reason: opt(fc.constant('awaiting information')) }),
  'case.extension_notified': record({ revisedTargetAt: dateArb, reason: opt(fc.constant('advice needed')) }),
  'case.outside_remit': record({ reason: opt(fc.constant('not in jurisdiction')) }),
  'case.closed': record({ outcome: opt(fc.constantFrom(...OUTCOMES)) }),
  'communication.sent': record({
    to: fc.constantFrom('complainant', 'complainant', 'representative', 'body', 'other'),
    channel: opt(fc.constantFrom('email', 'letter', 'phone')),
    covers: opt(fc.uniqueArray(fc.constantFrom(...TOPICS), { maxLength: 5 })),
    cc: opt(fc.constantFrom(['representative'], ['body'])),
    contactName: opt(fc.constant('Case reviewer')),
    contactDetails: opt(fc.constant('0800 377 7330')),
    text: opt(fc.constantFrom(PLAIN, DENSE, 'Short.')),
    readability: opt(fc.record({ fleschReadingEase: fc.integer({ min: 0, max: 100 }) })),
    format: opt(fc.constantFrom(...FORMATS)),
    signpostedTo: opt(fc.constant('The Scottish Information Commissioner')),
    inReplyTo: opt(fc.constantFrom('e2', 'e3', 'e4', 'e5')),
  }),
  'communication.received': record({
    from: fc.constantFrom('complainant', 'representative', 'body', 'other'),
    channel: opt(fc.constantFrom('email', 'phone')),
  }),
  'communication.corrected': record({
    correctsEventId: fc.constantFrom('e1', 'e2', 'e3'),
    reason: opt(fc.constant('wrong date')),
  }),
  'complaint.summary_confirmed': record({ confirmedBy: fc.constantFrom('complainant', 'representative') }),
  'needs.requested': record({
    needId: opt(key('n')),
    need: fc.constantFrom(
      'large_print',
      'braille',
      'easy_read',
      'bsl',
      'language:pl',
      'representative',
      'other',
    ),
  }),
  'needs.met': record({ needId: opt(key('n')), need: opt(fc.constantFrom('large_print', 'bsl')) }),
  'representative.authorised': record({ name: opt(fc.constant('A. Advocate')) }),
  'conduct.concern_raised': record({
    concernId: key('k'),
    kind: fc.constantFrom('courtesy', 'discrimination', 'other'),
    raisedBy: opt(fc.constantFrom('complainant', 'representative', 'staff')),
  }),
  'conduct.concern_resolved': record({ concernId: key('k'), upheld: fc.boolean() }),
  'evidence.received': record({ evidenceId: key('ev'), from: opt(fc.constantFrom('complainant', 'body')) }),
  'evidence.assessed': record({ evidenceId: key('ev'), relevant: fc.boolean() }),
  'party.invited_to_comment': record({ party: fc.constantFrom('body', 'complainant') }),
  'party.comments_received': record({ party: fc.constantFrom('body', 'complainant') }),
  'advice.received': record({ independent: fc.boolean(), adviserId: opt(fc.constant('adv1')) }),
  'conflict_of_interest.checked': record({ personId: fc.constantFrom('om1', 'om2'), conflict: fc.boolean() }),
  'decision.issued': record({
    decisionMakerRole: fc.constantFrom('ombudsman', 'senior_officer', 'case_officer'),
    decisionMakerId: opt(fc.constantFrom('om1', 'om2')),
    delegatedAuthority: opt(fc.boolean()),
    outcome: fc.constantFrom(...OUTCOMES),
    reasonsGiven: opt(fc.boolean()),
    evidenceRelied: opt(fc.uniqueArray(key('ev'), { maxLength: 2 })),
  }),
  'remedy.recommended': record({
    remedyId: key('rem'),
    kind: fc.constantFrom('apology', 'redress', 'service_improvement', 'other'),
    proportionalityAssessed: opt(fc.boolean()),
    dueAt: opt(dateArb),
  }),
  'remedy.implemented': record({ remedyId: key('rem') }),
  'remedy.followed_up': record({ remedyId: key('rem') }),
  'learning.shared': record({
    sharedWith: fc.uniqueArray(fc.constantFrom('body', 'sector', 'internal'), { minLength: 1, maxLength: 3 }),
  }),
  'data.shared': record({ recipient: fc.constant('body'), lawfulBasis: opt(fc.constant('SPSO Act s.18')) }),
  'data.incident': record({ severity: opt(fc.constantFrom('low', 'high')) }),
  'record.corrected': record({ reason: opt(fc.constant('typo')) }),
  'publication.issued': record({ anonymised: fc.boolean() }),
  'service_error.identified': record({ errorId: key('err'), description: opt(fc.constant('wrong address')) }),
  'apology.given': record({ errorId: key('err') }),
  'service_error.corrected': record({ errorId: key('err') }),
  'lesson.recorded': record({ errorId: key('err') }),
  'engagement.restricted': record({ reason: opt(fc.constant('single point of contact')) }),
  'service_complaint.received': record({ serviceComplaintId: key('sc') }),
  'service_complaint.responded': record({ serviceComplaintId: key('sc') }),
  'call.recorded': record({
    notified: opt(fc.boolean()),
    askedIfRecorded: opt(fc.boolean()),
    answered: opt(fc.boolean()),
  }),
};

/** Event types weighted towards the ones most rules look at. */
const typeArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CANONICAL_EVENT_TYPES) },
  { weight: 5, arbitrary: fc.constant('communication.sent') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'communication.received',
      'decision.issued',
      'case.closed',
      'case.stage_changed',
      'case.paused',
      'case.resumed',
    ),
  },
);

/** An instant written as a log would: with an offset, in UTC, naive local, or a bare date. */
function formatAt(ms: number, form: number): string {
  const iso = new Date(ms).toISOString();
  switch (form) {
    case 0:
      return iso;
    case 1:
      return `${iso.slice(0, 19)}+01:00`;
    case 2:
      return iso.slice(0, 19);
    case 3:
      return iso.slice(0, 10);
    default:
      return `${iso.slice(0, 16)}+00:00`;
  }
}

interface DraftEvent {
  type: string;
  gapMinutes: number;
  form: number;
  role: string | undefined;
  data: Record<string, unknown> | undefined;
}

const draftArb: fc.Arbitrary<DraftEvent> = typeArb.chain((type) =>
  fc.record({
    type: fc.constant(type),
    // Mostly working-hours gaps of hours to weeks, sometimes simultaneous events.
    gapMinutes: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 24 * 60 }),
      fc.integer({ min: 24 * 60, max: 30 * 24 * 60 }),
    ),
    form: fc.integer({ min: 0, max: 9 }),
    role: fc.option(fc.constantFrom(...ROLES), { nil: undefined }),
    data: dataArbs[type]
      ? dataArbs[type].map((d) => d as Record<string, unknown> | undefined)
      : fc.constant(undefined),
  }),
);

/** A case history and the instant to judge it at. */
export interface GeneratedCase {
  input: { caseId: string; attributes?: Record<string, unknown>; events: Record<string, unknown>[] };
  asOf: string;
}

/**
 * Whole cases: usually starting with a receipt, then up to 40 events; ids given or derived;
 * the input order sometimes shuffled (the engine sorts by instant); `asOf` before, inside or
 * after the history.
 */
export const caseArb: fc.Arbitrary<GeneratedCase> = fc
  .record({
    start: fc.integer({ min: START, max: END - 200 * DAY }),
    leadWithReceipt: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
    drafts: fc.array(draftArb, { maxLength: 40, size: 'large' }),
    complexity: fc.option(fc.constantFrom('simple', 'standard', 'complex'), { nil: undefined }),
    reversed: fc.integer({ min: 0, max: 5 }),
    asOfShiftDays: fc.integer({ min: -30, max: 400 }),
    asOfForm: fc.integer({ min: 0, max: 4 }),
    ids: fc.constantFrom('given', 'derived', 'mixed'),
  })
  .map(({ start, leadWithReceipt, drafts, complexity, reversed, asOfShiftDays, asOfForm, ids }) => {
    const all: DraftEvent[] = leadWithReceipt
      ? [{ type: 'complaint.received', gapMinutes: 0, form: 0, role: 'complainant', data: {} }, ...drafts]
      : drafts;
    let t = start + 9 * 3_600_000;
    const events = all.map((d, i) => {
      t += d.gapMinutes * 60_000;
      const e: Record<string, unknown> = { type: d.type, at: formatAt(t, d.form) };
      if (ids === 'given' || (ids === 'mixed' && i % 2 === 0)) e.id = `e${i + 1}`;
      if (d.role) e.actor = { role: d.role };
      if (d.data) e.data = d.data;
      return e;
    });
    if (reversed === 0) events.reverse();
    const asOfMs = t + asOfShiftDays * DAY;
    return {
      input: { caseId: 'G-1', ...(complexity ? { attributes: { complexity } } : {}), events },
      asOf: formatAt(Math.min(Math.max(asOfMs, START), END + 200 * DAY), asOfForm),
    };
  });
