/**
 * The benchmark (`npm run bench`, `docs/performance.md`). On one generated log (seeded,
 * `scripts/generate-log.ts`), in one run:
 *
 * 1. the floor: reading the file and `JSON.parse` of every line (CSV: csv-parse of every row);
 * 2. the reference: the library with the json-rules-engine evaluator, in process;
 * 3. the shipped path: the built command end to end (`node dist/cli.js check FILE --format
 *    ndjson --as-of ...`), with its own wall time and peak RSS (`/usr/bin/time`);
 *
 * then checks that (2) and (3) produced the same findings, byte for byte, measures single-case
 * latency (p50, p99) for a 50-event case with the full ruleset in process (compiled evaluator),
 * and breaks the in-process time down by stage. It prints each rule's status distribution and
 * refuses data on which a rule is more than 90% not applicable.
 *
 * With `--ruleset ID`, another shipped ruleset on its own generated log (NDJSON; the generator's
 * cases for that ruleset): the same steps, the command given `--ruleset ID`, and no latency
 * figure (its 50-event case is the SPSO's). `mchp-scotland-2020` passes the 90% check;
 * `hoc-code-2024`'s log does not yet (S2.2, S2.5, A.1). Without it, the SPSO's ruleset as always.
 *
 * With `--formats`, the command once per output format (`scripts/bench-formats.ts`): peak RSS
 * and report bytes per input byte of each. With `--ceiling`, `--workers 2` against what two
 * copies of the command at once reach. The log is generated once and cached outside the
 * repository (`$BENCH_CACHE`, default `~/.cache/service-standards-bench`). Ends with the issue's
 * targets, each met or not.
 *
 *   npm run bench -- [--cases 3000] [--seed 1] [--format ndjson|csv] [--as-of ISO] [--json] [--ruleset ID]
 *                    [--skip-reference] [--no-verify] [--build] [--workers N] [--latency-runs 2000] [--latency-warmup 3000]
 *                    [--cli PATH (the previous build's command, e.g. a copy of main's dist/cli.js: it
 *                    and dist/cli.js run alternately, three times each, and the target is met when
 *                    this build's median CPU time is no more than that one's)]
 *                    [--ceiling (also run two copies of the command at once: what two threads can
 *                    give on this machine at most, and --workers 2 against it)]
 *                    [--formats (every output format, one run each)]
 *
 * The measured run of docs/performance.md: `npm run bench -- --cases 200000 --formats --ceiling`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, homedir, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse';
import { indexCase } from '../src/engine/case-index.js';
import type { CompiledRule } from '../src/engine/compiled-rule.js';
import { resolveAsOfMs } from '../src/engine/evaluate-case.js';
import { describeAsOf, findingFlags, judgeRule } from '../src/engine/evaluate-rule.js';
import { type ConditionEvaluator, createCompiledEvaluator } from '../src/engine/evaluator.js';
import type { FactValue } from '../src/engine/fact-context.js';
import { normalizeCase } from '../src/engine/normalize.js';
import {
  type CaseResult,
  createJsonRulesEngineEvaluator,
  DEFAULT_RULESET_ID,
  evaluateCases,
  formatNdjsonCase,
  isRejected,
  loadMapping,
  loadRuleset,
  prepareEvaluation,
  type ReadItem,
  readCases,
  STATUSES,
} from '../src/index.js';
import { type FormatFigures, measureFormats } from './bench-formats.js';
import { generateLog } from './generate-log.js';
import type { LatencyFigures } from './latency.js';

const ROOT = new URL('..', import.meta.url).pathname;
process.chdir(ROOT);
// A 200,000-case log is about a gigabyte: kept outside the repository, made once per size and seed.
const BENCH_DIR = process.env.BENCH_CACHE ?? join(homedir(), '.cache', 'service-standards-bench');
mkdirSync(BENCH_DIR, { recursive: true });

// ---- Options --------------------------------------------------------------------------------

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const opts = {
  cases: Number(arg('cases') ?? 3000),
  seed: Number(arg('seed') ?? 1),
  format: (arg('format') ?? 'ndjson') as 'ndjson' | 'csv',
  asOf: arg('as-of') ?? '2026-06-30T17:00:00+01:00',
  json: flag('json'),
  skipReference: flag('skip-reference'),
  verify: !flag('no-verify'),
  build: flag('build'),
  workers: arg('workers'),
  cli: arg('cli'),
  latencyRuns: Number(arg('latency-runs') ?? 2000),
  latencyWarmup: Number(arg('latency-warmup') ?? 3000),
  breakdownCases: Number(arg('breakdown-cases') ?? 1000),
  ceiling: flag('ceiling'),
  formats: flag('formats'),
  /** Another shipped ruleset's id; undefined: the default one (the SPSO's), as before the option. */
  ruleset: arg('ruleset') === DEFAULT_RULESET_ID ? undefined : arg('ruleset'),
};
if (!Number.isInteger(opts.cases) || opts.cases < 1)
  throw new Error('--cases must be a positive whole number');
