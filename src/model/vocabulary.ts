/**
 * The names the event vocabulary (`events.md`) and the statuses (`indicators.md`) fix.
 * Kept as `as const` tuples so that zod enums, JSON Schemas and TypeScript unions share one list.
 */

/** Canonical event types, in the order `events.md` lists them. */
export const CANONICAL_EVENT_TYPES = [
  'complaint.received',
  'complaint.acknowledged',
  'case.complexity_assessed',
  'case.stage_changed',
  'case.paused',
  'case.resumed',
  'case.extension_notified',
  'case.outside_remit',
  'case.closed',
  'escalation.requested',
  'escalation.refused',
  'communication.sent',
  'communication.received',
  'communication.corrected',
  'complaint.summary_confirmed',
  'needs.requested',
  'needs.met',
  'representative.authorised',
  'conduct.concern_raised',
  'conduct.concern_resolved',
  'evidence.received',
  'evidence.assessed',
  'party.invited_to_comment',
  'party.comments_received',
  'advice.received',
  'conflict_of_interest.checked',
  'decision.issued',
  'remedy.recommended',
  'remedy.implemented',
  'remedy.followed_up',
  'learning.shared',
  'data.shared',
  'data.incident',
  'record.corrected',
  'publication.issued',
  'service_error.identified',
  'apology.given',
  'service_error.corrected',
  'lesson.recorded',
  'engagement.restricted',
  'service_complaint.received',
  'service_complaint.responded',
  'call.recorded',
] as const;

/** Topics a `communication.sent` may cover (`data.covers`). */
export const TOPICS = [
  'acknowledgement',
  'investigation_process',
  'progress',
  'next_steps',
  'contact_details',
  'scope',
  'restrictions',
  'achievable_outcomes',
  'ombudsman_information',
  'complaints_procedure',
  'complaint_summary',
  'decision',
  'decision_reasons',
  'signposting',
  'engagement_change',
  'extension',
  'privacy_notice',
  'service_complaint_procedure',
  // Added for staged procedures (the MCHP, the housing code): what a stage response tells.
  'complaint_stage',
  'escalation_rights',
  'ombudsman_referral',
  'remedy',
  'outstanding_actions',
  'refusal_reasons',
] as const;

/** The stages of a two-stage complaints procedure (`complaint.received`'s `stage`). */
export const COMPLAINT_STAGES = ['stage_1', 'stage_2'] as const;

export const CHANNELS = ['phone', 'email', 'web', 'letter', 'in_person'] as const;
export const COMPLEXITIES = ['simple', 'standard', 'complex'] as const;
export const PARTIES = ['complainant', 'representative', 'body', 'other'] as const;
export const DECISION_OUTCOMES = [
  'upheld',
  'partly_upheld',
  'not_upheld',
  'resolved',
  'not_pursued',
  'outside_remit',
] as const;

/**
 * Finding statuses in severity order, worst first (`indicators.md`, "Statuses").
 * Where a rule has several checks, the worst status wins.
 */
export const STATUSES = [
  'error',
  'fail',
  'insufficient_evidence',
  'pending',
  'pass',
  'not_applicable',
] as const;

/**
 * Statuses of a finding that needs attention, worst first (`interface.md`: the HTML report
 * embeds the cases that have one, worst first).
 */
export const ATTENTION_STATUSES = ['error', 'fail', 'insufficient_evidence', 'pending'] as const;

/**
 * Statuses whose findings the audit report marks on the timeline: the events at fault and the
 * deadlines missed (error, fail) or due (pending). An insufficient-evidence finding needs a
 * person, not a mark. The engine keeps full measurements (`fullMeasured`) for these only.
 */
export const MARKED_STATUSES = ['error', 'fail', 'pending'] as const;

/** Whether the audit report marks a finding with this status ({@link MARKED_STATUSES}). */
export const isMarkedStatus = (status: string): boolean =>
  (MARKED_STATUSES as readonly string[]).includes(status);
