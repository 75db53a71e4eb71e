/**
 * What each canonical event type and its `data` fields mean: the words of `docs/events.md` and
 * of the JSON Schemas' descriptions. Every canonical type must be described (the compiler checks).
 */
import type { CanonicalEventType } from './event.js';

/** The meaning of one event type, its section in `docs/events.md`, and of its `data` fields. */
export interface EventTypeDoc {
  section:
    | 'Lifecycle'
    | 'Communication'
    | 'Understanding and accessibility'
    | 'Fairness and decisions'
    | 'Information and putting things right';
  meaning: string;
  fields?: Readonly<Record<string, string>>;
}

const _L = 'Lifecycle';
const _C = 'Communication';
const _U = 'Understanding and accessibility';
const _F = 'Fairness and decisions';
const _I = 'Information and putting things right';

/** The meaning of every canonical event type, in vocabulary order. */
export const EVENT_TYPE_DOCS = {
  'complaint.received': {
    section: _L,
    meaning: 'The complaint arrived. The clock of every timeliness rule starts at the first one.',
    fields: {
      channel: 'How it arrived.',
      complexity: 'The complexity known at receipt (a later `case.complexity_assessed` wins).',
      via: '`representative` when a representative made the complaint.',
    },
  },
  'complaint.acknowledged': { section: _L, meaning: 'Receipt of the complaint was acknowledged.' },
  'case.complexity_assessed': {
    section: _L,
    meaning: 'The complexity was assessed; the latest one before a deadline is computed wins.',
    fields: { complexity: 'The complexity, which sets the timeliness targets.' },
  },
  'case.stage_changed': {
    section: _L,
    meaning: 'The case moved to another stage.',
    fields: {
      stage: 'Free text; the shipped rules know assessment, investigation, decision, review and closed.',
    },
  },
  'case.paused': {
    section: _L,
    meaning:
      'The case was paused: working days until `case.resumed` do not count against timeliness targets.',
    fields: { reason: 'Why, e.g. awaiting_complainant.' },
  },
  'case.resumed': { section: _L, meaning: 'A paused case went on.' },
  'case.extension_notified': {
    section: _L,
    meaning:
      'The complainant was told of a revised timescale; made before the current deadline, it replaces it.',
    fields: {
      revisedTargetAt: 'The new target: an instant, or a date alone meaning the end of that local day.',
      reason: 'Why more time was needed.',
    },
  },
  'escalation.requested': {
    section: _L,
    meaning: 'The complainant asked for the complaint to go to the next stage.',
    fields: { from: 'Who asked.', channel: 'How they asked.' },
  },
  'escalation.refused': {
    section: _L,
    meaning: 'A request to escalate was refused.',
    fields: { reason: 'Why it was refused.' },
  },
  'case.outside_remit': {
    section: _L,
    meaning:
      'The organisation cannot help with this complaint (a decision or closure with outcome outside_remit means the same).',
    fields: { reason: 'Why it is outside the remit.' },
  },
  'case.closed': {
    section: _L,
    meaning: 'The case was closed; the first one closes it (a stage change to closed means the same).',
    fields: { outcome: 'The outcome at closure.' },
  },
  'communication.sent': {
    section: _C,
    meaning: 'A letter, email, call or message went out.',
    fields: {
      to: 'Who it went to.',
      channel: 'How it was sent.',
      covers: 'The topics it covered.',
      cc: 'Further recipients, e.g. representative.',
      contactName: 'The named person to contact.',
      contactDetails: 'A team phone number, mailbox or other way to reach a contact.',
      text: 'The words sent, when the system keeps them.',
      readability: 'Readability computed elsewhere: { fleschReadingEase }.',
      format:
        'The format it was sent in: standard, large_print, braille, audio, bsl, easy_read or language:<code>.',
      signpostedTo: 'The organisation the complainant was signposted to.',
      inReplyTo: 'The id of the event it answers.',
    },
  },
  'communication.received': {
    section: _C,
    meaning: 'A letter, email, call or message came in.',
    fields: { from: 'Who it came from.', channel: 'How it came.' },
  },
  'communication.corrected': {
    section: _C,
    meaning: 'A communication was inaccurate and had to be corrected.',
    fields: { correctsEventId: 'The id of the communication corrected.', reason: 'What was wrong.' },
  },
  'complaint.summary_confirmed': {
    section: _U,
    meaning: 'The heads of complaint and the outcome sought were agreed.',
    fields: { confirmedBy: 'Who agreed them.' },
  },
  'needs.requested': {
    section: _U,
    meaning: 'A reasonable adjustment or support was asked for.',
    fields: {
      needId: 'Links the request to the `needs.met` that answers it.',
      need: 'What was needed: a format, representative, or other.',
    },
  },
  'needs.met': {
    section: _U,
    meaning: 'A requested need was met (matched by needId, or else by need).',
    fields: { needId: 'The request met.', need: 'The need met.' },
  },
  'representative.authorised': {
    section: _U,
    meaning:
      'A representative was authorised; complainant-facing communications then go, or are copied, to them.',
    fields: { name: 'The representative.' },
  },
  'conduct.concern_raised': {
    section: _U,
    meaning: 'A concern about the conduct of staff was raised.',
    fields: {
      concernId: 'Links the concern to its resolution.',
      kind: 'courtesy, discrimination or other.',
      raisedBy:
        'Who raised it (complainant when absent); the rules judge those raised by the complainant or representative.',
    },
  },
  'conduct.concern_resolved': {
    section: _U,
    meaning: 'A conduct concern was dealt with.',
    fields: { concernId: 'The concern.', upheld: 'Whether it was upheld.' },
  },
  'evidence.received': {
    section: _F,
    meaning: 'Evidence came in.',
    fields: {
      evidenceId: 'Links the evidence to its assessment and to decisions relying on it.',
      from: 'The party it came from.',
    },
  },
  'evidence.assessed': {
    section: _F,
    meaning: 'Evidence was assessed.',
    fields: { evidenceId: 'The evidence.', relevant: 'Whether it was relevant.' },
  },
  'party.invited_to_comment': {
    section: _F,
    meaning: 'A party was invited to comment.',
    fields: { party: 'The party invited.' },
  },
  'party.comments_received': {
    section: _F,
    meaning: 'A party commented.',
    fields: { party: 'The party that commented.' },
  },
  'advice.received': {
    section: _F,
    meaning: 'Advice was received.',
    fields: { independent: 'Whether the adviser was independent.', adviserId: 'The adviser.' },
  },
  'conflict_of_interest.checked': {
    section: _F,
    meaning: 'A person involved was checked for a conflict of interest.',
    fields: { personId: 'The person checked.', conflict: 'Whether there was a conflict.' },
  },
  'decision.issued': {
    section: _F,
    meaning: 'A decision on the complaint was issued.',
    fields: {
      decisionMakerRole: 'ombudsman, senior_officer, or another role.',
      decisionMakerId: 'The person who decided.',
      delegatedAuthority: 'Whether they decided under delegated authority.',
      outcome: 'The outcome.',
      reasonsGiven: 'Whether reasons were given.',
      evidenceRelied: 'The ids of the evidence relied on.',
    },
  },
  'remedy.recommended': {
    section: _F,
    meaning: 'A remedy was recommended.',
    fields: {
      remedyId: 'Links the remedy to its implementation and follow-up.',
      kind: 'apology, redress, service_improvement or other.',
      proportionalityAssessed: 'Whether its proportionality was assessed.',
      dueAt: 'When it is due: an instant, or a date alone meaning the end of that local day.',
    },
  },
  'remedy.implemented': {
    section: _F,
    meaning: 'A remedy was carried out.',
    fields: { remedyId: 'The remedy.' },
  },
  'remedy.followed_up': {
    section: _F,
    meaning: 'A remedy was followed up.',
    fields: { remedyId: 'The remedy.' },
  },
  'learning.shared': {
    section: _F,
    meaning: 'What was learnt was shared.',
    fields: { sharedWith: 'With whom: body, sector, internal.' },
  },
  'data.shared': {
    section: _I,
    meaning: 'Personal data was shared.',
    fields: { recipient: 'Who received it.', lawfulBasis: 'The lawful basis for sharing it.' },
  },
  'data.incident': {
    section: _I,
    meaning: 'Personal data was lost, sent to the wrong person, or held insecurely.',
    fields: { severity: 'How serious it was.' },
  },
  'record.corrected': {
    section: _I,
    meaning: 'A record was corrected.',
    fields: { reason: 'What was wrong.' },
  },
  'publication.issued': {
    section: _I,
    meaning: 'A report or decision about the case was published.',
    fields: { anonymised: 'Whether it was anonymised.' },
  },
  'service_error.identified': {
    section: _I,
    meaning: "The organisation's own mistake was identified.",
    fields: {
      errorId: 'Links the error to its apology, correction and lesson.',
      description: 'What went wrong.',
    },
  },
  'apology.given': {
    section: _I,
    meaning: 'An apology for a service error was given.',
    fields: { errorId: 'The error.' },
  },
  'service_error.corrected': {
    section: _I,
    meaning: 'A service error was put right.',
    fields: { errorId: 'The error.' },
  },
  'lesson.recorded': {
    section: _I,
    meaning: 'The lesson of a service error was recorded.',
    fields: { errorId: 'The error.' },
  },
  'engagement.restricted': {
    section: _I,
    meaning: 'Contact arrangements were changed under the engagement policy.',
    fields: { reason: 'Why.' },
  },
  'service_complaint.received': {
    section: _I,
    meaning: 'A complaint about the service itself was received.',
    fields: { serviceComplaintId: 'Links it to its response.' },
  },
  'service_complaint.responded': {
    section: _I,
    meaning: 'A complaint about the service was responded to.',
    fields: { serviceComplaintId: 'The service complaint.' },
  },
  'call.recorded': {
    section: _I,
    meaning: 'A call took place that may have been recorded.',
    fields: {
      notified: 'The caller was told the call may be recorded.',
      askedIfRecorded: 'The caller asked whether it was.',
      answered: 'And was told.',
    },
  },
} as const satisfies Record<CanonicalEventType, EventTypeDoc>;