if (opts.format !== 'ndjson' && opts.format !== 'csv') throw new Error('--format must be ndjson or csv');

/** Progress goes to stderr, so that `--json` leaves stdout to the one JSON object. */
const say = (s: string) => process.stderr.write(`${s}\n`);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
/** CPU time (user + system) of this process since `c0`, in ms: less skewed than wall time by other work. */
const cpuMsSince = (c0: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
};

// ---- Data -----------------------------------------------------------------------------------

// The default ruleset's log keeps its name, so that a cached log is reused as before.
const file = join(
  BENCH_DIR,
  `log-${opts.ruleset ? `${opts.ruleset}-` : ''}${opts.cases}-s${opts.seed}.${opts.format}`,
);
const mappingFile = `${file}.mapping.json`;
if (!existsSync(file) || (opts.format === 'csv' && !existsSync(mappingFile))) {
  say(`generating ${relative(ROOT, file)} ...`);
  await generateLog({
    cases: opts.cases,
    format: opts.format,
    out: file,
    seed: opts.seed,
    ruleset: opts.ruleset,
  });
}
const relFile = relative(ROOT, file);
const bytes = statSync(file).size;

const ruleset = await loadRuleset(opts.ruleset ? { id: opts.ruleset } : {});
const prepared = prepareEvaluation(ruleset);
const mapping = opts.format === 'csv' ? await loadMapping(mappingFile) : undefined;
const readOptions = { mapping, sortedByCase: opts.format === 'csv' };
const cliInputArgs = [
  ...(opts.format === 'csv' ? ['--mapping', mappingFile, '--sorted-by-case'] : []),
  ...(opts.ruleset ? ['--ruleset', opts.ruleset] : []),
];
const compiled = createCompiledEvaluator();

/** Lines of a file, streamed (a 2-million-event log does not fit in one string). */
async function* lines(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) if (p !== '') yield p;
  }
  if (rest !== '') yield rest;
}

// ---- Status distribution (before spending minutes on data that does not exercise the rules) ---

type Distribution = Record<string, Record<string, number>>;
const emptyDistribution = (): Distribution =>
  Object.fromEntries(prepared.rules.map((r) => [r.ref, Object.fromEntries(STATUSES.map((s) => [s, 0]))]));
const countInto = (d: Distribution, r: CaseResult) => {
  for (const f of r.findings) {
    const counts = d[f.ref] as Record<string, number>;
    counts[f.status] = (counts[f.status] ?? 0) + 1;
  }
};

async function sampleDistribution(limit: number): Promise<Distribution> {
  const d = emptyDistribution();
  let n = 0;
  for await (const o of evaluateCases(readCases([file], readOptions), {
    ruleset,
    prepared,
    asOf: opts.asOf,
    evaluator: compiled,
  })) {
    if (o.kind === 'judged') countInto(d, o.result);
    if (++n >= limit) break;
  }
  return d;
}

function printDistribution(d: Distribution, title: string) {
  say(`\n${title}`);
  say(
    `  ${'rule'.padEnd(6)} ${STATUSES.map((s) => s.replace('insufficient_evidence', 'insufficient').padStart(14)).join('')}`,
  );
  for (const [ref, counts] of Object.entries(d)) {
    const total = Object.values(counts).reduce((a, b) => a + b, 0) || 1;
    say(
      `  ${ref.padEnd(6)} ${STATUSES.map((s) => `${round((100 * (counts[s] ?? 0)) / total)}%`.padStart(14)).join('')}`,
    );
  }
}

function notApplicableShare(d: Distribution): Record<string, number> {
  return Object.fromEntries(
    Object.entries(d).map(([ref, c]) => {
      const total = Object.values(c).reduce((a, b) => a + b, 0) || 1;
      return [ref, (c.not_applicable ?? 0) / total];
    }),
  );
}

