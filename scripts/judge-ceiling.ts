/**
 * What two busy threads give on this machine, for the judging alone (`docs/performance.md`,
 * Worker threads): the same generated cases are parsed, judged (`evaluateCase`, full ruleset)
 * and printed (`formatNdjsonCase`) by one copy alone, by two worker threads of one process at
 * once, and by two processes at once, in interleaved rounds. No reading, no pool, no messages:
 * if two copies together do less than 1.6 × the work per second of one alone, no `--workers 2`
 * can, and if threads do as well as processes, the pool's threads cost nothing processes would not.
 *
 *   npx tsx scripts/judge-ceiling.ts [--cases 1000] [--passes 3] [--rounds 3] [--seed 1] [--json]
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { evaluateCase, formatNdjsonCase, loadRuleset, prepareEvaluation } from '../src/index.js';
import { makeCase, rng } from './generate-log.js';

/** One round: ms per case of one copy alone, and of each of two copies at once. */
export interface CeilingRound {
  aloneMsPerCase: number;
  threadsMsPerCase: [number, number];
  processesMsPerCase: [number, number];
  /** Work per second of the two threads together, over one copy alone's. */
  threadsSpeedup: number;
  processesSpeedup: number;
}

type Job = { cases: number; passes: number; seed: number };

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
/** A whole number of at least 1 from `--name`, or its default; anything else stops with exit code 2. */
const count = (name: string, otherwise: number): number => {
  const raw = arg(name);
  const n = raw === undefined ? otherwise : Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number of at least 1, not ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
};
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Parses, judges and prints the cases `passes` times after one warm-up pass: ms per case. */
async function judgeCopy({ cases, passes, seed }: Job): Promise<number> {
  const r = rng(seed);
  const lines = Array.from({ length: cases }, (_, n) => JSON.stringify(makeCase(n, r)));
  const ruleset = await loadRuleset();
  const prepared = prepareEvaluation(ruleset);
  const asOf = Date.parse('2026-06-30T17:00:00+01:00'); // the bench's default
  const pass = async () => {
    for (const line of lines)
      formatNdjsonCase(await evaluateCase(JSON.parse(line), { ruleset, prepared, asOf }));
  };
  await pass();
  const start = performance.now();
  for (let p = 0; p < passes; p++) await pass();
  return (performance.now() - start) / (cases * passes);
}

/**
 * Two copies as worker threads of this process, started together. A worker does not inherit
 * tsx's loader, so each starts from a line of JavaScript that loads this file through tsx's API.
 */
function inThreads(job: Job): Promise<number[]> {
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const self = JSON.stringify(import.meta.url);
  const code = `import(${api}).then(({ tsImport }) => tsImport(${self}, ${self}))`;
  return Promise.all(
    [0, 1].map(
      () =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(code, { eval: true, workerData: job });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
}

/** One copy in a process of its own (the same Node flags, tsx included). */
function inProcess(job: Job): Promise<number> {
  const self = fileURLToPath(import.meta.url);
  const flags = ['--child', '--cases', job.cases, '--passes', job.passes, '--seed', job.seed].map(String);
  return new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, self, ...flags], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(Number(out)) : reject(new Error(`copy exited with ${code}`)),
    );
  });
}

const speedup = (aloneMs: number, pair: number[]) =>
  round(
    pair.reduce((t, ms) => t + aloneMs / ms, 0),
    2,
  );

if (!isMainThread) parentPort?.postMessage(await judgeCopy(workerData as Job));
else if (args.includes('--child')) {
  const job = { cases: count('cases', 1), passes: count('passes', 1), seed: count('seed', 1) };
  process.stdout.write(String(await judgeCopy(job)));
} else {
  const job: Job = {
    cases: count('cases', 1000),
    passes: count('passes', 3),
    seed: count('seed', 1),
  };
  const roundCount = count('rounds', 3);
  const rounds: CeilingRound[] = [];
  for (let i = 0; i < roundCount; i++) {
    // A copy alone in a fresh process, like the others (this one has loaded the ruleset already).
    const a = await inProcess(job);
    const t = await inThreads(job);
    const p = await Promise.all([inProcess(job), inProcess(job)]);
    rounds.push({
      aloneMsPerCase: round(a),
      threadsMsPerCase: [round(t[0] as number), round(t[1] as number)],
      processesMsPerCase: [round(p[0] as number), round(p[1] as number)],
      threadsSpeedup: speedup(a, t),
      processesSpeedup: speedup(a, p),
    });
  }
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify({ ...job, rounds })}\n`);
  else {
    console.log(
      `${job.cases} generated cases, timed passes: ${job.passes} (after one warm-up pass); ms per case:`,
    );
    for (const r of rounds)
      console.log(
        `  alone ${r.aloneMsPerCase}; two threads ${r.threadsMsPerCase.join(' / ')} (${r.threadsSpeedup} ×); two processes ${r.processesMsPerCase.join(' / ')} (${r.processesSpeedup} ×)`,
      );
  }
}
