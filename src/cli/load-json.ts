import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.js';

/** Reads a JSON file given on the command line; its bytes are kept for the report's hash. */
export async function readJsonFile(file: string, what: string): Promise<{ value: unknown; bytes: Buffer }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new UsageError(
      `${what} ${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  try {
    // A byte-order mark is accepted, as it is in logs (editors on Windows write one).
    return { value: JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as unknown, bytes };
  } catch (e) {
    throw new UsageError(`${what} ${file}: not valid JSON: ${(e as Error).message}`);
  }
}