const sample = await sampleDistribution(Math.min(opts.cases, 2000));
const tooIdle = Object.entries(notApplicableShare(sample)).filter(([, share]) => share > 0.9);
if (tooIdle.length > 0) {
  printDistribution(sample, 'Status distribution (sample)');
  say(
    `\nrefused: on this data ${tooIdle.map(([ref, s]) => `${ref} (${round(100 * s)}%)`).join(', ')} ` +
      'would be more than 90% not applicable; the benchmark needs every rule to do real work.',
  );
  process.exit(2);
}

say(
  `\nmachine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
say(
  `data: ${relFile} (${opts.format}, ${(bytes / 1e6).toFixed(1)} MB); ruleset ${ruleset.manifest.id} ${ruleset.manifest.version}`,
);

// ---- (1) The floor ---------------------------------------------------------------------------

async function floorOnce(): Promise<{ ms: number; cpuMs: number; cases: number; events: number }> {
  const t0 = now();
  const c0 = process.cpuUsage();
  let cases = 0;
  let events = 0;
  if (opts.format === 'ndjson') {
    for await (const line of lines(file)) {
      const c = JSON.parse(line) as { events: unknown[] };
      cases++;
      events += c.events.length;
    }
  } else {
    const seen = new Set<string>();
    const parser = createReadStream(file).pipe(parseCsv({ relax_column_count: true }));
    let header = true;
    for await (const row of parser as AsyncIterable<string[]>) {
      if (header) {
        header = false;
        continue;
      }
      events++;
      seen.add(row[0] as string);
    }
    cases = seen.size;
  }
  return { ms: now() - t0, cpuMs: cpuMsSince(c0), cases, events };
}

say('\n(1) floor: read + parse every line ...');
let floor = await floorOnce();
for (let i = 0; i < 2; i++) {
  const again = await floorOnce();
  if (again.ms < floor.ms) floor = again;
}
const CASES = floor.cases;
const EVENTS = floor.events;
say(`    ${round(floor.ms / 1000, 2)} s (best of 3; CPU ${round(floor.cpuMs / 1000, 2)} s)`);

// ---- (2) The reference: json-rules-engine through the library --------------------------------

/** A case's line as the command writes it (with its source), hashed. */
const lineHash = (s: string) => createHash('sha1').update(s).digest('hex');

interface LibraryRun {
  ms: number;
  cpuMs: number;
  cases: number;
  hashes: string[];
  distribution: Distribution;
  rejected: number;
}

async function libraryRun(evaluator: ConditionEvaluator, keepHashes: boolean): Promise<LibraryRun> {
  const reader = readCases([relFile], readOptions);
  let current: ReadItem | undefined;
  async function* tracked() {
    for await (const item of reader) {
      current = item;
      yield item;
    }
  }
  const outcomes = evaluateCases(tracked(), { ruleset, prepared, asOf: opts.asOf, evaluator });
  const hashes: string[] = [];
  const distribution = emptyDistribution();
  let ms = 0;
  let cpuMs = 0;
  let cases = 0;
  let rejected = 0;
  for (;;) {
    const t0 = now();
    const c0 = process.cpuUsage();
    const next = await outcomes.next();
    ms += now() - t0;
    cpuMs += cpuMsSince(c0);
    if (next.done) break;
    const o = next.value;
    if (o.kind === 'rejected' || (current && isRejected(current))) {
      rejected++;
      continue;
    }
    cases++;
    countInto(distribution, o.result);
    if (keepHashes) {
      const source = current?.source;
      const result = source ? { ...o.result, source: { file: source.file, line: source.line } } : o.result;
      hashes.push(lineHash(formatNdjsonCase(result)));
    }
  }
  return { ms, cpuMs, cases, hashes, distribution, rejected };
}

let reference: LibraryRun | undefined;
if (!opts.skipReference) {
  say('(2) reference: json-rules-engine through the library ...');
  reference = await libraryRun(createJsonRulesEngineEvaluator(), opts.verify);
  say(`    ${round(reference.ms / 1000, 2)} s (CPU ${round(reference.cpuMs / 1000, 2)} s)`);
}

// ---- (3) The shipped path: the built command -------------------------------------------------

const cli = join(ROOT, 'dist', 'cli.js');
/** The previous build's command, compared with this one in the same run (`--cli`). */
const previousCli = opts.cli ? resolve(opts.cli) : undefined;
if (opts.build || !existsSync(cli)) {
  say('building (npm run build) ...');
  const b = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (b.status !== 0) throw new Error('npm run build failed');
}
const cliText = readFileSync(cli, 'utf8');
// The command judges with each rule's compiled tests unless told `--evaluator json-rules-engine`.
const shippedEvaluator = /function judgeRule\(/.test(cliText) ? 'compiled' : 'json-rules-engine';
const newestSource = (dir: string): number => {
  let t = 0;
  for (const f of spawnSync('find', [dir, '-name', '*.ts', '-newer', cli], { encoding: 'utf8' }).stdout.split(
    '\n',
  ))
    if (f) t++;
  return t;
};
const stale = newestSource(join(ROOT, 'src'));
if (stale > 0)
  say(`    note: ${stale} source file(s) are newer than dist/cli.js (run with --build to rebuild)`);

async function shippedRun(
  run: { workers?: string | undefined; keep?: boolean; command?: string } = {},
): Promise<{
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  exitCode: number;
  out: string;
}> {
  const keep = run.keep ?? (opts.verify && reference !== undefined);
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const out = keep ? join(BENCH_DIR, `out-shipped-${tag}.ndjson`) : '/dev/null';
  const timeFile = join(BENCH_DIR, `time-${tag}.txt`);
  const args = [
    run.command ?? cli,
    'check',
    relFile,
    ...cliInputArgs,
    '--format',
    'ndjson',
    '--as-of',
    opts.asOf,
    '--fail-on',
    'none',
    '--quiet',
    ...(run.workers ? ['--workers', run.workers] : []),
  ];
  const useTime = existsSync('/usr/bin/time');
  const { openSync, closeSync } = await import('node:fs');
  const fd = openSync(out, 'w');
  const t0 = now();
  const child = useTime
    ? spawn('/usr/bin/time', ['-f', '%e %M %U %S', '-o', timeFile, process.execPath, ...args], {
        cwd: ROOT,
        stdio: ['ignore', fd, 'inherit'],
      })
    : spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', fd, 'inherit'] });
  const exitCode = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  const ms = now() - t0;
  closeSync(fd);
  let peakRssMb = Number.NaN;
  let cpuMs = Number.NaN;
  if (useTime) {
    const [, kb, user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()?.split(' ') ?? [];
    peakRssMb = Number(kb) / 1024;
    cpuMs = (Number(user) + Number(sys)) * 1000;
    rmSync(timeFile, { force: true });
  }
  return { ms, cpuMs, peakRssMb, exitCode, out };
}

say(
  `(3) shipped: node ${relative(ROOT, cli)} check ... --format ndjson (default evaluator: ${shippedEvaluator}) ...`,
);
const shipped = await shippedRun({ workers: opts.workers });
if (shipped.exitCode !== 0) say(`    warning: the command exited with ${shipped.exitCode}`);
say(
  `    ${round(shipped.ms / 1000, 2)} s (CPU ${round(shipped.cpuMs / 1000, 2)} s), peak RSS ${round(shipped.peakRssMb)} MB`,
);

// ---- (2) = (3)? -------------------------------------------------------------------------------

let identical: boolean | undefined;
let firstDifference: string | undefined;
if (reference && opts.verify) {
  let i = 0;
  identical = true;
  for await (const line of lines(shipped.out)) {
    if (line.startsWith('{"type":"summary"')) continue;
    const h = lineHash(`${line}\n`);
    if (h !== reference.hashes[i]) {
      identical = false;
      firstDifference ??= `case line ${i + 1}`;
    }
    i++;
  }
  if (i !== reference.hashes.length) {
    identical = false;
    firstDifference ??= `${i} case lines from the command, ${reference.hashes.length} from the library`;
  }
  rmSync(shipped.out, { force: true });
}

// ---- This build against the previous one (`--cli`) -------------------------------------------

/**
 * The previous build and this one, alternately, three runs each: other work on a shared machine
 * shifts both alike, and the medians are compared (CPU time, less skewed by that work than wall).
 */
let previous:
  | {
      command: string;
      cpuSeconds: number[];
      seconds: number[];
      thisCpuSeconds: number[];
      thisSeconds: number[];
    }
  | undefined;
if (previousCli) {
  say(
    `this build against the previous one (${relative(ROOT, previousCli)}), alternately, three runs each ...`,
  );
  previous = {
    command: relative(ROOT, previousCli),
    cpuSeconds: [],
    seconds: [],
    thisCpuSeconds: [],
    thisSeconds: [],
  };
  for (let i = 0; i < 3; i++) {
    const before = await shippedRun({ keep: false, command: previousCli, workers: opts.workers });
    const after = await shippedRun({ keep: false, workers: opts.workers });
    if (before.exitCode !== 0 || after.exitCode !== 0)
      throw new Error(
        `the comparison runs exited with ${before.exitCode} (previous) and ${after.exitCode} (this)`,
      );
    previous.cpuSeconds.push(round(before.cpuMs / 1000, 3));
    previous.seconds.push(round(before.ms / 1000, 3));
    previous.thisCpuSeconds.push(round(after.cpuMs / 1000, 3));
    previous.thisSeconds.push(round(after.ms / 1000, 3));
  }
  say(
    `    CPU: previous ${previous.cpuSeconds.join(', ')} s; this ${previous.thisCpuSeconds.join(', ')} s (wall: previous ${previous.seconds.join(', ')} s; this ${previous.thisSeconds.join(', ')} s)`,
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

// ---- Ceiling: what two threads can give on this machine at most ---------------------------------

/**
 * Two copies of the command at once, each alone on one thread, against one copy alone: the
 * speed-up two completely independent processes reach here, the most two threads could.
 */
let ceiling:
  | {
      aloneSeconds: number;
      pairSeconds: number;
      speedup: number;
      workers2Seconds: number;
      workers2Speedup: number;
      workers2ShareOfCeiling: number;
    }
  | undefined;
if (opts.ceiling) {
  say('ceiling: the command alone, then two copies at once, then --workers 2 ...');
  const alone = await shippedRun({ keep: false });
  const pair = await Promise.all([shippedRun({ keep: false }), shippedRun({ keep: false })]);
  const pairMs = Math.max(...pair.map((r) => r.ms));
  const two = await shippedRun({ keep: false, workers: '2' });
  const speedup = (2 * alone.ms) / pairMs;
  ceiling = {
    aloneSeconds: round(alone.ms / 1000, 2),
    pairSeconds: round(pairMs / 1000, 2),
    speedup: round(speedup, 2),
    workers2Seconds: round(two.ms / 1000, 2),
    workers2Speedup: round(alone.ms / two.ms, 2),
    workers2ShareOfCeiling: round(alone.ms / two.ms / speedup, 2),
  };
  say(
    `    alone ${ceiling.aloneSeconds} s; two at once ${ceiling.pairSeconds} s: ${ceiling.speedup}x the work per second; --workers 2 ${ceiling.workers2Seconds} s: ${ceiling.workers2Speedup}x, ${Math.round(ceiling.workers2ShareOfCeiling * 100)}% of the ceiling`,
  );
}

// ---- Every format: peak RSS and report size -------------------------------------------------------

let formats: FormatFigures[] | undefined;
if (opts.formats) {
  say('every format, one run each ...');
  formats = await measureFormats(
    {
      cli,
      args: ['check', relFile, ...cliInputArgs, '--as-of', opts.asOf],
      inputBytes: bytes,
      dir: BENCH_DIR,
      cwd: ROOT,
    },
    say,
  );
}

// ---- Latency: one 50-event case, full ruleset, in a fresh process ------------------------------

/**
 * Measured by `scripts/latency.ts` in a process of its own (with this one's Node flags): in this
 * one, the floor and reference runs would leave an old generation whose collection lands in the
 * measured calls. Pass V8 flags to the bench's node (`node --max-semi-space-size=64 --import tsx
 * scripts/bench.ts ...`) to measure with them.
 */
async function measureLatency(): Promise<LatencyFigures> {
  const flags = process.execArgv;
  const child = spawnSync(
    process.execPath,
    [
      ...flags,
      join(ROOT, 'scripts', 'latency.ts'),
      '--runs',
      String(opts.latencyRuns),
      '--warmup',
      String(opts.latencyWarmup),
      '--seed',
      String(opts.seed),
      '--json',
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`scripts/latency.ts failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as LatencyFigures;
}
// Its 50-event case is the SPSO's: another ruleset has no latency figure.
const latency = opts.ruleset ? undefined : await measureLatency();

