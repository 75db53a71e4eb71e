import { isReaderRejection, type RejectedCase } from '../engine/evaluate-cases.js';

/** The input formats the readers know. */
export type InputFormat = 'json' | 'ndjson' | 'csv' | 'xes' | 'ocel';

/**
 * The input formats, for option parsing.
 * @example
 * INPUT_FORMATS.includes(value as InputFormat); // a valid --input-format
 */
export const INPUT_FORMATS: readonly InputFormat[] = Object.freeze(['json', 'ndjson', 'csv', 'xes', 'ocel']);

/**
 * Where a case was read: the file (`<stdin>` for `-`) and the 1-based line of its first record
 * (JSON, NDJSON, CSV) or its trace number (XES). `eventLines[i]` is the line of `events[i]` when
 * the events came from different lines (flat logs).
 */
export interface SourceRef {
  file: string;
  line: number;
  eventLines?: number[];
}

/**
 * A case as read, ready for the engine (which validates it). A JSON case keeps any other keys it
 * was given (the engine's case schema is loose).
 */
export interface ReadCase {
  caseId: string;
  attributes?: Record<string, unknown>;
  events: unknown[];
  source: SourceRef;
}

/** A case the reader already found invalid: rejected whole, with every problem found. */
export interface ReadRejected {
  rejected: RejectedCase;
  source: SourceRef;
}

/** What the readers yield: a `CaseSource` for `evaluateCases`. */
export type ReadItem = ReadCase | ReadRejected;

/**
 * True when a read item is a rejected case (not a case that holds a field named `rejected`).
 * @example
 * for await (const item of readCases(['log.csv'], { mapping })) if (isRejected(item)) console.log(item.rejected.problems);
 */
export function isRejected(item: ReadItem): item is ReadRejected {
  return isReaderRejection(item);
}

/**
 * @internal The item of a whole case read without problems: the record as parsed, with where it
 * was read. The worker threads of `check --workers` rebuild a case from its text with it.
 * @example
 * wholeCaseItem(JSON.parse(line), { file: 'log.ndjson', line: 3 });
 */
export const wholeCaseItem = (value: Record<string, unknown>, source: SourceRef): ReadCase =>
  ({ ...value, source }) as ReadCase;
