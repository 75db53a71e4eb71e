/**
 * The input contract as types a compiler checks: each canonical event type with its own `data`
 * (the plain types generated from the zod schemas in `event.ts`), custom `x-` events, and a whole
 * case. A misspelt type (`complaint.recieved`) or value (`to: 'complainent'`) does not compile;
 * the schemas still validate whatever arrives at run time.
 */
import type { CaseAttributes, EventDataMap, EventFields } from './contract.js';
import type { CanonicalEventType } from './event.js';

export type { EventActor, EventFields } from './contract.js';

/** The `data` of one canonical event type, as given. @example const d: EventData<'communication.sent'> = { to: 'complainant' }; */
export type EventData<T extends CanonicalEventType> = EventDataMap[T];

/** One canonical event, its `data` typed by its `type`. @example const e: CanonicalEvent<'complaint.received'> = { type: 'complaint.received', at: '2025-06-02T09:00:00+01:00' }; */
export type CanonicalEvent<T extends CanonicalEventType = CanonicalEventType> = {
  [K in T]: EventFields & { type: K; data?: EventData<K> };
}[T];

/** An event of your own: any type with an `x-` prefix, kept and ignored by the shipped rules. */
export type CustomEvent = EventFields & { type: `x-${string}`; data?: Record<string, unknown> };

/** One event of a case history: canonical (discriminated by `type`) or custom. */
export type HistoryEvent = CanonicalEvent | CustomEvent;

/**
 * A whole case, as {@link evaluateCase} takes it.
 * @example
 * const c: CaseInput = { caseId: 'C1', events: [{ type: 'complaint.received', at: '2025-06-02T09:00:00+01:00' }] };
 */
export interface CaseInput {
  caseId: string;
  attributes?: CaseAttributes;
  events: readonly HistoryEvent[];
  [key: string]: unknown;
}

/**
 * Builds one canonical event, its `data` checked against its type by the compiler.
 * @example makeEvent('communication.sent', '2025-06-03T10:00:00+01:00', { to: 'complainant', covers: ['acknowledgement'] })
 */
export function makeEvent<T extends CanonicalEventType>(
  type: T,
  at: string,
  data?: EventData<T>,
  fields: Omit<EventFields, 'at'> = {},
): CanonicalEvent<T> {
  return { ...fields, type, at, ...(data === undefined ? {} : { data }) } as CanonicalEvent<T>;
}

/**
 * Builds a whole case from its events.
 * @example makeCase('C1', [makeEvent('complaint.received', '2025-06-02T09:00:00+01:00')])
 */
export function makeCase(
  caseId: string,
  events: readonly HistoryEvent[],
  attributes?: CaseAttributes,
): CaseInput {
  return attributes === undefined ? { caseId, events } : { caseId, attributes, events };
}
