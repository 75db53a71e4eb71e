/** `check ... | head -1`: when the reader goes away, the command stops quietly, as Unix tools do. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, CLI_TIMEOUT, ROOT, SAMPLE, SAMPLE_AS_OF, useCliSuite } from './_cli.js';

/** Runs the command, closing its standard output after the first chunk; its exit code and standard error. */
function readFirstChunk(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const err: Buffer[] = [];
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(err).toString('utf8') }));
  });
}

describe('a broken pipe', { timeout: CLI_TIMEOUT }, () => {
  useCliSuite();

  it.each([
    ['ndjson', []],
    ['html', []],
    ['junit', []],
    ['sarif', []],
    ['ndjson', ['--workers', '3']],
    ['json', ['--pretty', '--detail', 'full']],
  ])('ends --format %s %j quietly with 141 (128 + SIGPIPE)', async (format, more) => {
    const r = await readFirstChunk([
      'check',
      SAMPLE,
      '--as-of',
      SAMPLE_AS_OF,
      '--quiet',
      '--fail-on',
      'none',
      '--format',
      format,
      ...more,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(141);
  });
});
