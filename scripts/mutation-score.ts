/**
 * Prints the table of docs/mutation.md from the groups' reports (`scripts/mutation.sh` writes
 * `reports/mutation/<group>.json`, Stryker's JSON report): per file the mutants, those killed (a
 * timeout counts as killed), those that survived (or that no test reached), the equivalent ones
 * (`// Stryker disable ... : reason` in the source), the score with and without them, then the
 * totals. A file measured by several groups (say, once with all its tests and once more with a new
 * test file alone) counts a mutant killed when any of them killed it. Mutants of code that runs
 * once, when its module loads, are not tested (`ignoreStatic`) and are only counted, apart.
 * Groups named `sample-*-s<seed>` (a random sample of lines: `scripts/mutation-sample.ts`) are left
 * out of the table and summed apart, one line per seed, as an estimate of the score of every file
 * they drew from, with its 95% interval. Runs of some lines of a file (`lines-*`) are not a file's
 * score and are left out. Usage: `npx tsx scripts/mutation-score.ts [reports/mutation]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Mutant = {
  status: string;
  statusReason?: string;
  mutatorName: string;
  replacement?: string;
  location: Record<'start' | 'end', { line: number; column: number }>;
};
type Report = { files: Record<string, { mutants: Mutant[] }> };
type Outcome = 'killed' | 'survived' | 'equivalent' | 'static' | 'error';
type Row = { groups: Set<string>; outcomes: Map<string, Outcome> };

function outcomeOf({ status, statusReason }: Mutant): Outcome {
  if (status === 'Killed' || status === 'Timeout') return 'killed';
  if (status === 'Survived' || status === 'NoCoverage') return 'survived';
  if (status === 'Ignored') return statusReason?.startsWith('Static') ? 'static' : 'equivalent';
  return 'error'; // CompileError, RuntimeError: not a mutant a test could see; Stryker leaves them out.
}

const dir = process.argv[2] ?? 'reports/mutation';
const rows = new Map<string, Row>();
/** Per seed, the sampled mutants by file. */
const samples = new Map<string, Map<string, Row>>();
for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.incremental.json'))) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Report;
  const seed = /^sample-.*-s(\d+)\.json$/.exec(name)?.[1];
  if (name.startsWith('sample-') && seed === undefined) continue; // a sample from before seeds named it
  if (name.startsWith('lines-')) continue;
  let into = rows;
  if (seed !== undefined) {
    into = samples.get(seed) ?? new Map();
    samples.set(seed, into);
  }
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const row = into.get(file) ?? { groups: new Set(), outcomes: new Map() };
    into.set(file, row);
    row.groups.add(name.replace(/\.json$/, ''));
    for (const m of mutants) {
      const { start, end } = m.location;
      const key = `${start.line}:${start.column}-${end.line}:${end.column} ${m.mutatorName} ${m.replacement ?? ''}`;
      const outcome = outcomeOf(m);
      if (row.outcomes.get(key) !== 'killed') row.outcomes.set(key, outcome);
    }
  }
}

type Counts = Record<Outcome, number>;
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const cells = (c: Counts, bold = (x: string | number) => `${x}`) => {
  const mutants = c.killed + c.survived + c.equivalent;
  const scores = [pct(c.killed, mutants), pct(c.killed, c.killed + c.survived)];
  return [mutants, c.killed, c.survived, c.equivalent, ...scores, c.static].map(bold);
};
const header = [
  'File',
  'Groups',
  'Mutants',
  'Killed',
  'Survived',
  'Equivalent',
  'Score',
  'Without equivalent',
];
console.log(line([...header, 'Static']));
console.log(line(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
const total: Counts = { killed: 0, survived: 0, equivalent: 0, static: 0, error: 0 };
for (const [file, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  const counts: Counts = { killed: 0, survived: 0, equivalent: 0, static: 0, error: 0 };
  for (const o of row.outcomes.values()) counts[o]++;
  for (const o of Object.keys(total) as Outcome[]) total[o] += counts[o];
  console.log(line([`\`${file}\``, [...row.groups].join(', '), ...cells(counts)]));
}
console.log(line(['**all measured**', '', ...cells(total, (x) => `**${x}**`)]));

for (const [seed, files] of [...samples].sort(([a], [b]) => Number(a) - Number(b))) {
  const sampled: Counts = { killed: 0, survived: 0, equivalent: 0, static: 0, error: 0 };
  const groups = new Set<string>();
  for (const row of files.values()) {
    for (const g of row.groups) groups.add(g);
    for (const o of row.outcomes.values()) sampled[o]++;
  }
  const n = sampled.killed + sampled.survived + sampled.equivalent;
  const p = n === 0 ? 0 : sampled.killed / n;
  // The normal approximation of a binomial share's 95% interval (n is in the hundreds).
  const half = n === 0 ? 0 : 1.96 * Math.sqrt((p * (1 - p)) / n);
  console.log(
    `\nSample, seed ${seed} (${[...groups].sort().join(', ')}; ${files.size} files): ${n} mutants, ` +
      `${sampled.killed} killed, ${sampled.survived} survived, ${sampled.equivalent} equivalent: ` +
      `${pct(sampled.killed, n)} (95% interval ${pct(p - half, 1)} to ${pct(Math.min(1, p + half), 1)}); ` +
      `${sampled.static} static.`,
  );
}
