import type { CaseAttributes } from '../model/case.js';

/**
 * An event after validation: its instant read in the calendar's zone, its id settled, its
 * position kept. This is the engine's own form, derived from the input, never handed back.
 */
export interface CaseEvent {
  readonly id: string;
  readonly type: string;
  /** The instant as given. */
  readonly at: string;
  readonly atMs: number;
  /** Local calendar day number in the configured zone. */
  readonly day: number;
  /** Position in the input, used to keep input order for equal instants. */
  readonly seq: number;
  readonly actor: Readonly<Record<string, unknown>> | undefined;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A case ready for evaluation: events sorted by instant, those after `asOf` set aside. */
export interface NormalizedCase {
  readonly caseId: string;
  readonly attributes: Readonly<CaseAttributes>;
  /** Events at or before `asOf`, in time order (input order for equal instants). */
  readonly events: readonly CaseEvent[];
  /** How many events were after `asOf` and so left out. */
  readonly eventsAfterAsOf: number;
  /** Whether a `complaint.received` is among the events after `asOf` (the complaint came later). */
  readonly receivedAfterAsOf: boolean;
  /** All events read, including those after `asOf`. */
  readonly eventsRead: number;
  /**
   * Each event's index in the input, by id (events after `asOf` included): validation builds it
   * to find repeated ids, and the case index finds events by id through it.
   */
  readonly inputIndexById: ReadonlyMap<string, number>;
}
