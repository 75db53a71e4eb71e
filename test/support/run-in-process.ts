/**
 * The command run in this process, as `main` runs it (a thrown error becomes its message and
 * exit code 2), with its own output streams and a fixed clock: for tests that need the source
 * rather than the built bundle (coverage, mutation testing, browser tests that read the result).
 */
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** The repository's root: the folder relative paths in `argv` are read from. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What one run gave: its exit code and everything it wrote. */
export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** What the run reads besides `argv`. */
export interface InProcessOptions {
  /** Standard input (default: empty). */
  stdin?: Readable;
  /** The clock's one instant: what `--as-of` defaults to and `meta.generatedAt` says. */
  now?: Date;
}

/** A stream that keeps what is written to it. */
function _sink(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Runs `service-standards ...argv` in this process, with `NO_COLOR` and the repository as the
 * working folder.
 *
 * @example
 * const { code, stdout } = await runInProcess(['check', 'fixtures/sample/sample.ndjson', '--as-of', '2025-06-30']);
 */
export async function runInProcess(
  argv: readonly string[],
  options: InProcessOptions = {},
): Promise<InProcessRun> {
  const out = _sink();
  const err = _sink();
  const io: CliIo = {
    stdout: out.stream,
    stderr: err.stream,
    stdin: options.stdin ?? Readable.from([]),
    env: { NO_COLOR: '1' },
    now: () => options.now ?? new Date('2025-07-01T09:00:00Z'),
    cwd: ROOT,
  };
  const code = await main(['node', 'service-standards', ...argv], io);
  return { code, stdout: out.text(), stderr: err.text() };
}
