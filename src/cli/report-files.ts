/** Report files: created with their folder (`--report` creates missing folders), errors named. */
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError } from './errors.js';

const _cannotWrite = (path: string, e: unknown) =>
  new UsageError(
    `cannot write the report ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
  );

/** A report file's stream (check's and summarize's), its folder created when missing. */
export function createReportStream(path: string): Writable {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
  } catch (e) {
    throw _cannotWrite(path, e);
  }
  return createWriteStream(path);
}

/**
 * Writes a report file piece by piece through `write`, then closes it; any error writing it
 * becomes a usage error naming the file.
 */
export async function writeReportStream(
  path: string,
  write: (out: Writable) => Promise<void>,
): Promise<void> {
  const out = createReportStream(path);
  // An error while `write` is not waiting on the stream must not go unheard.
  let failed: unknown;
  const onError = (e: unknown) => {
    failed ??= e;
  };
  out.on('error', onError);
  try {
    await once(out, 'open');
    await write(out);
    await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
    if (failed !== undefined) throw failed;
  } catch (e) {
    out.destroy();
    throw _cannotWrite(path, failed ?? e);
  } finally {
    out.off('error', onError);
  }
}

/** Writes a whole report file, creating its folder when missing. */
export function writeReportFile(path: string, text: string): Promise<void> {
  return writeReportStream(path, async (out) => {
    out.write(text);
  });
}
