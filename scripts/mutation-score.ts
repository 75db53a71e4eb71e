/**
 * Prints the table of docs/mutation.md from the groups' reports (`scripts/mutation.sh` writes
 * `reports/mutation/<group>.json`, Stryker's JSON report): per file the mutants, those killed (a
 * timeout counts as killed), those that survived (or that no test reached), the equivalent ones
 * (`// Stryker disable ... : reason` in the source), the score with and without them, then the
 * totals. Mutants of code that runs once, when its module loads, are not tested (\`ignoreStatic\`)
 * and are only counted, apart. Usage: `npx tsx scripts/mutation-score.ts [reports/mutation]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Mutant = { status: string; statusReason?: string };
type Report = { files: Record<string, { mutants: Mutant[] }> };
type Row = {
  file: string;
  group: string;
  killed: number;
  survived: number;
  equivalent: number;
  static: number;
};

const dir = process.argv[2] ?? 'reports/mutation';
const rows = new Map<string, Row>();
for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.incremental.json'))) {
  const group = name.replace(/\.json$/, '');
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Report;
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const row: Row = { file, group, killed: 0, survived: 0, equivalent: 0, static: 0 };
    for (const { status, statusReason } of mutants) {
      if (status === 'Killed' || status === 'Timeout') row.killed++;
      else if (status === 'Survived' || status === 'NoCoverage') row.survived++;
      // Code run once when the module loads (\`ignoreStatic\`): not tested, left out of the scores.
      else if (status === 'Ignored' && statusReason?.startsWith('Static')) row.static++;
      else if (status === 'Ignored') row.equivalent++;
      // CompileError and RuntimeError are not mutants a test could see: Stryker leaves them out.
    }
    // A file in several groups' reports: the last group named wins (sorted, so stable).
    rows.set(file, row);
  }
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const cells = (r: Row, bold = (x: string | number) => `${x}`) => {
  const mutants = r.killed + r.survived + r.equivalent;
  const scores = [pct(r.killed, mutants), pct(r.killed, r.killed + r.survived)];
  return [mutants, r.killed, r.survived, r.equivalent, ...scores, r.static].map(bold);
};
const header = [
  'File',
  'Group',
  'Mutants',
  'Killed',
  'Survived',
  'Equivalent',
  'Score',
  'Without equivalent',
];
console.log(line([...header, 'Static']));
console.log(line(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
const total: Row = { file: '', group: '', killed: 0, survived: 0, equivalent: 0, static: 0 };
for (const r of [...rows.values()].sort((a, b) => a.file.localeCompare(b.file))) {
  total.killed += r.killed;
  total.survived += r.survived;
  total.equivalent += r.equivalent;
  total.static += r.static;
  console.log(line([`\`${r.file}\``, r.group, ...cells(r)]));
}
console.log(line(['**all measured**', '', ...cells(total, (x) => `**${x}**`)]));
