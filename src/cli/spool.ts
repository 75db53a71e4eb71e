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

/** Text kept per part before it goes to its file: enough for few, large writes. */
const _FLUSH_AT = 64 * 1024;

/** Parts in temporary files; see the module's comment. */
export interface Spool extends Parts {
  /** Writes the pieces in order to `out` (parts copied from their files), honouring back-pressure; does not end `out`. */
  writeTo(pieces: Iterable<Piece>, out: Writable): Promise<void>;
  /** Closes and removes every file; safe to call twice. */
  dispose(): void;
}

interface _File {
  fd: number;
  path: string;
  pending: string[];
  size: number;
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
    if (file.pending.length === 0) return;
    writeSync(file.fd, file.pending.join(''));
    file.pending = [];
    file.size = 0;
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
        file = { fd: openSync(path, 'w+'), path, pending: [], size: 0 };
        files.set(part, file);
      }
      file.pending.push(text);
      file.size += text.length;
      if (file.size >= _FLUSH_AT) flush(file);
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
