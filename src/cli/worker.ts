/**
 * The worker of `check --workers N` (a piscina task module, built as `dist/worker.js` beside
 * `dist/cli.js`). Each task is a batch of cases as the readers yielded them; the worker loads the
 * ruleset and prepares it for the run's configuration once per thread, judges each case exactly as
 * the single-threaded path does (`judge-batch.ts`), and returns one outcome per case, in order.
 * It does not load piscina itself (piscina's own worker script runs it), nor anything the
 * judging does not need, so that a worker starts quickly.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { type PreparedEvaluation, prepareEvaluation } from '../engine/prepare.js';
import type { Ruleset } from '../engine/ruleset.js';
import type { Config } from '../model/config.js';
import { loadRuleset } from '../rules/load-ruleset.js';
import { answerBatch, type BatchAnswer, type WorkerItem, type WorkerSetup } from './judge-batch.js';

export type { WorkerItem, WorkerOutcome, WorkerSetup } from './judge-batch.js';

/** What the pool's workers prepare as they start (`workerData`), while the main thread starts too. */
export interface WorkerWarmUp {
  /** The ruleset directory (absolute), or none for the shipped one. */
  rulesetDir?: string | undefined;
  /** The configuration file (absolute), or none. */
  configFile?: string | undefined;
  only?: readonly string[] | undefined;
  skip?: readonly string[] | undefined;
}

/** One task: a batch of read items. */
export interface WorkerTask {
  setup: WorkerSetup;
  items: WorkerItem[];
}

/** A task's answer (`judge-batch.ts`). */
export type WorkerResult = BatchAnswer;

/** A ruleset loaded and prepared for a run's options. */
export type PreparedSetup = { ruleset: Ruleset; prepared: PreparedEvaluation };

/**
 * Loads the ruleset and prepares it for these options.
 *
 * @example
 * const { ruleset, prepared } = await preparedForSetup(setup);
 */
export async function preparedForSetup(
  setup: Pick<WorkerSetup, 'rulesetDir' | 'config' | 'only' | 'skip'>,
): Promise<PreparedSetup> {
  const ruleset = await loadRuleset(setup.rulesetDir ? { dir: setup.rulesetDir } : {});
  // The main thread has prepared the same options already, so they are known to be valid.
  const prepared = prepareEvaluation(ruleset, { config: setup.config, only: setup.only, skip: setup.skip });
  return { ruleset, prepared };
}

/**
 * {@link preparedForSetup} kept per options for as long as the function returned lives (a
 * worker thread's): each options' ruleset is loaded and prepared once.
 */
function _preparedOnce(): typeof preparedForSetup {
  const setups = new Map<string, Promise<PreparedSetup>>();
  return (setup) => {
    const key = JSON.stringify([setup.rulesetDir ?? null, setup.config, setup.only ?? [], setup.skip ?? []]);
    let hit = setups.get(key);
    if (!hit) {
      hit = preparedForSetup(setup);
      setups.set(key, hit);
      // A failure is the main thread's to report (it prepares the same first); try again on a task.
      hit.catch(() => setups.delete(key));
    }
    return hit;
  };
}

/** What a worker posts (piscina emits it as the pool's `message`) once it has warmed up. */
export const WORKER_READY = 'service-standards:worker-ready';

/**
 * Loads and prepares the ruleset as the worker starts, so the first batch finds it ready, then
 * says so: until then the main thread judges the batches itself.
 */
async function _warmUp(w: WorkerWarmUp, prepared: typeof preparedForSetup): Promise<void> {
  const config = w.configFile
    ? (JSON.parse((await readFile(w.configFile, 'utf8')).replace(/^\uFEFF/, '')) as Config)
    : {};
  await prepared({ rulesetDir: w.rulesetDir, config, only: w.only, skip: w.skip });
  parentPort?.postMessage(WORKER_READY);
}

/**
 * Starts a worker: the setups it prepares are kept in this closure for the thread's life, and
 * the one `workerData` names is prepared at once. Returns the task handler.
 */
function _startWorker(): (task: WorkerTask) => Promise<WorkerResult> {
  const prepared = _preparedOnce();
  const warm = (workerData as { warmUp?: WorkerWarmUp } | null)?.warmUp;
  // A failure is the main thread's to report (it prepares the same); it then judges every case.
  if (warm) _warmUp(warm, prepared).catch(() => {});
  // The lines go back as one buffer, copied by postMessage: a memory copy of about 10 kB a case,
  // next to nothing beside judging it, where transferring would load piscina's `move` here.
  return async (task) => answerBatch(task.items, task.setup, await prepared(task.setup));
}

/**
 * Judges a batch (piscina calls it for each task sent to this thread).
 *
 * @example
 * const outcomes = await pool.run({ setup, items });
 */
const judgeBatch = _startWorker();
export default judgeBatch;