// ---- Breakdown: where the in-process time goes ------------------------------------------------

async function breakdown(limit: number) {
  const t = {
    'parse (JSON.parse)': 0,
    'normalize (validation, instants)': 0,
    'index (anchors, pauses)': 0,
    'facts (templates)': 0,
    'conditions: compiled': 0,
    'conditions: json-rules-engine': 0,
    'finding (render, evidence, measured copy)': 0,
    'output (canonical + JSON.stringify)': 0,
    'of which JSON.stringify alone': 0,
  };
  const byTemplate: Record<string, number> = {};
  const reference = createJsonRulesEngineEvaluator();
  let n = 0;
  let outputBytes = 0;
  for await (const line of lines(file)) {
    if (opts.format !== 'ndjson') break;
    if (n++ >= limit) break;
    let t0 = now();
    const input = JSON.parse(line) as unknown;
    t['parse (JSON.parse)'] += now() - t0;
    t0 = now();
    const asOfMs = resolveAsOfMs(opts.asOf, prepared.calendar.clock);
    const norm = normalizeCase(input, { zone: prepared.calendar.clock, asOfMs });
    t['normalize (validation, instants)'] += now() - t0;
    if (!norm.success) continue;
    t0 = now();
    const index = indexCase(norm.case, prepared.calendar, asOfMs);
    t['index (anchors, pauses)'] += now() - t0;
    const findings = [];
    for (const rule of prepared.rules as CompiledRule[]) {
      const facts: Record<string, FactValue> = {};
      let f0 = now();
      for (const f of rule.facts) {
        const s0 = now();
        facts[f.name] = f.compute({ index, calendar: prepared.calendar, asOfMs, facts });
        const tpl = (rule.source.facts[f.name] as { template: string }).template;
        byTemplate[tpl] = (byTemplate[tpl] ?? 0) + now() - s0;
      }
      const factsMs = now() - f0;
      t['facts (templates)'] += factsMs;
      const values = { ...facts, case: index.state, params: rule.params, asOf: asOfMs };
      f0 = now();
      await compiled.evaluate(rule, values);
      const condMs = now() - f0;
      t['conditions: compiled'] += condMs;
      f0 = now();
      await reference.evaluate(rule, values);
      t['conditions: json-rules-engine'] += now() - f0;
      f0 = now();
      const asOfText = describeAsOf(index, prepared.calendar, asOfMs);
      findings.push(
        judgeRule(rule, { index, calendar: prepared.calendar, asOfMs, asOfText, flags: findingFlags() }),
      );
      // judgeRule measures the facts and decides again: count only the rest.
      t['finding (render, evidence, measured copy)'] += Math.max(0, now() - f0 - factsMs - condMs);
    }
    t0 = now();
    const text = formatNdjsonCase({
      caseId: norm.case.caseId,
      status: 'pass',
      events: norm.case.eventsRead,
      eventsAfterAsOf: norm.case.eventsAfterAsOf,
      findings,
    });
    outputBytes += text.length;
    t['output (canonical + JSON.stringify)'] += now() - t0;
    // Printing at its least: what any implementation printing these findings must spend.
    const printed = JSON.parse(text) as unknown;
    t0 = now();
    JSON.stringify(printed);
    t['of which JSON.stringify alone'] += now() - t0;
  }
  return { cases: Math.min(n, limit), ms: t, byTemplate, outputBytes };
}

