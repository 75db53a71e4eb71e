/**
 * The driver of `check --workers N`: N threads judge, the main thread and a piscina pool of
 * N − 1 worker threads (`worker.ts`). The main thread reads the cases and hands batches to the
 * pool, keeping a bounded window of batches in flight; while the oldest batch is still being
 * judged it judges the next one itself rather than wait. It yields the outcomes strictly in
 * input order, so that everything downstream (summary, NDJSON lines, reports, exit code) is
 * what one thread would produce.
 */
import { resolve } from 'node:path';
import type { Piscina } from 'piscina';
import type { PreparedEvaluation } from '../engine/prepare.js';
import type { Ruleset } from '../engine/ruleset.js';
import type { ReadStats } from '../readers/stats.js';
import { isRejected, type ReadItem } from '../readers/types.js';
import { rulesetDirOf } from '../rules/load-ruleset.js';
import type { CheckOptions } from './check-options.js';
import {
  judgeItems,
  outcomesOf,
  type WorkerItem,
  type WorkerOutcome,
  type WorkerSetup,
} from './judge-batch.js';
import {
  preparedForSetup,
  WORKER_READY,
  type WorkerResult,
  type WorkerTask,
  type WorkerWarmUp,
} from './worker.js';

/** Cases per task sent to a worker: enough to amortise the messages, few enough to balance. */
const BATCH = 64;
/** Cases per batch the main thread judges itself: smaller, so that it soon feeds the workers again. */
const LOCAL_BATCH = 32;
/** Batches in flight per worker thread: one being judged, one waiting. */
const PER_THREAD = 2;
/** Batches the main thread may judge ahead of the oldest one still with a worker. */
const AHEAD = 8;

/**
 * An outcome and the item it is about, with its NDJSON line (when asked for); `restoreStats`
 * (with `strict`) rewinds the read stats to when it was read. Of a case handed to a worker, the
 * item keeps only its `caseId`, `source`, and the events whose `at` has the earliest and the
 * latest year (what the report's year range reads): the rest is let go at once, so that the
 * batches in flight do not keep every case read alive until its turn comes.
 */
export type ParallelOutcome = Exclude<WorkerOutcome, { kind: 'error' }> & {
  item: ReadItem;
  line?: Uint8Array;
  restoreStats?: () => void;
};

/** The pool of `check --workers N`: N − 1 worker threads beside the main thread. */
export interface CheckPool {
  /** Threads that judge, the main thread included. */
  readonly workers: number;
  /** Worker threads (`workers` − 1). */
  readonly threads: number;
  /** Worker threads that have loaded and prepared the ruleset so far. */
  readonly ready: number;
  /** Runs one task on a worker thread. */
  run(task: WorkerTask): Promise<WorkerResult>;
  /** Stops the worker threads. */
  destroy(): Promise<void>;
}

/**
 * The pool a command's `--workers N` asks for, or none for one thread. The workers start (and
 * load the ruleset, config and selection the main thread uses) while the main thread does the same.
 *
 * @example
 * const pool = poolForOptions({ workers: 2, ruleset: 'mchp-scotland-2020' });
 */
export function poolForOptions(
  options: Pick<CheckOptions, 'workers' | 'ruleset' | 'config' | 'only' | 'skip'>,
): CheckPool | undefined {
  const workers = options.workers ?? 1;
  if (workers <= 1) return undefined;
  return createCheckPool(workers, {
    rulesetDir: options.ruleset ? resolve(rulesetDirOf(options.ruleset)) : undefined,
    configFile: options.config ? resolve(options.config) : undefined,
    only: options.only,
    skip: options.skip,
  });
}

/**
 * Starts N − 1 worker threads (`worker.cjs` beside this bundle, i.e. `dist/worker.cjs`), which load
 * and prepare the ruleset at once; the main thread is the N-th. piscina is loaded here, so a run
 * on one thread never loads it. The caller destroys the pool.
 *
 * @example
 * const pool = createCheckPool(2, { rulesetDir: undefined });
 */
