/**
 * Runs the BUILT command (`node dist/cli.js ...`) the way a user does: a child process, with
 * the repository root as working directory, `NO_COLOR=1` and no `CI` (so nothing depends on the
 * machine running the tests). `TZ` is passed on, so the suite run under another zone runs the
 * command under it. Every test of `test/cli` goes through {@link cli}.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli.js');

/** The bundled sample (50 cases) and the instant the demo judges it at. */
export const SAMPLE = 'fixtures/sample/sample.ndjson';
export const SAMPLE_AS_OF = '2025-06-30T17:00:00+01:00';

/** `check` of the sample at its `asOf`, never failing on findings, with `more` options. */
export const checkSample = (...more: string[]): string[] => [
  'check',
  SAMPLE,
  '--as-of',
  SAMPLE_AS_OF,
  '--fail-on',
  'none',
  ...more,
];

/**
 * Per test: each spawns node, which loads the whole command; on a busy two-core machine a run of
 * the sample can take ten times as long as on an idle one.
 */
export const CLI_TIMEOUT = 120_000;

/** Three hand-written cases (a pass, a late closure, an open case) and the instant they are judged at. */
export const SMALL = 'fixtures/cli/small.ndjson';
export const SMALL_AS_OF = '2024-06-28T17:00:00+01:00';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to (or, when undefined, removed from) the environment. */
  env?: Record<string, string | undefined>;
  /** Written to standard input (closed either way). */
  input?: string | Buffer;
  cwd?: string;
}

/** The test process's environment, less what would change the command's output. */
function _env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const k of ['CI', 'FORCE_COLOR', 'NODE_OPTIONS']) delete env[k];
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** Spawns `node dist/cli.js ...args` and resolves when it exits, with everything it wrote. */
export function cli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return spawnCommand(process.execPath, [CLI, ...args], options);
}

/** Spawns any command (the `npm run demo` test) with the same environment as {@link cli}. */
export function spawnCommand(command: string, args: readonly string[], options: CliOptions = {}) {
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: _env(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    // The command may exit before reading all of its input (a usage error): that is not ours.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

function _newestSource(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const found = entry.isDirectory() ? _newestSource(path) : { file: path, mtimeMs: statSync(path).mtimeMs };
    if (found.mtimeMs > newest.mtimeMs) newest = found;
  }
  return newest;
}

/**
 * Fails (never skips) when the command has not been built: these tests run what users run.
 * Warns when it was built before the latest change to `src/`: the results are then those of
 * the older code.
 */
export function assertBuilt(): void {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: run \`npm run build\` before the command's tests (test/cli)`);
  }
  const newest = _newestSource(join(ROOT, 'src'));
  if (newest.mtimeMs > statSync(CLI).mtimeMs) {
    console.warn(
      `warning: dist/cli.js is older than ${newest.file.slice(ROOT.length)}; run \`npm run build\` to test the current code`,
    );
  }
}

/** Checks the build before the file's tests, and gives a temporary directory removed after them. */
export function useCliSuite(): { dir(): string } {
  let dir: string | undefined;
  beforeAll(async () => {
    assertBuilt();
    dir = await mkdtemp(join(tmpdir(), 'service-standards-cli-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    dir() {
      if (!dir) throw new Error('the temporary directory is made in beforeAll');
      return dir;
    },
  };
}

/** A message for the user, not a crash: no stack trace without `--debug`. */
export function expectNoStack(r: CliResult): void {
  expect(r.stderr).not.toContain('    at ');
}

/** The same run's output, told apart from another's only by `meta.generatedAt`: that is blanked. */
export function withoutGeneratedAt(json: string): string {
  const out = json.replace(/"generatedAt": ?"[^"]*"/g, '"generatedAt": ""');
  expect(out).not.toBe(json);
  return out;
}
