/**
 * The worker of `check --workers N` (a piscina task module, built as `dist/worker.js` beside
 * `dist/cli.js`). Each task is a batch of cases as the readers yielded them; the worker loads the
 * ruleset and prepares it for the run's configuration once (cached), judges each case exactly as
 * the single-threaded path does (`evaluateCases`), and returns one outcome per case, in order.
 */
import { readFile } from 'node:fs/promises';
import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { type CaseOutcome, evaluateCases } from '../engine/evaluate-cases.js';
import { type PreparedEvaluation, prepareEvaluation } from '../engine/prepare.js';
import type { Ruleset } from '../engine/ruleset.js';
import type { Config } from '../model/config.js';
import type { CaseResult } from '../model/finding.js';
import type { ReadItem } from '../readers/types.js';
import { formatNdjsonCase } from '../reporters/ndjson.js';
import { loadRuleset } from '../rules/load-ruleset.js';

/** What the pool's workers prepare as they start (`workerData`), while the main thread starts too. */
export interface WorkerWarmUp {
  /** The ruleset directory (absolute), or none for the shipped one. */
  rulesetDir?: string | undefined;
  /** The configuration file (absolute), or none. */
  configFile?: string | undefined;
  only?: readonly string[] | undefined;
  skip?: readonly string[] | undefined;
}

/** What every task of one run shares: how to judge. */
export interface WorkerSetup {
  /** The ruleset directory (absolute), or none for the shipped one. */
  rulesetDir?: string | undefined;
  config: Config;
  only?: readonly string[] | undefined;
  skip?: readonly string[] | undefined;
  asOfMs: number;
  timeline: boolean;
  /** Return each case's NDJSON line (`formatNdjsonCase`). */
  line: boolean;
  /** Return each whole `CaseResult` (else only what the summary counts). */
  full: boolean;
}

/** One task: a batch of read items. */
export interface WorkerTask {
  setup: WorkerSetup;
  items: ReadItem[];
}

/** The outcome of one item, in the order of the task's items; `lineBytes` is its line's share of `lines`. */
export type WorkerOutcome =
  | { kind: 'judged'; result: CaseResult; lineBytes?: number }
  | Extract<CaseOutcome, { kind: 'rejected' }>
  | { kind: 'error'; message: string; stack?: string | undefined };

/** A task's answer: the outcomes, and (when asked) the NDJSON lines of the judged cases, UTF-8, one after another. */
export interface WorkerResult {
  outcomes: WorkerOutcome[];
  lines?: Uint8Array;
}

const _setups = new Map<string, Promise<{ ruleset: Ruleset; prepared: PreparedEvaluation }>>();

function _prepared(setup: Pick<WorkerSetup, 'rulesetDir' | 'config' | 'only' | 'skip'>) {
  const key = JSON.stringify([setup.rulesetDir ?? null, setup.config, setup.only ?? [], setup.skip ?? []]);
  let hit = _setups.get(key);
  if (!hit) {
    hit = (async () => {
      const ruleset = await loadRuleset(setup.rulesetDir ? { dir: setup.rulesetDir } : {});
      // The main thread has prepared the same options already, so they are known to be valid.
      const prepared = prepareEvaluation(ruleset, {
        config: setup.config,
        only: setup.only,
        skip: setup.skip,
      });
      return { ruleset, prepared };
    })();
    _setups.set(key, hit);
    // A failure is the main thread's to report (it prepares the same first); try again on a task.
    hit.catch(() => _setups.delete(key));
  }
  return hit;
}

/** Loads and prepares the ruleset as the worker starts, so the first batch finds it ready. */
async function _warmUp(w: WorkerWarmUp): Promise<void> {
  const config = w.configFile ? (JSON.parse(await readFile(w.configFile, 'utf8')) as Config) : {};
  await _prepared({ rulesetDir: w.rulesetDir, config, only: w.only, skip: w.skip });
}

const _warm = (workerData as { warmUp?: WorkerWarmUp } | null)?.warmUp;
if (_warm) _warmUp(_warm).catch(() => {});

/** The summary's share of a result: what `SummaryBuilder.addResult` and the progress read. */
const _slim = (r: CaseResult): CaseResult =>
  ({
    caseId: r.caseId,
    status: r.status,
    events: r.events,
    eventsAfterAsOf: r.eventsAfterAsOf,
    findings: r.findings.map((f) => ({ ref: f.ref, status: f.status })),
  }) as CaseResult;

/**
 * Judges a batch.
 *
 * @example
 * const outcomes = await pool.run({ setup, items });
 */
export default async function judgeBatch(task: WorkerTask): Promise<WorkerResult> {
  const { setup } = task;
  const { ruleset, prepared } = await _prepared(setup);
  const options = { ruleset, prepared, asOf: setup.asOfMs, timeline: setup.timeline };
  const out: WorkerOutcome[] = [];
  const lines: string[] = [];
  for (const item of task.items) {
    try {
      // One item at a time, so that an unexpected error stops at its case, as it does on one thread.
      for await (const outcome of evaluateCases([item], options) as AsyncGenerator<CaseOutcome>) {
        if (outcome.kind === 'rejected') {
          out.push(outcome);
          continue;
        }
        const source = item.source;
        const result: CaseResult = source
          ? { ...outcome.result, source: { file: source.file, line: source.line } }
          : outcome.result;
        const judged: WorkerOutcome = { kind: 'judged', result: setup.full ? result : _slim(result) };
        if (setup.line) {
          const line = formatNdjsonCase(result);
          lines.push(line);
          judged.lineBytes = Buffer.byteLength(line);
        }
        out.push(judged);
      }
    } catch (e) {
      const err = e as Error;
      out.push({ kind: 'error', message: err?.message ?? String(e), stack: err?.stack });
      break;
    }
  }
  if (!setup.line) return { outcomes: out };
  // The lines go back as one buffer, moved rather than copied: the main thread only writes them.
  let total = 0;
  for (const o of out) if (o.kind === 'judged') total += o.lineBytes ?? 0;
  const bytes = new Uint8Array(total);
  const encoder = new TextEncoder();
  let at = 0;
  for (const line of lines) at += encoder.encodeInto(line, bytes.subarray(at)).written;
  const result: WorkerResult = { outcomes: out, lines: bytes };
  return move({
    [transferableSymbol]: [bytes.buffer],
    [valueSymbol]: result,
  } as unknown as ArrayBuffer) as unknown as WorkerResult;
}
