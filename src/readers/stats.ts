import type { InputFormat } from './types.js';

/** One input as read. `sha256` and `bytes` are of the bytes as stored (before gunzip). */
export interface InputStats {
  file: string;
  format: InputFormat;
  gzip: boolean;
  /** Hex SHA-256 of the input's bytes; set when the input has been read to the end. */
  sha256?: string;
  bytes: number;
  /** Records read: lines (NDJSON), rows (CSV), array elements (JSON), traces (XES) or events (OCEL). */
  records: number;
  /** OCEL: events linked to no case object (nor, when asked, to an object related to one): left out, counted. */
  unlinkedEvents?: number;
}

/**
 * Counts kept while cases stream by (filled in place, read it when the stream ends):
 * `cases` and `events` are what was yielded (rejected included), so that cases read equals cases
 * judged plus cases rejected, and likewise for events.
 */
export interface ReadStats {
  /** Cases yielded, valid or rejected. */
  cases: number;
  /** Events in the cases yielded, rejected ones included (a record that could not be read counts as one). */
  events: number;
  /** Cases the readers rejected (the engine may reject more when it validates). */
  rejectedCases: number;
  /** Rows or XES events the mapping's filters left out: not events, never judged nor rejected. */
  filtered: number;
  /** Activities no rule of the mapping matched, by activity name, with how many events each. */
  unmappedActivities: Map<string, number>;
  /** Each input, in reading order. */
  inputs: InputStats[];
  /** Things worth telling the user that are not problems of a case (e.g. a mapped column absent from a header). */
  warnings: string[];
  /** Bytes of the inputs read so far, as stored (before gunzip): where reading stands, for progress. */
  bytesRead: number;
  /** The inputs' total size in bytes, known when every input is a file (absent for standard input or a stream). */
  bytesTotal?: number;
}

/**
 * A fresh, empty {@link ReadStats}.
 * @example
 * const stats = createReadStats();
 * for await (const c of readCases(['log.csv'], { mapping, stats })) {}
 * console.log(stats.cases, Object.fromEntries(stats.unmappedActivities));
 */
export function createReadStats(): ReadStats {
  return {
    cases: 0,
    events: 0,
    rejectedCases: 0,
    filtered: 0,
    unmappedActivities: new Map(),
    inputs: [],
    warnings: [],
    bytesRead: 0,
  };
}

/**
 * @internal Counts one event of an unmapped activity.
 * @example
 * countUnmapped(stats, 'Phoned the customer');
 */
export function countUnmapped(stats: ReadStats, activity: string): void {
  stats.unmappedActivities.set(activity, (stats.unmappedActivities.get(activity) ?? 0) + 1);
}
