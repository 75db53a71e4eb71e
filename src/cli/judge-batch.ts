/**
 * Judging a batch of read items for `check --workers N` (and `report --period --workers N`), the
 * same on a worker thread (`worker.ts`) and on the main thread (`check-workers.ts`, which judges
 * batches too): each case exactly as the single-threaded path does (`evaluateCases`, or
 * `periodOutcome` for a period report), one outcome per item, in order.
 */
import { withoutDrillDown } from '../engine/evaluate-case.js';
import { type CaseOutcome, evaluateCases } from '../engine/evaluate-cases.js';
import type { PreparedEvaluation } from '../engine/prepare.js';
import type { Ruleset } from '../engine/ruleset.js';
import type { Config } from '../model/config.js';
import type { CaseResult, Detail } from '../model/finding.js';
import { type PeriodOutcome, type PeriodWork, periodOutcome } from '../period/period-case.js';
import { type ReadItem, type SourceRef, wholeCaseItem } from '../readers/types.js';
import { formatNdjsonCase } from '../reporters/ndjson.js';
import { type EvaluatorName, evaluatorNamed } from './evaluator-option.js';
import { type PackedShare, packShares, summaryShare, unpackShares } from './summary-share.js';

/** What every task of one run shares: how to judge. */
export interface WorkerSetup {
  /** The ruleset directory (absolute), or none for the shipped one. */
  rulesetDir?: string | undefined;
  config: Config;
  only?: readonly string[] | undefined;
  skip?: readonly string[] | undefined;
  asOfMs: number;
  timeline: boolean;
  /** How much each finding's `measured` holds. */
  detail: Detail;
  /** Return each case's NDJSON line (`formatNdjsonCase`). */
  line: boolean;
  /** Return each whole `CaseResult` (else only what the summary counts). */
  full: boolean;
  /** How conditions are decided (`--evaluator`): each rule's compiled tests unless named. */
  evaluator?: EvaluatorName | undefined;
  /** For a period report: each case's share of it (`period-case.ts`) is worked out, not its findings. */
  period?: PeriodWork | undefined;
}

/**
 * A case to judge: the item as read, or (a whole case of an NDJSON input, handed to a worker)
 * the text it was parsed from and where it was read, parsed again where it is judged: cloning a
 * parsed case into a worker costs more than parsing its text.
 */
export type WorkerItem = { item: ReadItem } | { json: string; source: SourceRef };

/** The read item a {@link WorkerItem} stands for, as the reader made it. */
export const itemOf = (w: WorkerItem): ReadItem =>
  'json' in w ? wholeCaseItem(JSON.parse(w.json) as Record<string, unknown>, w.source) : w.item;

/** The outcome of one item, in the order of the task's items; `lineBytes` is its line's share of `lines`. */
export type WorkerOutcome =
  | { kind: 'judged'; result: CaseResult; lineBytes?: number }
  | Extract<CaseOutcome, { kind: 'rejected' }>
  | Extract<PeriodOutcome, { kind: 'records' }>
  | { kind: 'error'; message: string; stack?: string | undefined };

/** A batch's outcomes, and (when asked) the NDJSON line of each judged case, UTF-8, in order. */
export interface JudgedBatch {
  outcomes: WorkerOutcome[];
  lines: Buffer[];
}

/**
 * Judges a batch: one outcome per item, each judged result carrying its item's `source`; an
 * unexpected error becomes an `error` outcome at its case, and nothing after it is judged.
 *
 * @example
 * const { outcomes, lines } = await judgeItems(items, setup, { ruleset, prepared });
 */
export async function judgeItems(
  items: readonly WorkerItem[],
  setup: WorkerSetup,
  using: { ruleset: Ruleset; prepared: PreparedEvaluation },
): Promise<JudgedBatch> {
  if (setup.period)
    return { outcomes: _periodItems(items, setup.asOfMs, setup.period, using.prepared), lines: [] };
  const options = {
    ...using,
    asOf: setup.asOfMs,
    timeline: setup.timeline,
    evaluator: evaluatorNamed(setup.evaluator),
    detail: setup.detail,
  };
  const outcomes: WorkerOutcome[] = [];
  const lines: Buffer[] = [];
  for (const given of items) {
    const item = itemOf(given);
    try {
      // One item at a time, so that an unexpected error stops at its case, as it does on one thread.
      for await (const outcome of evaluateCases([item], options) as AsyncGenerator<CaseOutcome>) {
        if (outcome.kind === 'rejected') {
          outcomes.push(outcome);
          continue;
        }
        const source = item.source;
        const result: CaseResult = source
          ? { ...outcome.result, source: { file: source.file, line: source.line } }
          : outcome.result;
        const judged: WorkerOutcome = { kind: 'judged', result: setup.full ? result : summaryShare(result) };
        if (setup.line) {
          const line = Buffer.from(formatNdjsonCase(withoutDrillDown(result)));
          lines.push(line);
          judged.lineBytes = line.length;
        }
        outcomes.push(judged);
      }
    } catch (e) {
      const err = e as Error;
      outcomes.push({ kind: 'error', message: err?.message ?? String(e), stack: err?.stack });
      break;
    }
  }
  return { outcomes, lines };
}

/** Each item's share of a period report; an unexpected error stops the batch at its case, as in {@link judgeItems}. */
function _periodItems(
  items: readonly WorkerItem[],
  asOfMs: number,
  work: PeriodWork,
  prepared: PreparedEvaluation,
): WorkerOutcome[] {
  const outcomes: WorkerOutcome[] = [];
  for (const w of items) {
    try {
      outcomes.push(periodOutcome(itemOf(w), prepared, asOfMs, work));
    } catch (e) {
      const err = e as Error;
      outcomes.push({ kind: 'error', message: err?.message ?? String(e), stack: err?.stack });
      break;
    }
  }
  return outcomes;
}

/**
 * A batch's answer as it crosses back to the main thread: the outcomes (with `refs`, the judged
 * ones packed by `packShares`), and (when asked) the NDJSON lines of the judged cases, UTF-8, one
 * after another, in one buffer to send in one piece.
 */
export interface BatchAnswer {
  outcomes: (WorkerOutcome | PackedShare)[];
  refs?: string[];
  lines?: Uint8Array;
}

/**
 * Judges a batch ({@link judgeItems}) and makes its answer for the main thread: when only the
 * summary reads the results (no document report), their shares go packed.
 *
 * @example
 * const answer = await answerBatch(items, setup, { ruleset, prepared });
 */
export async function answerBatch(
  items: readonly WorkerItem[],
  setup: WorkerSetup,
  using: { ruleset: Ruleset; prepared: PreparedEvaluation },
): Promise<BatchAnswer> {
  const { outcomes, lines } = await judgeItems(items, setup, using);
  const answer: BatchAnswer = setup.full ? { outcomes } : packShares(outcomes);
  if (setup.line) answer.lines = Buffer.concat(lines);
  return answer;
}

/**
 * The outcomes of a {@link BatchAnswer}, unpacked: the same as {@link judgeItems} gave.
 *
 * @example
 * const outcomes = outcomesOf(await pool.run(task));
 */
export const outcomesOf = (answer: BatchAnswer): WorkerOutcome[] =>
  answer.refs === undefined
    ? (answer.outcomes as WorkerOutcome[])
    : unpackShares({ refs: answer.refs, outcomes: answer.outcomes });
