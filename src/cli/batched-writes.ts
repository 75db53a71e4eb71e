/**
 * Writes to a stream in chunks of many lines rather than one write per line: a write to a file
 * or a pipe costs a system call and the stream's bookkeeping, which for the NDJSON report was a
 * write per case. Lines wait at most a moment (a timer flushes them), so that a slow input still
 * sees its cases' lines come out as they are judged.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Lines written in chunks; see the module's comment. */
export interface BatchedWrites {
  /** Queues a chunk; resolves at once, or once the stream has drained when a full batch was written. */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Writes what is queued; resolves once the stream has taken it (drained, if it had to). */
  flush(): Promise<void>;
  /** Writes what is queued without waiting (as one write per line would have), and stops the timer. */
  close(): void;
}

/** Options of {@link batchWrites}. */
export interface BatchOptions {
  /** Bytes (UTF-16 code units for text) queued before they are written (default 64 kB). */
  flushAt?: number;
  /** The longest a queued line waits for the rest of its batch, in ms (default 50). */
  maxDelayMs?: number;
}

/**
 * Queues chunks for `stream` and writes them together, honouring back-pressure: a batch the
 * stream did not take at once makes the next write wait for `drain` (or fail with the stream's
 * error). Does not end the stream.
 *
 * @example
 * const out = batchWrites(process.stdout);
 * for (const line of lines) await out.write(line);
 * await out.flush();
 */
export function batchWrites(stream: Writable, options: BatchOptions = {}): BatchedWrites {
  const flushAt = options.flushAt ?? 64 * 1024;
  const maxDelayMs = options.maxDelayMs ?? 50;
  let queued: (string | Uint8Array)[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  // Set when the stream did not take a batch at once: what the next write waits for.
  let drained: Promise<unknown> | undefined;
  const send = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (queued.length === 0) return;
    const chunk = _join(queued);
    queued = [];
    size = 0;
    if (!stream.write(chunk) && drained === undefined) {
      drained = once(stream, 'drain');
      // Awaited by the next write or flush; a failure before then is not an unhandled one.
      drained.catch(() => {});
    }
  };
  const settle = async () => {
    const wait = drained;
    drained = undefined;
    if (wait !== undefined) await wait;
  };
  return {
    async write(chunk) {
      if (stream.destroyed) throw stream.errored ?? new Error('the report stream was closed');
      queued.push(chunk);
      size += chunk.length;
      if (size >= flushAt) send();
      else if (timer === undefined) timer = setTimeout(send, maxDelayMs).unref();
      await settle();
    },
    async flush() {
      send();
      await settle();
    },
    close() {
      if (stream.destroyed) queued = [];
      send();
      drained = undefined;
    },
  };
}

/** The chunks as one: text joined, or bytes when any chunk is bytes. */
function _join(chunks: readonly (string | Uint8Array)[]): string | Uint8Array {
  if (chunks.length === 1) return chunks[0] as string | Uint8Array;
  if (chunks.every((c) => typeof c === 'string')) return chunks.join('');
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
}