export function createCheckPool(workers: number, warmUp: WorkerWarmUp, filename?: string): CheckPool {
  const threads = Math.max(1, workers - 1);
  const piscina: Promise<Piscina<WorkerTask, WorkerResult>> = import('piscina').then(
    ({ Piscina }) =>
      new Piscina<WorkerTask, WorkerResult>({
        // CommonJS (`tsup.config.ts` says why).
        filename: filename ?? new URL('./worker.cjs', import.meta.url).href,
        minThreads: threads,
        maxThreads: threads,
        // Each worker holds its next batch already, so that it never waits for the main thread
        // (busy judging a batch of its own) to hand it over.
        concurrentTasksPerWorker: PER_THREAD,
        // With Atomics, an idle worker blocks its event loop waiting for a task, which would
        // stall its warm-up (reading the ruleset) until the first batch came.
        atomics: 'disabled',
        idleTimeout: 60_000,
        workerData: { warmUp },
      }),
  );
  // Awaited by every use; until then a failure must not count as unhandled.
  piscina.catch(() => {});
  let ready = 0;
  piscina.then(
    (p) =>
      p.on('message', (m: unknown) => {
        if (m === WORKER_READY) ready = Math.min(threads, ready + 1);
      }),
    () => {},
  );
  return {
    workers,
    threads,
    get ready() {
      return ready;
    },
    run: async (task) => (await piscina).run(task),
    destroy: async () => {
      await (await piscina).destroy();
    },
  };
}