const parts = opts.format === 'ndjson' ? await breakdown(Math.min(opts.breakdownCases, CASES)) : undefined;

// ---- Report -----------------------------------------------------------------------------------

const rate = (ms: number) => ({
  casesPerSec: round(CASES / (ms / 1000)),
  eventsPerSec: round(EVENTS / (ms / 1000)),
});
const result = {
  machine: {
    nproc: cpus().length,
    cpu: cpus()[0]?.model,
    node: process.version,
    loadavg: loadavg().map((x) => round(x, 2)),
  },
  data: {
    file: relFile,
    format: opts.format,
    ruleset: { id: ruleset.manifest.id, version: ruleset.manifest.version },
    seed: opts.seed,
    cases: CASES,
    events: EVENTS,
    bytes,
    asOf: opts.asOf,
  },
  floor: { seconds: round(floor.ms / 1000, 3), cpuSeconds: round(floor.cpuMs / 1000, 3), ...rate(floor.ms) },
  reference: reference
    ? {
        seconds: round(reference.ms / 1000, 3),
        cpuSeconds: round(reference.cpuMs / 1000, 3),
        ...rate(reference.ms),
        ratioToFloor: round(reference.ms / floor.ms, 2),
        cpuRatioToFloor: round(reference.cpuMs / floor.cpuMs, 2),
      }
    : undefined,
  shipped: {
    command: relative(ROOT, cli),
    evaluator: shippedEvaluator,
    workers: opts.workers ? Number(opts.workers) : 1,
    seconds: round(shipped.ms / 1000, 3),
    cpuSeconds: round(shipped.cpuMs / 1000, 3),
    ...rate(shipped.ms),
    ratioToFloor: round(shipped.ms / floor.ms, 2),
    cpuRatioToFloor: round(shipped.cpuMs / floor.cpuMs, 2),
    peakRssMb: round(shipped.peakRssMb),
    exitCode: shipped.exitCode,
  },
  identical,
  firstDifference,
  previous: previous
    ? {
        ...previous,
        cpuRatio: round(median(previous.thisCpuSeconds) / median(previous.cpuSeconds), 3),
        wallRatio: round(median(previous.thisSeconds) / median(previous.seconds), 3),
      }
    : undefined,
  ceiling,
  latency,
  /**
   * The least any implementation printing these reports could take: the floor plus printing them
   * (JSON.stringify alone, per case, from the breakdown), as a multiple of the floor.
   */
  bound: parts
    ? (() => {
        const printMs = (parts.ms['of which JSON.stringify alone'] / parts.cases) * CASES;
        return {
          printSeconds: round(printMs / 1000, 3),
          boundRatioToFloor: round((floor.ms + printMs) / floor.ms, 2),
          shippedRatioToBound: round(shipped.ms / (floor.ms + printMs), 2),
        };
      })()
    : undefined,
  breakdown: parts
    ? {
        cases: parts.cases,
        msPerCase: Object.fromEntries(
          Object.entries(parts.ms).map(([k, v]) => [k, round(v / parts.cases, 3)]),
        ),
        factsMsPerCaseByTemplate: Object.fromEntries(
          Object.entries(parts.byTemplate)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => [k, round(v / parts.cases, 3)]),
        ),
        outputBytesPerCase: Math.round(parts.outputBytes / parts.cases),
        inputBytesPerCase: Math.round(bytes / CASES),
      }
    : undefined,
  statusDistribution: (reference?.distribution ?? sample) as Distribution,
  // The headline figures.
  floorEventsPerSec: round(EVENTS / (floor.ms / 1000)),
  referenceEventsPerSec: reference ? round(EVENTS / (reference.ms / 1000)) : undefined,
  checkEventsPerSec: round(EVENTS / (shipped.ms / 1000)),
  ratioToFloor: round(shipped.ms / floor.ms, 2),
  p50CaseMs: latency?.p50CaseMs,
  p99CaseMs: latency?.p99CaseMs,
  peakRssMb: round(shipped.peakRssMb),
  formats,
};

