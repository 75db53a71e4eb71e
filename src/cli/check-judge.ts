/**
 * The judging loop of `check`: every case read, judged on this thread or on the worker pool,
 * each outcome with the item it is about, in input order.
 */
import { resolve } from 'node:path';
import { type CaseOutcome, evaluateCases } from '../engine/evaluate-cases.js';
import type { CaseReader, CaseTextReader } from '../readers/read-cases.js';
import type { ReadItem, SourceRef } from '../readers/types.js';
import { rulesetDirOf } from '../rules/load-ruleset.js';
import type { CheckOptions } from './check-options.js';
import type { CheckSetup } from './check-setup.js';
import { type CheckPool, evaluateInWorkers } from './check-workers.js';
import { evaluatorNamed } from './evaluator-option.js';

/** One case's outcome, with where it was read and (from a worker) its NDJSON line. */
export interface JudgedItem {
  outcome: CaseOutcome;
  /** The item read (of a case handed to a worker, what the year range reads of it). */
  item: ReadItem;
  source: SourceRef | undefined;
  line?: Uint8Array | undefined;
  /** When --strict stops at this case: rewinds the read stats to when it was read. */
  restoreStats?: (() => void) | undefined;
}

/** What judging needs beyond the setup: how much to keep of each case, and for which reports. */
export interface JudgeOptions {
  timeline: boolean;
  /** Whether workers make each case's NDJSON line. */
  lines: boolean;
  /** Whether each case comes back whole (a document report reads it), not only what the summary needs. */
  full: boolean;
}

/**
 * Judges every case `reader` gives, in input order.
 *
 * @example
 * for await (const j of judgeAll(reader, setup, options, pool, judging)) take(j);
 */
export function judgeAll(
  reader: CaseReader,
  setup: CheckSetup,
  options: CheckOptions,
  pool: CheckPool | undefined,
  judging: JudgeOptions,
): AsyncGenerator<JudgedItem> {
  return pool ? _inWorkers(reader, setup, options, pool, judging) : _here(reader, setup, options, judging);
}

async function* _here(
  reader: CaseReader,
  setup: CheckSetup,
  options: CheckOptions,
  judging: JudgeOptions,
): AsyncGenerator<JudgedItem> {
  // evaluateCases pulls one item, judges it and yields it before pulling the next, so the item
  // last read is the one each outcome is about: that is where its source comes from.
  let current: ReadItem | undefined;
  async function* tracked(): AsyncGenerator<ReadItem> {
    for await (const item of reader) {
      current = item;
      yield item;
    }
  }
  for await (const outcome of evaluateCases(tracked(), {
    ruleset: setup.ruleset,
    prepared: setup.prepared,
    asOf: setup.asOfMs,
    timeline: judging.timeline,
    evaluator: evaluatorNamed(options.evaluator),
    detail: options.detail ?? 'findings',
  }) as AsyncGenerator<CaseOutcome>) {
    const item = current as ReadItem;
    yield { outcome, item, source: item.source };
  }
}

async function* _inWorkers(
  reader: CaseReader,
  setup: CheckSetup,
  options: CheckOptions,
  pool: CheckPool,
  judging: JudgeOptions,
): AsyncGenerator<JudgedItem> {
  // The same outcomes from worker threads, in input order; each result already carries its
  // source and, for NDJSON, its line (`worker.ts`).
  for await (const o of evaluateInWorkers(reader, {
    pool,
    workers: options.workers ?? 1,
    stats: reader.stats,
    strict: options.strict === true,
    // The main thread judges batches too, with the ruleset it has prepared already.
    local: { ruleset: setup.ruleset, prepared: setup.prepared },
    textOf: 'textOf' in reader ? (reader as CaseTextReader).textOf : undefined,
    setup: {
      rulesetDir: options.ruleset ? resolve(rulesetDirOf(options.ruleset)) : undefined,
      config: setup.config,
      only: options.only,
      skip: options.skip,
      asOfMs: setup.asOfMs,
      timeline: judging.timeline,
      detail: options.detail ?? 'findings',
      line: judging.lines,
      full: judging.full,
      evaluator: options.evaluator,
    },
  })) {
    if (o.kind === 'records')
      throw new Error("internal error: a worker gave a period report's records to check");
    yield o.kind === 'rejected'
      ? { outcome: o, item: o.item, source: o.item.source, restoreStats: o.restoreStats }
      : {
          outcome: { kind: 'judged', result: o.result },
          item: o.item,
          source: undefined,
          line: o.line,
          restoreStats: o.restoreStats,
        };
  }
}
