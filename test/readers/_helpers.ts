import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { ReadInput } from '../../src/index.js';
import { isRejected, type ReadCase, type ReadItem, type ReadRejected } from '../../src/readers/types.js';

/** Every item of an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A named in-memory input, as from a pipe: bytes in chunks of `chunkSize` (small, to cross boundaries). */
export function memoryInput(name: string, content: string | Buffer, chunkSize = 7): ReadInput {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  return { name, stream: Readable.from(chunks) };
}

/** Gzips text. */
export const gz = (text: string): Buffer => gzipSync(Buffer.from(text, 'utf8'));

/** Lines joined into NDJSON. */
export const ndjson = (...records: unknown[]): string =>
  `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

/** The case ids of the valid cases and of the rejected ones. */
export function ids(items: ReadItem[]): { cases: string[]; rejected: string[] } {
  const cases: string[] = [];
  const rejected: string[] = [];
  for (const item of items) {
    if (isRejected(item)) rejected.push(item.rejected.caseId);
    else cases.push(item.caseId);
  }
  return { cases, rejected };
}

/** The valid case with this id (throws when absent). */
export function caseOf(items: ReadItem[], caseId: string): ReadCase {
  for (const item of items) if (!isRejected(item) && item.caseId === caseId) return item;
  throw new Error(`no valid case ${caseId}`);
}

/** The rejected case with this id (throws when absent). */
export function rejectedOf(items: ReadItem[], caseId: string): ReadRejected {
  for (const item of items) if (isRejected(item) && item.rejected.caseId === caseId) return item;
  throw new Error(`no rejected case ${caseId}`);
}