/** The issue's targets, each with the figure measured and whether it is met (undefined: not measured). */
function targets(): { target: string; measured: string; met: boolean | undefined }[] {
  const out: { target: string; measured: string; met: boolean | undefined }[] = [];
  for (const f of formats ?? []) {
    const limit = f.format === 'html' ? 600 : 300;
    out.push({
      target: `${f.format}: peak RSS under ${limit} MB`,
      measured: `${f.peakRssMb} MB${f.exitCode === 0 ? '' : ` (exit ${f.exitCode})`}`,
      met: f.peakRssMb < limit && f.exitCode === 0,
    });
    if (f.format === 'json' || f.format === 'ndjson')
      out.push({
        target: `${f.format}: at most 2 bytes of report per byte of input`,
        measured: String(f.bytesPerInputByte),
        met: f.bytesPerInputByte <= 2,
      });
    const render = f.html?.firstRenderMs;
    if (typeof render === 'number')
      out.push({
        target: 'html: first render in Chromium within 3 s',
        measured: `${render} ms`,
        met: render <= 3000,
      });
  }
  out.push({
    target: 'the command end to end at most 10x the floor',
    measured: `${result.ratioToFloor}x`,
    met: result.ratioToFloor <= 10,
  });
  if (result.previous)
    out.push({
      target: 'the command no slower than the previous build (median CPU)',
      measured: `${result.previous.cpuRatio}x the previous build's CPU time (wall ${result.previous.wallRatio}x)`,
      met: result.previous.cpuRatio <= 1,
    });
  if (latency)
    out.push({
      target: 'p99 under 1 ms for a 50-event case',
      measured: `${latency.p99CaseMs} ms`,
      met: latency.p99CaseMs < 1,
    });
  out.push({
    target: 'findings identical to the reference evaluator',
    measured: identical === undefined ? 'not compared' : String(identical),
    met: identical,
  });
  if (ceiling)
    out.push({
      target: '--workers 2 at least 90% of the ceiling',
      measured: `${Math.round(ceiling.workers2ShareOfCeiling * 100)}% (${ceiling.workers2Speedup}x of ${ceiling.speedup}x)`,
      met: ceiling.workers2ShareOfCeiling >= 0.9,
    });
  return out;
}

