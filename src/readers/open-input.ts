import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { ReadError, readErrorFrom } from './errors.js';
import { DEFAULT_READ_LIMITS, inflatesTooMuch } from './limits.js';
import type { InputFormat } from './types.js';

/**
 * An input: a path (`-` is standard input), or a named stream of bytes (or text), optionally with
 * its format when the name has no telling extension.
 */
export type ReadInput =
  | string
  | { name: string; stream: Readable | AsyncIterable<Uint8Array | string>; format?: InputFormat };

/** @internal An opened input: its bytes, gunzipped when they were gzip. */
export interface _OpenedInput {
  name: string;
  gzip: boolean;
  chunks: AsyncIterable<Buffer>;
  /** SHA-256 (hex) and size of the bytes as stored; complete once `chunks` has been read to the end. */
  digest(): { sha256: string; bytes: number };
}

/**
 * The name a `-` input is reported under.
 * @example
 * item.source.file === STDIN_NAME; // read from standard input
 */
export const STDIN_NAME = '<stdin>';

/**
 * @internal The display name of an input.
 * @example
 * _inputName('-'); // '<stdin>'
 */
export function _inputName(input: ReadInput): string {
  if (typeof input !== 'string') return input.name;
  return input === '-' ? STDIN_NAME : input;
}

/**
 * @internal Reads an iterable until `enough(head)` or its end, and gives back those bytes and an
 * iterable of everything (the head first), so that a stream can be sniffed without being lost.
 * @example
 * const { head, all } = await peek(chunks, (b) => b.length >= 2);
 */
export async function peek(
  chunks: AsyncIterable<Buffer>,
  enough: (head: Buffer) => boolean,
): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const it = chunks[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let head: Buffer = Buffer.alloc(0);
  let done = false;
  while (!enough(head)) {
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    head = taken.length === 1 ? next.value : Buffer.concat([head, next.value]);
  }
  async function* all(): AsyncGenerator<Buffer> {
    try {
      yield* taken;
      if (done) return;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return?.();
    }
  }
  return { head, all: all() };
}

async function _sourceOf(input: ReadInput, stdin: Readable | undefined, name: string) {
  if (typeof input !== 'string') return input.stream;
  if (input === '-') return stdin ?? process.stdin;
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(input, 'r');
  } catch (e) {
    throw readErrorFrom(name, e);
  }
  const stat = await handle.stat();
  if (stat.isDirectory()) {
    await handle.close();
    throw new ReadError(name, `Cannot read "${name}": it is a directory`);
  }
  return handle.createReadStream();
}

/**
 * @internal Opens an input for reading: a file, standard input or a given stream; gzip is
 * recognised by its magic bytes (whatever the name) and decompressed (at most `maxInflatedBytes`,
 * else a ReadError); the stored bytes are hashed as they stream, and `onRead` is told how many
 * as each chunk arrives. Throws {@link ReadError} for a file that cannot be opened; read errors
 * later (including a broken gzip stream) surface as ReadError from `chunks`.
 * @example
 * const input = await openInput('log.csv.gz', undefined);
 * for await (const chunk of input.chunks) {}
 * input.digest().sha256;
 */
export async function openInput(
  input: ReadInput,
  stdin: Readable | undefined,
  maxInflatedBytes = DEFAULT_READ_LIMITS.maxInflatedBytes,
  onRead?: (bytes: number) => void,
): Promise<_OpenedInput> {
  const name = _inputName(input);
  const source = await _sourceOf(input, stdin, name);
  const hash = createHash('sha256');
  let bytes = 0;
  let sha256: string | undefined;
  async function* raw(): AsyncGenerator<Buffer> {
    try {
      for await (const c of source as AsyncIterable<Uint8Array | string>) {
        const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.isBuffer(c) ? c : Buffer.from(c);
        hash.update(b);
        bytes += b.length;
        onRead?.(b.length);
        yield b;
      }
      sha256 = hash.digest('hex');
    } catch (e) {
      throw readErrorFrom(name, e);
    }
  }
  const { head, all } = await peek(raw(), (b) => b.length >= 2);
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  let chunks: AsyncIterable<Buffer> = all;
  if (gzip) {
    const gunzip = createGunzip();
    pipeline(Readable.from(all), gunzip).catch(() => {
      // The error reaches the reader through `gunzip` itself.
    });
    chunks = (async function* () {
      let inflated = 0;
      try {
        for await (const c of gunzip) {
          inflated += (c as Buffer).length;
          if (inflated > maxInflatedBytes) throw inflatesTooMuch(name, maxInflatedBytes);
          yield c as Buffer;
        }
      } catch (e) {
        throw readErrorFrom(name, e);
      } finally {
        gunzip.destroy();
      }
    })();
  }
  return {
    name,
    gzip,
    chunks,
    digest: () => ({ sha256: sha256 ?? '', bytes }),
  };
}
