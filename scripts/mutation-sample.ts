/**
 * A seeded random sample of the code lines of some files, as Stryker's `--mutate` ranges
 * (`src/a.ts:12-12,src/a.ts:40-40,...`): mutation testing of a sample of the mutants (those on
 * the lines drawn) estimates the score of files too large to run whole in the time at hand
 * (`scripts/mutation.sh sample-engine sample-time`, docs/mutation.md). Code lines are those left
 * once blank lines, comments and imports are taken out; each is drawn with probability `--share`.
 *
 *   npx tsx scripts/mutation-sample.ts [--share 0.05] [--seed 1] FILE...
 */
import { readFileSync } from 'node:fs';
import { rng } from './generate-log.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(args.splice(i, 2)[1]);
  if (!(value > 0)) throw new Error(`--${name} must be a positive number`);
  return value;
};
const share = option('share', 0.05);
const random = rng(option('seed', 1));
if (args.length === 0) throw new Error('usage: mutation-sample.ts [--share 0.05] [--seed 1] FILE...');

/** Whether a line holds code a mutant could change (not blank, a comment or an import). */
const isCode = (line: string): boolean => {
  const t = line.trim();
  return t !== '' && !/^(\/\/|\/\*|\*|import\b|export \* from|export \{[^}]*\} from)/.test(t);
};

const ranges: string[] = [];
for (const file of args) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (isCode(line) && random() < share) ranges.push(`${file}:${i + 1}-${i + 1}`);
  });
}
process.stdout.write(ranges.join(','));
