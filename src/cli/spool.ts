/**
 * {@link Parts} in temporary files, so that a report that groups cases (by indicator, or meta
 * before cases) is written with bounded memory whatever the number of cases. The files are
 * removed by `dispose`, and when the process is interrupted (SIGINT, SIGTERM) or exits first.
 */
import { once } from 'node:events';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { Parts, Piece } from '../reporters/parts.js';

/** Writes a chunk, waiting when `out` is full; a stream that failed meanwhile fails this write. */
async function _write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed) throw out.errored ?? new Error('the report stream was closed before it was complete');
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Bytes kept per part before they go to its file: enough for few, large writes. Text is encoded
 * into the part's buffer as it is appended, so that the strings die young: kept as strings until
 * a flush, they outlive a scavenge or two and are promoted, and V8 lets the old space grow with
 * that garbage (at 20,000 cases JUnit promoted four times its report's size).
 */
const _BUFFER_BYTES = 64 * 1024;

/** Parts in temporary files; see the module's comment. */
export interface Spool extends Parts {
  /** Writes the pieces in order to `out` (parts copied from their files), honouring back-pressure; does not end `out`. */
  writeTo(pieces: Iterable<Piece>, out: Writable): Promise<void>;
  /** Closes and removes every file; safe to call twice. */
  dispose(): void;
}

/** Writes every byte (`writeSync` may write fewer than asked). */
function _writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

interface _File {
  fd: number;
  path: string;
  buffer: Buffer;
  /** Bytes of `buffer` in use. */
  used: number;
}

/**
 * A spool in a new folder under the system's temporary folder (`TMPDIR`), made when the first
 * part is.
 *
 * @example
 * const spool = createSpool();
 * try {
 *   const builder = createJunitBuilder(spool);
 *   for (const r of results) builder.add(r);
 *   await spool.writeTo(builder.finish({ meta, summary }), out);
 * } finally {
 *   spool.dispose();
 * }
 */
export function createSpool(): Spool {
  let dir: string | undefined;
  const files = new Map<string, _File>();
  let disposed = false;
  const flush = (file: _File) => {
    _writeAll(file.fd, file.buffer.subarray(0, file.used));
    file.used = 0;
  };
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    for (const file of files.values()) closeSync(file.fd);
    files.clear();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    process.off('exit', dispose);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  // Removes the files, then lets the signal do what it would have done without this listener.
  const onSignal = (signal: NodeJS.Signals) => {
    dispose();
    process.kill(process.pid, signal);
  };
  const folder = () => {
    if (dir !== undefined) return dir;
    dir = mkdtempSync(join(tmpdir(), 'service-standards-'));
    process.once('exit', dispose);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    return dir;
  };
  return {
    append(part, text) {
      if (disposed) throw new Error('the spool is disposed');
      let file = files.get(part);
      if (!file) {
        const path = join(folder(), `${files.size}.part`);
        file = { fd: openSync(path, 'w+'), path, buffer: Buffer.allocUnsafe(_BUFFER_BYTES), used: 0 };
        files.set(part, file);
      }
      // A UTF-16 code unit is at most 3 bytes of UTF-8.
      if (file.used + text.length * 3 > _BUFFER_BYTES) flush(file);
      if (text.length * 3 > _BUFFER_BYTES) _writeAll(file.fd, Buffer.from(text));
      else file.used += file.buffer.write(text, file.used);
    },
    async writeTo(pieces, out) {
      for (const piece of pieces) {
        if (typeof piece === 'string') {
          await _write(out, piece);
          continue;
        }
        const file = files.get(piece.part);
        if (!file) continue;
        flush(file);
        for await (const chunk of createReadStream(file.path)) await _write(out, chunk as Buffer);
      }
    },
    dispose,
  };
}