/** Options of {@link evaluateInWorkers}. */
export interface EvaluateInWorkersOptions {
  pool: CheckPool;
  /** Threads that judge (the main thread included): the pool's, whatever is given here. */
  workers?: number | undefined;
  setup: WorkerSetup;
  /** The stats the reader fills; with `strict`, each outcome can rewind them (see {@link ParallelOutcome}). */
  stats: ReadStats;
  strict: boolean;
  /**
   * The ruleset and its preparation for `setup`, for the batches the main thread judges; loaded
   * (once) from `setup` when absent.
   */
  local?: { ruleset: Ruleset; prepared: PreparedEvaluation } | undefined;
  /** The JSON text an item was parsed from, when the reader kept it: sent to a worker in its place. */
  textOf?: ((item: ReadItem) => string | undefined) | undefined;
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

const _yearOf = (at: unknown) => (typeof at === 'string' ? Number(at.slice(0, 4)) : Number.NaN);

/** What {@link ParallelOutcome} keeps of an item handed to a worker. */
function _stub(item: ReadItem): ReadItem {
  if (isRejected(item)) return item;
  let min: unknown;
  let max: unknown;
  let minYear = Number.POSITIVE_INFINITY;
  let maxYear = Number.NEGATIVE_INFINITY;
  for (const e of Array.isArray(item.events) ? item.events : []) {
    const at = (e as { at?: unknown } | null)?.at;
    const y = _yearOf(at);
    if (y < minYear) {
      minYear = y;
      min = at;
    }
    if (y > maxYear) {
      maxYear = y;
      max = at;
    }
  }
  const events = min === undefined ? [] : [{ at: min }, { at: max }];
  return { caseId: item.caseId, events, source: item.source };
}

/** A batch in input order: judged by a worker (`pending` until it answers) or by the main thread. */
interface Batch {
  items: ReadItem[];
  snapshots: ReturnType<typeof _snapshot>[];
  /**
   * Set once judged: by the worker's answer (its lines in one buffer), or by the main thread
   * (a buffer per line).
   */
  done?:
    | { outcomes: WorkerOutcome[]; lines?: Uint8Array | undefined; lineList?: readonly Uint8Array[] }
    | { error: unknown };
  pending?: Promise<void>;
}

/**
 * Judges the cases of `reader` on the main thread and a pool of worker threads and yields one
 * outcome per item, in input order. A read error is thrown after the outcomes of every item read
 * before it, and an unexpected error in judging at its case, as on one thread. Stopping early
 * (`return`) stops the reader; the pool is the caller's.
 *
 * @example
 * for await (const o of evaluateInWorkers(readCases(inputs), { pool, setup, stats, strict: false })) { ... }
 */
export async function* evaluateInWorkers(
  reader: AsyncIterable<ReadItem>,
  options: EvaluateInWorkersOptions,
): AsyncGenerator<ParallelOutcome> {
  const { pool, setup, stats, strict } = options;
  const it = reader[Symbol.asyncIterator]();
  // Batches handed to the workers that are ready (until one is, the main thread judges alone),
  // and batches read but not yet yielded: that window and what the main thread judged meanwhile.
  const window = () => PER_THREAD * pool.ready;
  const limit = PER_THREAD * pool.threads + AHEAD;
  const queue: Batch[] = [];
  let remote = 0;
  let done = false;
  let readError: { error: unknown } | undefined;
  let local = options.local;
  const { textOf } = options;
  const toWorker = (item: ReadItem): WorkerItem => {
    const json = textOf?.(item);
    return json === undefined ? { item } : { json, source: item.source };
  };

  const read = async (size: number): Promise<Batch | undefined> => {
    const items: ReadItem[] = [];
    const snapshots: ReturnType<typeof _snapshot>[] = [];
    while (!done && items.length < size) {
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
    return items.length > 0 ? { items, snapshots } : undefined;
  };
  const post = (batch: Batch) => {
    remote++;
    batch.pending = pool.run({ setup, items: batch.items.map(toWorker) }).then(
      (r) => {
        batch.done = { outcomes: outcomesOf(r), lines: r.lines };
      },
      (error: unknown) => {
        batch.done = { error };
      },
    );
    batch.pending.finally(() => remote--);
    batch.items = batch.items.map(_stub);
  };
  const judgeHere = async (batch: Batch) => {
    local ??= await preparedForSetup(setup);
    // As a worker does: the line made at once and only what the summary needs kept, so that
    // little is held while the batch waits its turn.
    const { outcomes, lines } = await judgeItems(
      batch.items.map((item) => ({ item })),
      setup,
      local,
    );
    batch.done = { outcomes, lineList: lines };
    batch.items = batch.items.map(_stub);
  };

  try {
    for (;;) {
      // Keep the workers fed.
      while (!done && remote < window() && queue.length < limit) {
        const batch = await read(BATCH);
        if (!batch) break;
        post(batch);
        queue.push(batch);
      }
      const head = queue[0];
      if (head === undefined && done) break;
      if (head === undefined || head.done === undefined) {
        // Rather than wait for the oldest batch (or for a worker to be ready), judge the next
        // one here.
        if (!done && queue.length < limit) {
          const batch = await read(LOCAL_BATCH);
          if (batch) {
            await judgeHere(batch);
            queue.push(batch);
          }
          // Judging awaits only promises: let the workers' answers in before going on.
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        if (head === undefined) continue;
        await head.pending;
      }
      queue.shift();
      const answer = head.done as NonNullable<Batch['done']>;
      if ('error' in answer) throw answer.error;
      const { outcomes, lines, lineList } = answer;
      let at = 0;
      let nth = 0;
      for (let i = 0; i < outcomes.length; i++) {
        const o = outcomes[i] as WorkerOutcome;
        if (o.kind === 'error') {
          const e = new Error(o.message);
          if (o.stack) e.stack = o.stack;
          throw e;
        }
        const snapshot = head.snapshots[i];
        let line: Uint8Array | undefined;
        if (o.kind === 'judged' && o.lineBytes !== undefined) {
          if (lineList) line = lineList[nth++];
          else if (lines) {
            line = lines.subarray(at, at + o.lineBytes);
            at += o.lineBytes;
          }
        }
        yield {
          ...o,
          item: head.items[i] as ReadItem,
          ...(line ? { line } : {}),
          ...(snapshot ? { restoreStats: () => _restore(stats, snapshot) } : {}),
        };
      }
    }
    if (readError) throw readError.error;
  } finally {
    done = true;
    // Answers still to come are dropped; their failures must not count as unhandled.
    for (const batch of queue) batch.pending?.catch(() => {});
    await it.return?.();
  }
}
