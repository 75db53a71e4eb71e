/**
 * The driver of `check --workers N`: the main thread reads the cases and hands them in batches
 * to a piscina pool of N worker threads (`worker.ts`), keeping a bounded window of batches in
 * flight, and yields the outcomes strictly in input order, so that everything downstream (summary,
 * NDJSON lines, reports, exit code) is what one thread would produce.
 */
import { Piscina } from 'piscina';
import type { ReadStats } from '../readers/stats.js';
import type { ReadItem } from '../readers/types.js';
import type { WorkerOutcome, WorkerResult, WorkerSetup, WorkerTask, WorkerWarmUp } from './worker.js';

/** Cases per task: large enough to amortise the messages, small enough to balance the workers. */
const BATCH = 64;

/**
 * An outcome and the item it is about, with its NDJSON line (when asked for); `restoreStats`
 * (with `strict`) rewinds the read stats to when it was read.
 */
export type ParallelOutcome = Exclude<WorkerOutcome, { kind: 'error' }> & {
  item: ReadItem;
  line?: Uint8Array;
  restoreStats?: () => void;
};

/** The pool of `check --workers N`. */
export type CheckPool = Piscina<WorkerTask, WorkerResult>;

/**
 * Starts N worker threads (`worker.js` beside this bundle, i.e. `dist/worker.js`), which load and
 * prepare the ruleset at once; the caller destroys the pool.
 *
 * @example
 * const pool = createCheckPool(2, { rulesetDir: undefined });
 */
export function createCheckPool(workers: number, warmUp: WorkerWarmUp, filename?: string): CheckPool {
  return new Piscina<WorkerTask, WorkerResult>({
    filename: filename ?? new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
    workerData: { warmUp },
  });
}

/** Options of {@link evaluateInWorkers}. */
export interface EvaluateInWorkersOptions {
  pool: CheckPool;
  workers: number;
  setup: WorkerSetup;
  /** The stats the reader fills; with `strict`, each outcome can rewind them (see {@link ParallelOutcome}). */
  stats: ReadStats;
  strict: boolean;
}

/** The read stats as they stand, to put back with {@link _restore}. */
function _snapshot(stats: ReadStats) {
  return {
    cases: stats.cases,
    events: stats.events,
    rejectedCases: stats.rejectedCases,
    filtered: stats.filtered,
    unmapped: [...stats.unmappedActivities],
    inputs: stats.inputs.map((i) => ({ ...i })),
    warnings: stats.warnings.length,
  };
}

function _restore(stats: ReadStats, s: ReturnType<typeof _snapshot>): void {
  stats.cases = s.cases;
  stats.events = s.events;
  stats.rejectedCases = s.rejectedCases;
  stats.filtered = s.filtered;
  stats.unmappedActivities.clear();
  for (const [k, n] of s.unmapped) stats.unmappedActivities.set(k, n);
  stats.inputs.splice(0, stats.inputs.length, ...s.inputs);
  stats.warnings.splice(s.warnings);
}

interface Batch {
  items: ReadItem[];
  snapshots: ReturnType<typeof _snapshot>[];
  outcomes: Promise<WorkerResult>;
}

/**
 * Judges the cases of `reader` on a pool of worker threads and yields one outcome per item, in
 * input order. A read error is thrown after the outcomes of every item read before it, and a
 * worker's unexpected error at its case, as on one thread. Stopping early (`return`) stops the
 * reader; the pool is the caller's.
 *
 * @example
 * for await (const o of evaluateInWorkers(readCases(inputs), { workers: 2, setup, stats, strict: false })) { ... }
 */
export async function* evaluateInWorkers(
  reader: AsyncIterable<ReadItem>,
  options: EvaluateInWorkersOptions,
): AsyncGenerator<ParallelOutcome> {
  const { pool, workers, setup, stats, strict } = options;
  const it = reader[Symbol.asyncIterator]();
  const inFlight: Batch[] = [];
  const window = 2 * workers;
  let done = false;
  let closed = false;
  let readError: { error: unknown } | undefined;
  const fill = async () => {
    while (!done && inFlight.length < window) {
      const items: ReadItem[] = [];
      const snapshots: ReturnType<typeof _snapshot>[] = [];
      while (items.length < BATCH) {
        let next: IteratorResult<ReadItem>;
        try {
          next = await it.next();
        } catch (error) {
          readError = { error };
          done = true;
          break;
        }
        if (next.done) {
          done = true;
          break;
        }
        items.push(next.value);
        if (strict) snapshots.push(_snapshot(stats));
      }
      if (items.length === 0 || closed) break;
      const outcomes = pool.run({ setup, items });
      // Awaited in order below; until then a failure must not count as unhandled.
      outcomes.catch(() => {});
      inFlight.push({ items, snapshots, outcomes });
    }
  };
  try {
    await fill();
    for (let batch = inFlight.shift(); batch; batch = inFlight.shift()) {
      const { outcomes, lines } = await batch.outcomes;
      let at = 0;
      // Keep the workers busy while this batch is consumed.
      const more = fill();
      more.catch(() => {});
      for (let i = 0; i < outcomes.length; i++) {
        const o = outcomes[i] as WorkerOutcome;
        if (o.kind === 'error') {
          const e = new Error(o.message);
          if (o.stack) e.stack = o.stack;
          throw e;
        }
        const snapshot = batch.snapshots[i];
        let line: Uint8Array | undefined;
        if (o.kind === 'judged' && lines && o.lineBytes !== undefined) {
          line = lines.subarray(at, at + o.lineBytes);
          at += o.lineBytes;
        }
        yield {
          ...o,
          item: batch.items[i] as ReadItem,
          ...(line ? { line } : {}),
          ...(snapshot ? { restoreStats: () => _restore(stats, snapshot) } : {}),
        };
      }
      await more;
    }
    if (readError) throw readError.error;
  } finally {
    closed = true;
    done = true;
    await it.return?.();
  }
}
