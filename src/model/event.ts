import { z } from 'zod';
import { EVENT_TYPE_DOCS, type EventTypeDoc } from './event-docs.js';
import {
  CANONICAL_EVENT_TYPES,
  CHANNELS,
  COMPLAINT_STAGES,
  COMPLEXITIES,
  DECISION_OUTCOMES,
  PARTIES,
  TOPICS,
} from './vocabulary.js';

export type { CaseEventInput } from './contract.js';

/** Where the event vocabulary is documented, for messages and JSON Schema descriptions. */
export const EVENTS_DOC_URL =
  'https://github.com/service-standards/service-standards/blob/main/docs/events.md';

/**
 * Where one event type's data fields are documented: its heading's anchor in `docs/events.md`
 * (GitHub drops the dots and backticks of a heading from its anchor).
 * @example eventTypeDocUrl('communication.sent') // '...docs/events.md#communicationsent'
 */
export const eventTypeDocUrl = (type: string) =>
  `${EVENTS_DOC_URL}#${type.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`;

/**
 * An ISO 8601 instant, local date-time or date (`events.md`, field `at`). The pattern is the
 * whole of the schema-level check so that the JSON Schema and zod agree; impossible calendar
 * dates (30 February) are caught when the instant is read in the case's zone.
 */
export const InstantStringSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/,
    'must be an ISO 8601 date or date-time, e.g. 2024-05-07 or 2024-05-07T10:30:00+01:00',
  );

const nonEmpty = z.string().min(1);
const topic = z.enum(TOPICS);
const party = z.enum(PARTIES);
const format = z
  .string()
  .regex(
    /^(standard|large_print|braille|audio|bsl|easy_read|language:[A-Za-z-]+)$/,
    'must be a known format',
  );

/** Who did it. Roles the shipped rules use: complainant, representative, staff, ombudsman, ... */
export const ActorSchema = z.looseObject({
  role: z.string().optional(),
  id: z.string().optional(),
  name: z.string().optional(),
});

/** `data` schemas per canonical type. Unknown fields are kept and ignored by the shipped rules. */
export const EVENT_DATA_SCHEMAS = {
  'complaint.received': z.looseObject({
    channel: z.enum(CHANNELS).optional(),
    complexity: z.enum(COMPLEXITIES).optional(),
    via: z.literal('representative').optional(),
    stage: z
      .enum(COMPLAINT_STAGES)
      .optional()
      .describe(
        'the stage it was received at: stage_1 (the default), or stage_2 (taken straight to stage 2)',
      ),
  }),
  'complaint.acknowledged': z.looseObject({}),
  'case.complexity_assessed': z.looseObject({ complexity: z.enum(COMPLEXITIES) }),
  'case.stage_changed': z.looseObject({
    stage: nonEmpty.describe('the stage entered'),
    from: z.string().optional().describe('the stage left'),
    reason: z.string().optional().describe('escalated, complex, not_resolved_in_time, or free text'),
  }),
  'case.paused': z.looseObject({ reason: z.string().optional() }),
  'case.resumed': z.looseObject({}),
  'case.extension_notified': z.looseObject({
    revisedTargetAt: InstantStringSchema,
    reason: z.string().optional(),
    covers: z.array(topic).optional().describe('what the notice also told the complainant'),
    authorisedBy: z
      .looseObject({ role: z.string().optional(), id: z.string().optional() })
      .optional()
      .describe('who agreed the extension'),
  }),
  'case.outside_remit': z.looseObject({ reason: z.string().optional() }),
  'case.closed': z.looseObject({ outcome: z.string().optional() }),
  'escalation.requested': z.looseObject({
    from: z.enum(['complainant', 'representative']).optional(),
    channel: z.string().optional(),
  }),
  'escalation.refused': z.looseObject({
    requestId: z
      .string()
      .optional()
      .describe("the request's event id; absent: the latest request before it not yet refused"),
    reason: z.string().optional(),
  }),
  'communication.sent': z.looseObject({
    to: party,
    channel: z.string().optional(),
    covers: z.array(topic).optional(),
    cc: z.array(z.string()).optional(),
    contactName: z.string().optional(),
    contactDetails: z.string().optional(),
    text: z.string().optional(),
    readability: z.looseObject({ fleschReadingEase: z.number() }).optional(),
    format: format.optional(),
    signpostedTo: z.string().optional(),
    inReplyTo: z.string().optional(),
  }),
  'communication.received': z.looseObject({ from: party, channel: z.string().optional() }),
  'communication.corrected': z.looseObject({ correctsEventId: nonEmpty, reason: z.string().optional() }),
  'complaint.summary_confirmed': z.looseObject({ confirmedBy: z.enum(['complainant', 'representative']) }),
  'needs.requested': z.looseObject({
    needId: z.string().optional(),
    need: format.or(z.enum(['representative', 'other'])),
  }),
  'needs.met': z.looseObject({ needId: z.string().optional(), need: z.string().optional() }),
  'representative.authorised': z.looseObject({ name: z.string().optional() }),
  'conduct.concern_raised': z.looseObject({
    concernId: nonEmpty,
    kind: z.enum(['courtesy', 'discrimination', 'other']),
    raisedBy: z.enum(['complainant', 'representative', 'staff']).optional(),
  }),
  'conduct.concern_resolved': z.looseObject({ concernId: nonEmpty, upheld: z.boolean() }),
  'evidence.received': z.looseObject({ evidenceId: nonEmpty, from: z.string().optional() }),
  'evidence.assessed': z.looseObject({ evidenceId: nonEmpty, relevant: z.boolean() }),
  'party.invited_to_comment': z.looseObject({ party: nonEmpty }),
  'party.comments_received': z.looseObject({ party: nonEmpty }),
  'advice.received': z.looseObject({ independent: z.boolean(), adviserId: z.string().optional() }),
  'conflict_of_interest.checked': z.looseObject({ personId: nonEmpty, conflict: z.boolean() }),
  'decision.issued': z.looseObject({
    decisionMakerRole: nonEmpty,
    decisionMakerId: z.string().optional(),
    delegatedAuthority: z.boolean().optional(),
    outcome: z.enum(DECISION_OUTCOMES),
    reasonsGiven: z.boolean().optional(),
    evidenceRelied: z.array(z.string()).optional(),
  }),
  'remedy.recommended': z.looseObject({
    remedyId: nonEmpty,
    kind: z.enum(['apology', 'redress', 'service_improvement', 'other']),
    proportionalityAssessed: z.boolean().optional(),
    dueAt: InstantStringSchema.optional(),
  }),
  'remedy.implemented': z.looseObject({ remedyId: nonEmpty }),
  'remedy.followed_up': z.looseObject({ remedyId: nonEmpty }),
  'learning.shared': z.looseObject({ sharedWith: z.array(z.enum(['body', 'sector', 'internal'])).min(1) }),
  'data.shared': z.looseObject({ recipient: nonEmpty, lawfulBasis: z.string().optional() }),
  'data.incident': z.looseObject({ severity: z.string().optional() }),
  'record.corrected': z.looseObject({ reason: z.string().optional() }),
  'publication.issued': z.looseObject({ anonymised: z.boolean() }),
  'service_error.identified': z.looseObject({ errorId: nonEmpty, description: z.string().optional() }),
  'apology.given': z.looseObject({ errorId: nonEmpty }),
  'service_error.corrected': z.looseObject({ errorId: nonEmpty }),
  'lesson.recorded': z.looseObject({ errorId: nonEmpty }),
  'engagement.restricted': z.looseObject({ reason: z.string().optional() }),
  'service_complaint.received': z.looseObject({ serviceComplaintId: nonEmpty }),
  'service_complaint.responded': z.looseObject({ serviceComplaintId: nonEmpty }),
  'call.recorded': z.looseObject({
    notified: z.boolean().optional(),
    askedIfRecorded: z.boolean().optional(),
    answered: z.boolean().optional(),
  }),
} as const satisfies Record<(typeof CANONICAL_EVENT_TYPES)[number], z.ZodType>;

