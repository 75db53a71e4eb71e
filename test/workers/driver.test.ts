/**
 * The driver of `check --workers N` (`src/cli/check-workers.ts`), in process, on a stand-in pool
 * that judges each task with the worker's own code after a random delay, and becomes ready only
 * after a while: however the batches fall between the main thread and the workers, the outcomes
 * come in input order and are those of one thread (the NDJSON line byte for byte, the summary's
 * share of each result); a read error comes after the outcomes of everything read before it,
 * and a failing task stops the run.
 */
import { describe, expect, it } from 'vitest';
import { makeCase } from '../../scripts/generate-log.js';
import { type CheckPool, evaluateInWorkers, type ParallelOutcome } from '../../src/cli/check-workers.js';
import { answerBatch, itemOf, type WorkerSetup } from '../../src/cli/judge-batch.js';
import { summaryShare } from '../../src/cli/summary-share.js';
import type { WorkerResult, WorkerTask } from '../../src/cli/worker.js';
import { type CaseOutcome, evaluateCases } from '../../src/engine/evaluate-cases.js';
import { prepareEvaluation } from '../../src/engine/prepare.js';
import { readCases, readCasesWithText } from '../../src/readers/read-cases.js';
import { createReadStats } from '../../src/readers/stats.js';
import { isRejected, type ReadItem, wholeCaseItem } from '../../src/readers/types.js';
import { formatNdjsonCase } from '../../src/reporters/ndjson.js';
import { loadRuleset } from '../../src/rules/load-ruleset.js';

const SAMPLE = 'fixtures/sample/sample.ndjson';
const asOfMs = Date.parse('2025-06-30T16:00:00Z');
const ruleset = await loadRuleset();
const prepared = prepareEvaluation(ruleset, {});
const setup: WorkerSetup = {
  config: {},
  asOfMs,
  timeline: false,
  detail: 'findings',
  line: true,
  full: false,
};

/** A random source seeded, so that each run of the test is the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A pool judging each task in process, after a random delay; ready after `readyAfterMs`. */
function standInPool(
  seed: number,
  readyAfterMs: number,
  fail?: (task: WorkerTask) => boolean,
): CheckPool & { cases: number } {
  const random = rng(seed);
  let ready = 0;
  let cases = 0;
  setTimeout(() => {
    ready = 1;
  }, readyAfterMs);
  return {
    workers: 2,
    threads: 1,
    get ready() {
      return ready;
    },
    get cases() {
      return cases;
    },
    async run(task: WorkerTask): Promise<WorkerResult> {
      cases += task.items.length;
      // The task crosses a thread: the worker sees a copy.
      const copy = structuredClone(task);
      await new Promise((r) => setTimeout(r, Math.floor(random() * 30)));
      if (fail?.(copy)) throw new Error('the worker died');
      // The answer crosses back: the main thread sees a copy too.
      return structuredClone(await answerBatch(copy.items, copy.setup, { ruleset, prepared }));
    },
    async destroy() {},
  };
}

/**
 * The sample read four times (its cases read again are rejected), then cases of the bench's
 * generator: enough cases judged for the workers to have some, whenever they are ready.
 */
async function items(): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readCases([SAMPLE, SAMPLE, SAMPLE, SAMPLE])) out.push(item);
  const r = rng(5);
  for (let n = 0; n < 100; n++)
    out.push(wholeCaseItem({ ...makeCase(n, r) }, { file: 'generated.ndjson', line: n + 1 }));
  return out;
}

async function* from(list: readonly ReadItem[], failAt?: number): AsyncGenerator<ReadItem> {
  for (let i = 0; i < list.length; i++) {
    if (i === failAt) throw new Error('the input broke off');
    yield list[i] as ReadItem;
  }
}

/** What one thread gives for each item. */
async function oneThreadOutcomes(list: readonly ReadItem[]): Promise<CaseOutcome[]> {
  const out: CaseOutcome[] = [];
  for await (const o of evaluateCases(list, {
    ruleset,
    prepared,
    asOf: asOfMs,
  }) as AsyncGenerator<CaseOutcome>)
    out.push(o);
  return out;
}

/** What one thread writes for each item: its NDJSON line, or its rejection. */
async function oneThread(list: readonly ReadItem[]): Promise<string[]> {
  return (await oneThreadOutcomes(list)).map((o, i) => {
    const source = (list[i] as ReadItem).source;
    return o.kind === 'judged'
      ? formatNdjsonCase({ ...o.result, source: { file: source.file, line: source.line } })
      : `rejected ${o.rejected.caseId}`;
  });
}

const text = (o: ParallelOutcome) =>
  o.kind === 'judged'
    ? new TextDecoder().decode(o.line)
    : `${o.kind} ${o.kind === 'rejected' ? o.rejected.caseId : ''}`;

