/**
 * The malformed-input corpus (`scripts/make-corpus.ts` writes it): the command run on every
 * entry, which must end with exit 0, 1 or 2 as the manifest says, never with a stack trace; on
 * exit 2 its messages name the file, the line or record and the field; with a JSON report, the
 * cases in are the cases judged plus the cases rejected. Limits are reached with small option
 * values, and the test asserts the error that names the option, not a duration.
 *
 * The command runs in this process (its `main`, with streams of its own), in batches, so that
 * hundreds of runs take seconds; entries that need worker threads run the built command.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, cli, ROOT } from '../cli/_cli.js';
import { runInProcess as runCommandInProcess } from '../support/run-in-process.js';
import { type CorpusManifest, CorpusManifestSchema } from './manifest-schema.js';

const manifest: CorpusManifest = CorpusManifestSchema.parse(
  JSON.parse(readFileSync(join(ROOT, 'test/corpus/manifest.json'), 'utf8')),
);
type Entry = CorpusManifest['entries'][number];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What it wrote to its problems file. */
  written?: string;
}

/** The command's `main` in this process, with its own streams and a fixed clock. */
function runInProcess(args: string[], stdin: string | undefined): Promise<Run> {
  return runCommandInProcess(args, {
    stdin: stdin ? createReadStream(join(ROOT, stdin)) : undefined,
    now: new Date('2024-07-01T09:00:00Z'),
  });
}

async function run(entry: Entry): Promise<Run> {
  const tmp = await mkdtemp(join(tmpdir(), 'corpus-'));
  try {
    if (entry.before) {
      const first = await runInProcess(entry.before.args, undefined);
      expect([0, 1], `${entry.id}: the run before it\n${first.stderr}`).toContain(first.code);
      await writeFile(join(tmp, entry.before.saveAs), `${entry.before.bom ? '\uFEFF' : ''}${first.stdout}`);
    }
    const args = entry.args.map((a) => a.replaceAll('{tmp}', tmp));
    const r = entry.spawn
      ? await cli(args, entry.stdin ? { input: readFileSync(join(ROOT, entry.stdin)) } : {})
      : await runInProcess(args, entry.stdin);
    const written = entry.problemsFile ? readFileSync(join(tmp, entry.problemsFile), 'utf8') : '';
    return { ...r, written };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

interface Problem {
  file?: string;
  line?: number;
  path?: (string | number)[];
  message: string;
}

/** Standard output as one JSON document, when it is one. */
function jsonOutput(stdout: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(stdout);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The check report's counts, when standard output is one: judged and rejected cases and their problems. */
function jsonReport(stdout: string): { judged: number; rejected: { problems: Problem[] }[] } | undefined {
  const summary = jsonOutput(stdout)?.summary as
    | { cases: number; rejected?: { problems: Problem[] }[] }
    | undefined;
  return summary && { judged: summary.cases, rejected: summary.rejected ?? [] };
}

/**
 * Everything the run said about what went wrong: standard error, the report on standard output
 * (a text report lists the rejected cases), the JSON report's problems, the problems file.
 */
function messages(r: Run): string {
  const problems = (jsonReport(r.stdout)?.rejected ?? []).flatMap((c) => c.problems);
  const validate = (jsonOutput(r.stdout)?.problems as Problem[] | undefined) ?? [];
  const lines = [...problems, ...validate].map(
    (p) => `${p.file ?? ''}:${p.line ?? ''} ${(p.path ?? []).join('.')} ${p.message}`,
  );
  return [r.stderr, r.stdout, r.written ?? '', ...lines].join('\n');
}

function judge(entry: Entry, r: Run): void {
  const what = `${entry.id} (${entry.about})\nstderr: ${r.stderr.slice(0, 2000)}`;
  expect.soft([0, 1, 2], what).toContain(r.code);
  expect.soft(r.code, what).toBe(entry.exit);
  expect.soft(r.stderr, what).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect.soft(r.stderr, what).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError): /);
  // Nothing read reaches a terminal raw: no control character but tab and line ends, no ANSI
  // escape, and no U+2028/2029 (which end a line in JavaScript) in one-record-a-line output.
  expect.soft(r.stderr, `${what}\ncontrol characters on standard error`).not.toMatch(CONTROL);
  expect.soft(r.stdout, `${what}\ncontrol characters on standard output`).not.toMatch(CONTROL);
  if (entry.args.join(' ').includes('--format csv'))
    expect.soft(r.stdout, `${what}\na CSV cell a spreadsheet would run`).not.toMatch(/(^|,)"?[=+@\t\r]/m);
  if (entry.args.join(' ').includes('--format ndjson'))
    expect.soft(r.stdout, `${what}\nU+2028/2029 in NDJSON`).not.toMatch(/[\u2028\u2029]/);
  if (entry.cases !== undefined) {
    const report = jsonReport(r.stdout);
    expect.soft(report, `${what}\nno JSON report on standard output`).toBeDefined();
    expect
      .soft((report?.judged ?? 0) + (report?.rejected.length ?? 0), `${what}\ncases in`)
      .toBe(entry.cases);
  }
  const said = messages(r);
  for (const m of entry.mentions) expect.soft(said, `${what}\nshould name ${m}`).toContain(m);
  if (entry.line !== undefined)
    expect
      .soft(said, `${what}\nshould name line ${entry.line}`)
      .toMatch(new RegExp(`(line |record |:)${entry.line}\\b`));
  if (entry.exit === 2) expect.soft(said.trim(), `${what}\nexit 2 says why`).not.toBe('');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters looked for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u009f]/;

/** Entries at a time: enough to keep the in-process runs short, few enough to name a failure. */
const BATCH = 12;

describe('malformed-input corpus', () => {
  const inProcess = manifest.entries.filter((e) => !e.spawn);
  const batches: Entry[][] = [];
  for (let i = 0; i < inProcess.length; i += BATCH) batches.push(inProcess.slice(i, i + BATCH));

  it('covers every group with more than a hundred entries', () => {
    expect(manifest.entries.length).toBeGreaterThan(100);
    expect(new Set(manifest.entries.map((e) => e.id)).size).toBe(manifest.entries.length);
  });

  for (const batch of batches)
    it(`${batch[0]?.id} … ${batch.at(-1)?.id}`, async () => {
      for (const entry of batch) judge(entry, await run(entry));
    });

  it('entries that need worker threads, through the built command', async () => {
    assertBuilt();
    for (const entry of manifest.entries.filter((e) => e.spawn)) judge(entry, await run(entry));
  });
});
