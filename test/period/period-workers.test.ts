/**
 * `report --period --workers N` in process (`src/cli/period-judge.ts`), on a stand-in pool that
 * works out each task with the worker's own code after a random delay: however the batches fall
 * between the main thread and the pool, the report is the one `periodReport` makes on one
 * thread, rejected cases included, and the pool did take a share.
 */
import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/generate-log.js';
import { makeMchpCase } from '../../scripts/mchp-case.js';
import type { CheckSetup } from '../../src/cli/check-setup.js';
import type { CheckPool } from '../../src/cli/check-workers.js';
import { judgeItems } from '../../src/cli/judge-batch.js';
import { periodOutcomes } from '../../src/cli/period-judge.js';
import type { WorkerResult, WorkerTask } from '../../src/cli/worker.js';
import { prepareEvaluation } from '../../src/engine/prepare.js';
import { parsePeriod } from '../../src/period/period.js';
import { kpiTimescales, periodReport, tallyPeriod } from '../../src/period/period-report.js';
import type { CaseReader } from '../../src/readers/read-cases.js';
import { createReadStats } from '../../src/readers/stats.js';
import type { ReadItem } from '../../src/readers/types.js';
import { loadRuleset } from '../../src/rules/load-ruleset.js';

const ruleset = await loadRuleset({ id: 'mchp-scotland-2020' });
const prepared = prepareEvaluation(ruleset, {});
const asOfMs = Date.parse('2026-04-30T22:59:59Z');
const period = parsePeriod('2025-04-01..2026-03-31');
const work = { period, timescales: kpiTimescales(ruleset, {}) };

/** 500 generated cases, one of them invalid. */
function cases(): ReadItem[] {
  const r = rng(5);
  const list: ReadItem[] = Array.from({ length: 500 }, (_, n) => makeMchpCase(n, r) as ReadItem);
  list.splice(200, 0, {
    caseId: 'BAD',
    events: [{ id: 'x1', type: 'complaint.received', at: 'not a date' }],
  } as ReadItem);
  return list;
}

function reader(list: readonly ReadItem[]): CaseReader {
  async function* read(): AsyncGenerator<ReadItem, void, undefined> {
    for (const item of list) yield item;
  }
  return Object.assign(read(), { stats: createReadStats() });
}

/** A pool working out each task in process after a random delay, on a copy as a thread would see it. */
function standInPool(seed: number): CheckPool & { cases: number } {
  const random = rng(seed);
  let cases = 0;
  return {
    workers: 3,
    threads: 2,
    ready: 2,
    get cases() {
      return cases;
    },
    async run(task: WorkerTask): Promise<WorkerResult> {
      cases += task.items.length;
      const copy = structuredClone(task);
      await new Promise((r) => setTimeout(r, Math.floor(random() * 20)));
      return { outcomes: (await judgeItems(copy.items, copy.setup, { ruleset, prepared })).outcomes };
    },
    async destroy() {},
  };
}

const setup = {
  ruleset,
  config: {},
  calendarWarnings: [],
  prepared,
  minimums: [],
  failOn: 'fail',
  asOfMs,
  asOfSource: 'option',
} satisfies CheckSetup;

describe('report --period on a pool', () => {
  it.each([1, 2, 3])('gives the report of one thread (seed %i)', async (seed) => {
    const list = cases();
    const one = await periodReport(list, { ruleset, prepared, period, asOf: asOfMs });
    const pool = standInPool(seed);
    const many = await tallyPeriod(periodOutcomes(reader(list), setup, pool, { work, strict: false }), {
      prepared,
      period,
      asOfMs,
    });
    expect(pool.cases).toBeGreaterThan(0);
    expect(many.rejected.map((r) => r.caseId)).toEqual(['BAD']);
    expect(many).toEqual(one);
    expect(one.figures.find((f) => f.id === 'received')?.value).toBeGreaterThan(50);
  });
});