if (opts.json) {
  process.stdout.write(`${JSON.stringify({ ...result, targets: targets() })}\n`);
} else {
  printDistribution(
    result.statusDistribution,
    `Status distribution (${reference ? 'all cases' : 'first 2000 cases'})`,
  );
  const row = (name: string, ms: number, cpuMs: number, extra = '') =>
    `  ${name.padEnd(46)} ${`${round(ms / 1000, 2)} s`.padStart(9)} ${`${Math.round(CASES / (ms / 1000))}`.padStart(9)} ${`${Math.round(EVENTS / (ms / 1000))}`.padStart(10)} ${`${round(ms / floor.ms, 1)}x`.padStart(7)} ${`${round(cpuMs / floor.cpuMs, 1)}x`.padStart(7)}  ${extra}`;
  say(
    `\n${CASES} cases, ${EVENTS} events (${(bytes / 1e6).toFixed(1)} MB ${opts.format}), ruleset ${ruleset.manifest.id}`,
  );
  say(
    `  ${''.padEnd(46)} ${'wall'.padStart(9)} ${'cases/s'.padStart(9)} ${'events/s'.padStart(10)} ${'×floor'.padStart(7)} ${'×CPU'.padStart(7)}`,
  );
  say(row('(1) floor: read + parse', floor.ms, floor.cpuMs));
  if (reference)
    say(row('(2) reference: json-rules-engine', reference.ms, reference.cpuMs, '(library, in process)'));
  say(
    row(
      `(3) shipped: the command (${shippedEvaluator})`,
      shipped.ms,
      shipped.cpuMs,
      `peak RSS ${round(shipped.peakRssMb)} MB${opts.workers ? `, --workers ${opts.workers}` : ''}`,
    ),
  );
  if (identical !== undefined)
    say(`  (2) and (3) findings: ${identical ? 'identical' : `DIFFERENT (${firstDifference})`}`);
  if (latency) {
    say(
      `\nlatency, one ${latency.events}-event case, full ruleset, compiled evaluator (${latency.runs} runs after ${latency.warmupCalls} warm-up calls${latency.v8Flags.length > 0 ? `; node ${latency.v8Flags.join(' ')}` : ''}):`,
    );
    say(`  p50 ${latency.p50CaseMs} ms, p99 ${latency.p99CaseMs} ms`);
    say(
      `  a garbage collection ran during ${round(latency.callsWithGc * 100, 1)}% of calls (scavenge median ${latency.scavengeP50Ms} ms); p99 of the others ${latency.p99WithoutGcCaseMs} ms; ${latency.allocatedKbPerCase} kB allocated per call`,
    );
  } else
    say(
      `\nlatency: not measured for ${ruleset.manifest.id} (the 50-event case of scripts/latency.ts is the SPSO's)`,
    );
  if (result.bound)
    say(
      `\nleast possible: floor + printing the reports (JSON.stringify alone, ${result.bound.printSeconds} s) = ${result.bound.boundRatioToFloor}x the floor; the command is ${result.bound.shippedRatioToBound}x that`,
    );
  if (ceiling)
    say(
      `two copies of the command at once do ${ceiling.speedup}x the work per second of one alone (the most two threads can give here)`,
    );
  if (result.breakdown) {
    say(`\nwhere the time goes (in process, first ${result.breakdown.cases} cases, ms per case):`);
    for (const [k, v] of Object.entries(result.breakdown.msPerCase))
      say(`  ${k.padEnd(44)} ${String(v).padStart(8)}`);
    say('  facts by template:');
    for (const [k, v] of Object.entries(result.breakdown.factsMsPerCaseByTemplate))
      say(`    ${k.padEnd(42)} ${String(v).padStart(8)}`);
    say(
      `  output ${result.breakdown.outputBytesPerCase} bytes per case for ${result.breakdown.inputBytesPerCase} bytes of input`,
    );
  }
  // Issue 14 set them on the SPSO's log; another ruleset's cases are smaller, its ratios not comparable.
  say(
    opts.ruleset ? `\ntargets (set for the ${DEFAULT_RULESET_ID} log; here for comparison):` : '\ntargets:',
  );
  for (const t of targets())
    say(
      `  ${t.met === undefined ? '  -  ' : t.met ? ' met ' : 'MISSED'}  ${t.target.padEnd(52)} ${t.measured}`,
    );
  say(
    `\nload average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} (other work on the machine skews timings)`,
  );
}
if (identical === false) process.exitCode = 1;
