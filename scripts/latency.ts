/**
 * Single-case latency (`npm run bench` runs it in a process of its own; `docs/performance.md`):
 * 100 distinct 50-event cases (the generator's, padded with contacts and updates, cut to their
 * first 50 events), warm-up calls, then `evaluateCase` N times in process with the default
 * (compiled) evaluator. The warm-up (3000 calls unless `--warmup` says otherwise) is long enough
 * for V8 to finish optimising: after only 300, a few calls in the next thousand still took 3 to 6
 * ms while functions were optimised again, a start-up cost a long-running host pays once and a
 * case-by-case latency figure should not count. It prints p50 and p99 of the single calls; the garbage collections seen in
 * the same timeline (`perf_hooks` `gc` entries): the share of calls one ran in, the median
 * young-generation pause and the p99 of the other calls; and the kB allocated per call (V8's
 * sampling heap profiler, collected objects included).
 *
 *   npx tsx scripts/latency.ts [--runs 2000] [--warmup 3000] [--seed 1] [--json]
 *   node --max-semi-space-size=64 --min-semi-space-size=64 --import tsx scripts/latency.ts
 */
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { evaluateCase, loadRuleset, prepareEvaluation } from '../src/index.js';
import { makeCase, rng } from './generate-log.js';

/** What one run measures. */
export interface LatencyFigures {
  events: number;
  /** Calls made before measuring, for V8 to finish optimising. */
  warmupCalls: number;
  runs: number;
  p50CaseMs: number;
  p99CaseMs: number;
  /** The p99 without the calls during which a garbage collection ran. */
  p99WithoutGcCaseMs: number;
  /** Share of calls during which a garbage collection ran. */
  callsWithGc: number;
  /** Median pause of a young-generation collection (scavenge). */
  scavengeP50Ms: number;
  allocatedKbPerCase: number;
  /** V8 flags of the measuring process, e.g. a larger young generation. */
  v8Flags: string[];
}

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(arg('runs') ?? 2000);
const warmup = Number(arg('warmup') ?? 3000);
const seed = Number(arg('seed') ?? 1);
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** Cases of exactly 50 events (the first 50 in time of a padded case). */
function fiftyEventCases(count: number) {
  const r = rng(seed + 1000);
  const out: ReturnType<typeof makeCase>[] = [];
  for (let n = 0; out.length < count; n++) {
    const c = makeCase(900_000 + n, r, { minEvents: 50 });
    if (c.events.length < 50) continue;
    c.events = [...c.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(0, 50);
    out.push(c);
  }
  return out;
}

/** Node's flags less the module loaders (tsx's `--require`/`--import` and their values). */
function nodeFlags(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--require' || a === '--import' || a === '-r') i++;
    else if (!a.startsWith('--require=') && !a.startsWith('--import=')) out.push(a);
  }
  return out;
}

const ruleset = await loadRuleset();
const prepared = prepareEvaluation(ruleset);
const cases = fiftyEventCases(100);
const asOf = '2027-01-01T00:00:00Z';
const judge = (i: number) =>
  evaluateCase(cases[i % cases.length], { untrusted: true, ruleset, prepared, asOf });
for (let i = 0; i < warmup; i++) await judge(i);

// Each call's span, and the garbage collections in the same timeline: the tail is read both with
// and without the calls a collection ran in.
const spans: { start: number; end: number }[] = [];
const collections: { start: number; end: number; minor: boolean }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as { detail?: { kind?: number } }).detail?.kind;
    collections.push({ start: e.startTime, end: e.startTime + e.duration, minor: kind === 1 });
  }
});
observer.observe({ entryTypes: ['gc'] });
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  await judge(i);
  spans.push({ start, end: performance.now() });
}
await new Promise((resolve) => setTimeout(resolve, 50)); // let the last entries arrive
observer.disconnect();

// Allocation per call: what decides how often a collection lands in a call.
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 1024,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const sampled = 500;
for (let i = 0; i < sampled; i++) await judge(i);
const { profile } = await session.post('HeapProfiler.stopSampling');
session.disconnect();
type SampleNode = { selfSize: number; children: SampleNode[] };
const total = (n: SampleNode): number => n.selfSize + n.children.reduce((t, c) => t + total(c), 0);

const withGc = spans.map((s) => collections.some((g) => g.start < s.end && g.end > s.start));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const durations = spans.map((s) => s.end - s.start);
const figures: LatencyFigures = {
  events: 50,
  warmupCalls: warmup,
  runs: spans.length,
  p50CaseMs: round(percentile(durations, 50), 3),
  p99CaseMs: round(percentile(durations, 99), 3),
  p99WithoutGcCaseMs: round(
    percentile(
      durations.filter((_, i) => !withGc[i]),
      99,
    ),
    3,
  ),
  callsWithGc: round(withGc.filter(Boolean).length / spans.length, 4),
  scavengeP50Ms: round(
    percentile(
      collections.filter((g) => g.minor).map((g) => g.end - g.start),
      50,
    ),
    3,
  ),
  allocatedKbPerCase: round(total(profile.head as unknown as SampleNode) / sampled / 1024),
  v8Flags: nodeFlags(process.execArgv),
};

if (args.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
else {
  const f = figures;
  console.log(
    `one ${f.events}-event case, ${f.runs} calls after ${f.warmupCalls} warm-up calls${f.v8Flags.length ? ` (node ${f.v8Flags.join(' ')})` : ''}:`,
  );
  console.log(`  p50 ${f.p50CaseMs} ms, p99 ${f.p99CaseMs} ms`);
  console.log(
    `  a garbage collection ran during ${round(f.callsWithGc * 100, 1)}% of calls (scavenge median ${f.scavengeP50Ms} ms); p99 of the others ${f.p99WithoutGcCaseMs} ms; ${f.allocatedKbPerCase} kB allocated per call`,
  );
}
