import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What the command touches of the outside world, so tests can give it their own. */
export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env: Readonly<Record<string, string | undefined>>;
  /** The clock, read only to default `--as-of` and to stamp `generatedAt`. */
  now(): Date;
  cwd: string;
}

/** The process's own streams, environment and clock. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    now: () => new Date(),
    cwd: process.cwd(),
  };
}

/** Writes text and waits until the stream has taken it (so large reports are not cut off at exit). */
export function writeText(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : resolve()));
  });
}

/**
 * Writes text in pieces as the stream takes them (so a large report is never one string), and
 * waits until it has taken everything; ends the stream when `end` says so.
 */
export async function writeChunks(stream: Writable, chunks: Iterable<string>, end: boolean): Promise<void> {
  await pipeline(Readable.from(chunks), stream, { end });
  if (!end) await writeText(stream, '');
}
