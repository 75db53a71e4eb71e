import type { Readable, Writable } from 'node:stream';

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
