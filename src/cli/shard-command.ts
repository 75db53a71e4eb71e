import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { ReadLimits } from '../readers/limits.js';
import { parseMapping } from '../readers/load-mapping.js';
import type { OcelOptions } from '../readers/ocel.js';
import { readCases } from '../readers/read-cases.js';
import { createReadStats } from '../readers/stats.js';
import { type InputFormat, isRejected } from '../readers/types.js';
import { forTerminal } from './display.js';
import { EXIT, UsageError } from './errors.js';
import { type CliIo, writeText } from './io.js';
import { readJsonFile } from './load-json.js';
import { shardOf } from './shard-hash.js';

/** Most shards: each is an open file while the input is read. */
export const MAX_SHARDS = 1024;

/** Options of {@link runShard}, as the command line gives them. */
export interface ShardOptions {
  input: string;
  shards: number;
  out: string;
  inputFormat?: InputFormat | undefined;
  sortedByCase?: boolean | undefined;
  mapping?: string | undefined;
  allowEmpty?: boolean | undefined;
  limits?: Partial<ReadLimits> | undefined;
  ocel?: OcelOptions | undefined;
}

/** Names written by `shard`: `shard-003-of-008.ndjson`, and `rejected.ndjson`. */
const _OURS = /^(?:shard-\d+-of-\d+\.ndjson|rejected\.ndjson)$/;

/** The file of shard `i` (0-based) of `n`, numbered from 1 and padded so names sort. */
export function shardFileName(i: number, n: number): string {
  const width = Math.max(3, String(n).length);
  return `shard-${String(i + 1).padStart(width, '0')}-of-${String(n).padStart(width, '0')}.ndjson`;
}

/** Creates the folder; refuses one that holds shards already (a glob would mix two splits). */
async function _prepareOut(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const old = (await readdir(dir)).filter((f) => _OURS.test(f));
    if (old.length > 0)
      throw new UsageError(
        `--out ${dir}: already holds ${old[0]} (and ${old.length - 1} more): remove them first`,
      );
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--out ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

async function _write(stream: Writable, line: string): Promise<void> {
  if (!stream.write(line)) await once(stream, 'drain');
}

const _close = (stream: Writable) =>
  new Promise<void>((ok, fail) => stream.end((e?: Error | null) => (e ? fail(e) : ok())));

/**
 * `service-standards shard INPUT --shards N --out DIR`: splits a log into N case-per-line NDJSON
 * files by {@link shardOf} the case id, so that no case is ever split across shards and the same
 * input always gives the same shards. Any input `check` reads (a flat CSV or XES log with its
 * mapping, streamed with bounded memory when `--sorted-by-case`); each case is written as read,
 * before judging, so `check` on a shard judges it as on the whole log. Shards that would hold no
 * case are not written; the files written are listed on standard output, one per line. Cases the
 * reader rejects go to `DIR/rejected.ndjson` with their problems, and the exit code is 2.
 *
 * @example
 * await runShard({ input: 'log.ndjson', shards: 8, out: 'shards' }, processIo());
 */
export async function runShard(options: ShardOptions, io: CliIo): Promise<number> {
  if (!Number.isInteger(options.shards) || options.shards < 1 || options.shards > MAX_SHARDS)
    throw new UsageError(`--shards: expected a whole number from 1 to ${MAX_SHARDS}`);
  const mapping = options.mapping
    ? parseMapping((await readJsonFile(options.mapping, 'mapping')).value, options.mapping)
    : undefined;
  await _prepareOut(options.out);
  if (mapping?.calendar) {
    await writeText(
      io.stderr,
      "warning: the mapping's calendar is not carried into the shards: give check the same calendar with --config\n",
    );
  }
  const stats = createReadStats();
  const files: (Writable | undefined)[] = new Array(options.shards).fill(undefined);
  let rejected: Writable | undefined;
  let rejectedCount = 0;
  for await (const item of readCases([options.input], {
    inputFormat: options.inputFormat,
    mapping,
    sortedByCase: options.sortedByCase,
    stdin: io.stdin,
    stats,
    allowEmpty: options.allowEmpty,
    limits: options.limits,
    ocel: options.ocel,
  })) {
    if (isRejected(item)) {
      rejected ??= createWriteStream(join(options.out, 'rejected.ndjson'));
      rejectedCount++;
      await _write(rejected, `${JSON.stringify({ ...item.rejected, source: item.source })}\n`);
      continue;
    }
    const { source: _, ...kase } = item;
    const i = shardOf(item.caseId, options.shards);
    let file = files[i];
    if (!file) {
      file = createWriteStream(join(options.out, shardFileName(i, options.shards)));
      files[i] = file;
    }
    await _write(file, `${JSON.stringify(kase)}\n`);
  }
  await Promise.all([...files, rejected].map((f) => (f ? _close(f) : undefined)));
  const written = files.flatMap((f, i) => (f ? [join(options.out, shardFileName(i, options.shards))] : []));
  await writeText(io.stdout, written.map((f) => `${f}\n`).join(''));
  for (const w of stats.warnings) await writeText(io.stderr, `warning: ${forTerminal(w)}\n`);
  if (rejectedCount > 0) {
    await writeText(
      io.stderr,
      `${rejectedCount} case(s) rejected as invalid: listed with their problems in ${join(options.out, 'rejected.ndjson')}\n`,
    );
    return EXIT.input;
  }
  return EXIT.ok;
}
