/**
 * The reading loop of `report --period`: each case's share of the period report, worked out on
 * this thread or on check's worker pool, in input order, its problems located in the input.
 */
import { resolve } from 'node:path';
import { type PeriodOutcome, type PeriodWork, periodOutcome } from '../period/period-case.js';
import { locateIssues } from '../readers/locate.js';
import type { CaseReader } from '../readers/read-cases.js';
import type { SourceRef } from '../readers/types.js';
import { rulesetDirOf } from '../rules/load-ruleset.js';
import type { CheckSetup } from './check-setup.js';
import { type CheckPool, evaluateInWorkers } from './check-workers.js';

/** One case's share, with where it was read; `restoreStats` (with `strict`) rewinds the read stats to it. */
interface _Sourced {
  outcome: PeriodOutcome;
  source: SourceRef | undefined;
  restoreStats?: (() => void) | undefined;
}

/** What {@link periodOutcomes} needs beyond the setup. */
export interface PeriodJudging {
  work: PeriodWork;
  strict: boolean;
  /** The `--ruleset` given (a worker loads it again by directory). */
  ruleset?: string | undefined;
  /** A callback for each outcome taken, so that the caller can check that none was lost. */
  onOutcome?: (() => void) | undefined;
}

/**
 * Every case `reader` gives, as its share of the period report, in input order: on the pool when
 * there is one (the output is the same). A rejected case's problems name the file and line.
 *
 * @example
 * const report = await tallyPeriod(periodOutcomes(reader, setup, undefined, { work, strict: false }), { ... });
 */
export async function* periodOutcomes(
  reader: CaseReader,
  setup: CheckSetup,
  pool: CheckPool | undefined,
  judging: PeriodJudging,
): AsyncGenerator<PeriodOutcome> {
  const sourced = pool ? _inWorkers(reader, setup, pool, judging) : _here(reader, setup, judging.work);
  for await (const { outcome, source, restoreStats } of sourced) {
    judging.onOutcome?.();
    if (outcome.kind === 'records') {
      yield outcome;
      continue;
    }
    // --strict stops at this case: reading ran ahead of it on the pool, so the stats go back.
    if (judging.strict) restoreStats?.();
    const problems = locateIssues(outcome.rejected.problems, source);
    yield { kind: 'rejected', rejected: { ...outcome.rejected, problems } };
  }
}

async function* _here(reader: CaseReader, setup: CheckSetup, work: PeriodWork): AsyncGenerator<_Sourced> {
  for await (const item of reader)
    yield { outcome: periodOutcome(item, setup.prepared, setup.asOfMs, work), source: item.source };
}

async function* _inWorkers(
  reader: CaseReader,
  setup: CheckSetup,
  pool: CheckPool,
  judging: PeriodJudging,
): AsyncGenerator<_Sourced> {
  for await (const o of evaluateInWorkers(reader, {
    pool,
    stats: reader.stats,
    strict: judging.strict,
    // The main thread works out batches too, with the ruleset it has prepared already.
    local: { ruleset: setup.ruleset, prepared: setup.prepared },
    setup: {
      rulesetDir: judging.ruleset ? resolve(rulesetDirOf(judging.ruleset)) : undefined,
      config: setup.config,
      asOfMs: setup.asOfMs,
      timeline: false,
      detail: 'summary',
      line: false,
      full: false,
      period: judging.work,
    },
  })) {
    if (o.kind === 'judged') throw new Error('internal error: a worker judged a case for a period report');
    const { item, restoreStats } = o;
    const outcome: PeriodOutcome =
      o.kind === 'records'
        ? { kind: 'records', records: o.records }
        : { kind: 'rejected', rejected: o.rejected };
    yield { outcome, source: item.source, restoreStats };
  }
}