/** A custom event type: anything with an `x-` prefix is kept, never an error. */
export const CustomEventTypeSchema = z.string().regex(/^x-[\s\S]+/, 'custom event types start with "x-"');
/**
 * A canonical event type or a custom `x-` type. One pattern rather than a union, so that a typo
 * gets one clear message (and the JSON Schema says the same).
 */
export const EventTypeSchema = z
  .string()
  .regex(
    new RegExp(`^(?:${CANONICAL_EVENT_TYPES.map((t) => t.replace('.', '\\.')).join('|')}|x-[\\s\\S]+)$`),
    `unknown event type: use one of the canonical types (${EVENTS_DOC_URL}#canonical-types), or an "x-" prefix for a custom one`,
  );

const eventFields = {
  caseId: nonEmpty.optional().describe('The case the event belongs to; required in a flat log.'),
  id: nonEmpty.optional().describe('Unique within the case; findings cite events by it.'),
  at: InstantStringSchema.describe(
    'When it happened: ISO 8601; a local date-time or date alone is read in the ruleset zone.',
  ),
  actor: ActorSchema.optional().describe('Who did it: { role?, id?, name? }.'),
};

/** What every event has besides its type and data (other fields are kept). */
export const EventFieldsSchema = z.looseObject(eventFields);

/** A type's `data` schema with its fields described (for editors reading the JSON Schema). */
function _describedData(type: CanonicalEventType, data: z.ZodObject): z.ZodObject {
  const fields = (EVENT_TYPE_DOCS[type] as EventTypeDoc).fields ?? {};
  const shape = Object.fromEntries(
    Object.entries(data.shape).map(([k, s]) => [
      k,
      fields[k] && !(s as z.ZodType).description ? (s as z.ZodType).describe(fields[k]) : s,
    ]),
  );
  return data.extend(shape);
}

/** The shape every event shares; `data` is checked per type by {@link EventSchema}. */
export const BaseEventSchema = z.looseObject({
  ...eventFields,
  type: EventTypeSchema,
  data: z.record(z.string(), z.unknown()).optional(),
});

/**
 * One event of a case history (`events.md`). Inside a whole case `caseId` may be omitted; in a
 * flat log the readers require it.
 *
 * @example
 * EventSchema.parse({ caseId: 'C1', type: 'complaint.received', at: '2024-05-01T09:00:00Z' });
 */
export const EventSchema = z.union([
  z.discriminatedUnion(
    'type',
    Object.entries(EVENT_DATA_SCHEMAS).map(([type, data]) =>
      z
        .looseObject({
          ...eventFields,
          type: z.literal(type),
          data: _describedData(type as CanonicalEventType, data).optional(),
        })
        .describe(`${type}: ${EVENT_TYPE_DOCS[type as CanonicalEventType].meaning}`),
    ) as unknown as [z.ZodObject, ...z.ZodObject[]],
  ),
  z.looseObject({
    ...eventFields,
    type: CustomEventTypeSchema,
    data: z.record(z.string(), z.unknown()).optional(),
  }),
]);

/** A canonical event type. */
export type CanonicalEventType = (typeof CANONICAL_EVENT_TYPES)[number];