describe('evaluateInWorkers', () => {
  it('yields what one thread does, in input order, however the batches fall', async () => {
    const list = await items();
    expect(list.length).toBeGreaterThan(150);
    const expected = await oneThread(list);
    const shares = (await oneThreadOutcomes(list)).map((o) =>
      o.kind === 'judged' ? summaryShare(o.result) : undefined,
    );
    for (const [seed, readyAfterMs] of [
      [1, 0],
      [2, 40],
      [3, 10_000],
    ] as const) {
      const got: string[] = [];
      const pool = standInPool(seed, readyAfterMs);
      for await (const o of evaluateInWorkers(from(list), {
        pool,
        setup,
        stats: createReadStats(),
        strict: false,
        local: { ruleset, prepared },
      })) {
        got.push(text(o));
        // What the report's year range and the summary read are kept.
        expect(o.item.source).toEqual((list[got.length - 1] as ReadItem).source);
        // The summary's share of each result, packed by a worker or not, is one thread's.
        if (o.kind === 'judged') expect(o.result).toEqual(shares[got.length - 1]);
      }
      expect(got).toEqual(expected);
      // The main thread judged some, the stand-in worker the others (none when never ready).
      if (readyAfterMs < 1000) expect(pool.cases).toBeGreaterThan(0);
      else expect(pool.cases).toBe(0);
      expect(pool.cases).toBeLessThan(list.length);
    }
  });

  it('yields the same when the workers are handed each case as the text it was read from', async () => {
    // The sample again and again: its cases read again are rejected, and handed over as items.
    const reader = readCasesWithText([SAMPLE, SAMPLE, SAMPLE]);
    const list: ReadItem[] = [];
    const texts = new Map<ReadItem, string>();
    for await (const item of reader) {
      list.push(item);
      const json = reader.textOf(item);
      if (json !== undefined) texts.set(item, json);
    }
    // Every case of the sample is a whole case on a line of its own, read without problems.
    expect(texts.size).toBe(list.filter((item) => !isRejected(item)).length);
    expect(texts.size).toBe(50);
    const sent: string[] = [];
    const pool = standInPool(7, 0);
    // Ready from the start, so that the first cases (the sample's, not yet repeated) go to it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const run = pool.run.bind(pool);
    pool.run = (task) => {
      for (const w of task.items) if ('json' in w) sent.push(w.json);
      return run(task);
    };
    const got: string[] = [];
    for await (const o of evaluateInWorkers(from(list), {
      pool,
      setup,
      stats: createReadStats(),
      strict: false,
      local: { ruleset, prepared },
      textOf: (item) => texts.get(item),
    }))
      got.push(text(o));
    expect(got).toEqual(await oneThread(list));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(pool.cases);
  });

  it('keeps the earliest and latest event years of the cases handed over', async () => {
    const list = await items();
    const yearsOf = (item: ReadItem) =>
      'events' in item
        ? (item.events as { at?: unknown }[]).map((e) => Number(String(e.at).slice(0, 4)))
        : [];
    let n = 0;
    for await (const o of evaluateInWorkers(from(list), {
      pool: standInPool(4, 0),
      setup,
      stats: createReadStats(),
      strict: false,
      local: { ruleset, prepared },
    })) {
      const original = list[n++] as ReadItem;
      const all = yearsOf(original);
      const kept = yearsOf(o.item);
      if (all.length > 0) {
        expect(Math.min(...kept)).toBe(Math.min(...all));
        expect(Math.max(...kept)).toBe(Math.max(...all));
      }
    }
  });

  it('throws a read error after the outcomes of everything read before it', async () => {
    const list = await items();
    const expected = await oneThread(list.slice(0, 101));
    const got: string[] = [];
    await expect(async () => {
      for await (const o of evaluateInWorkers(from(list, 101), {
        pool: standInPool(5, 0),
        setup,
        stats: createReadStats(),
        strict: false,
        local: { ruleset, prepared },
      }))
        got.push(text(o));
    }).rejects.toThrow('the input broke off');
    expect(got).toEqual(expected);
  });

  it('stops at a task that fails, after the outcomes before it', async () => {
    const list = await items();
    const got: string[] = [];
    await expect(async () => {
      for await (const o of evaluateInWorkers(from(list), {
        pool: standInPool(6, 0, (task) => task.items.some((i) => itemOf(i).source.line === 40)),
        setup,
        stats: createReadStats(),
        strict: false,
        local: { ruleset, prepared },
      }))
        got.push(text(o));
    }).rejects.toThrow('the worker died');
    expect(got).toEqual((await oneThread(list)).slice(0, got.length));
  });
});
