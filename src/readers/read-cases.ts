import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DEFAULT_MAPPING, type Mapping } from '../model/mapping.js';
import { requireIterable, requireObject } from '../model/usage-error.js';
import { Assembler } from './assemble.js';
import { compileMapping, type RowMapper } from './compile-mapping.js';
import { readCsv } from './csv.js';
import { ReadError } from './errors.js';
import { enoughToSniff, formatFromName, sniffFormat } from './format.js';
import { readJson } from './json.js';
import { type ReadLimits, readLimits } from './limits.js';
import { type OnCaseText, readNdjson } from './ndjson.js';
import { OCEL_COLUMNS, type OcelOptions, readOcel } from './ocel.js';
import { openInput, peek, type ReadInput } from './open-input.js';
import { createReadStats, type InputStats, type ReadStats } from './stats.js';
import type { InputFormat, ReadItem } from './types.js';
import { readXes } from './xes.js';

/** Options of {@link readCases}. */
export interface ReadCasesOptions {
  /** The format of every input; default from each name's extension, else sniffed from the content. */
  inputFormat?: InputFormat;
  /** The mapping for CSV and XES inputs (validated with `MappingSchema`); default {@link DEFAULT_MAPPING}. */
  mapping?: Mapping;
  /**
   * Flat logs (NDJSON events, CSV rows) keep each case's records together: cases are emitted as
   * the case id changes, with bounded memory. A case id that comes back later is a problem.
   * Without it, flat logs are grouped in memory across all inputs and emitted at the end.
   */
  sortedByCase?: boolean;
  /** The stream `-` reads (default `process.stdin`). */
  stdin?: Readable;
  /** Stats to fill (default a fresh one, also on the returned reader). */
  stats?: ReadStats;
  /**
   * An input with no records, or inputs with no case at all, are read without error. By default
   * they are a ReadError: an empty export, or a mapping whose filters keep nothing, must not pass
   * for a clean run.
   */
  allowEmpty?: boolean;
  /** How object-centric (OCEL) inputs become cases: the case object type, and related objects. */
  ocel?: OcelOptions;
  /** Bounds on line length, case size and decompressed size ({@link DEFAULT_READ_LIMITS} by default). */
  limits?: Partial<ReadLimits>;
}

/** The cases of some inputs, as an async generator, with the stats it fills as it goes. */
export type CaseReader = AsyncGenerator<ReadItem, void, undefined> & { readonly stats: ReadStats };

/**
 * The inputs' total size in bytes when each is a file; undefined when one is standard input, a
 * stream, or not a file that can be read (opening it then says why).
 */
async function _totalBytes(inputs: readonly ReadInput[]): Promise<number | undefined> {
  let total = 0;
  for (const input of inputs) {
    if (typeof input !== 'string' || input === '-') return undefined;
    const info = await stat(input).catch(() => undefined);
    if (info === undefined || !info.isFile()) return undefined;
    total += info.size;
  }
  return total;
}

async function* _readAll(
  inputs: readonly ReadInput[],
  options: ReadCasesOptions,
  stats: ReadStats,
  onCaseText?: OnCaseText,
): AsyncGenerator<ReadItem, void, undefined> {
  let mapper: RowMapper | undefined;
  const mapperFor = () => {
    mapper ??= compileMapping(options.mapping ?? DEFAULT_MAPPING);
    return mapper;
  };
  const limits = readLimits(options.limits);
  const asm = new Assembler({
    sortedByCase: options.sortedByCase === true,
    stats,
    maxCaseEvents: limits.maxCaseEvents,
  });
  stats.bytesTotal = await _totalBytes(inputs);
  const onRead = (bytes: number) => {
    stats.bytesRead += bytes;
  };
  for (const input of inputs) {
    const opened = await openInput(input, options.stdin, limits.maxInflatedBytes, onRead);
    let chunks = opened.chunks;
    let format =
      (typeof input === 'string' ? undefined : input.format) ??
      options.inputFormat ??
      formatFromName(opened.name);
    if (format === undefined) {
      const { head, all } = await peek(chunks, enoughToSniff);
      format = sniffFormat(head);
      chunks = all;
    }
    const inputStats: InputStats = { file: opened.name, format, gzip: opened.gzip, bytes: 0, records: 0 };
    stats.inputs.push(inputStats);
    switch (format) {
      case 'json':
        asm.setInput(opened.name, ['caseId']);
        yield* readJson(chunks, asm, inputStats);
        break;
      case 'ndjson':
        asm.setInput(opened.name, ['caseId']);
        yield* readNdjson(chunks, asm, inputStats, limits.maxLineBytes, onCaseText);
        break;
      case 'csv':
        asm.setInput(opened.name, [mapperFor().mapping.columns.caseId]);
        yield* readCsv(chunks, asm, inputStats, mapperFor(), stats, limits.maxLineBytes);
        break;
      case 'xes':
        asm.setInput(opened.name, [mapperFor().mapping.columns.caseId]);
        yield* readXes(
          chunks,
          asm,
          inputStats,
          mapperFor(),
          stats,
          limits.maxCaseEvents,
          limits.maxLineBytes,
        );
        break;
      case 'ocel':
        asm.setInput(opened.name, [options.mapping?.columns.caseId ?? OCEL_COLUMNS.caseId]);
        yield* readOcel(chunks, asm, inputStats, options.mapping, options.ocel ?? {}, stats);
        break;
    }
    const digest = opened.digest();
    inputStats.sha256 = digest.sha256;
    inputStats.bytes = digest.bytes;
    if (inputStats.records === 0 && options.allowEmpty !== true)
      throw new ReadError(
        opened.name,
        `"${opened.name}" holds no records: nothing to read (--allow-empty accepts an empty input)`,
      );
  }
  yield* asm.finish();
  if (stats.cases === 0 && options.allowEmpty !== true) {
    const kept = stats.filtered > 0 ? `; the mapping's filters left out all ${stats.filtered} record(s)` : '';
    const names = stats.inputs.map((i) => i.file).join(', ');
    throw new ReadError(names, `No case was read from ${names}${kept} (--allow-empty accepts this)`);
  }
}

/**
 * Reads case logs: each input is a path (`-` is standard input; `.gz` or gzip content is
 * decompressed) or a named stream, in JSON, NDJSON, CSV or XES (from `inputFormat`, else the
 * extension, else the content), one after another. Yields each case read (with `source: { file,
 * line }`) or a rejected case with its problems (file, line, field): bad data is never thrown and
 * never dropped. CSV and XES go through the mapping. Fills `stats` as it streams: cases and
 * events yielded, rows filtered out, unmapped activities, and each input's SHA-256.
 * @throws ReadError for an input that cannot be read (missing file, broken gzip, CSV header
 * without the mapped columns).
 * @example
 * const reader = readCases(['receipt.csv'], { mapping: await loadMapping('receipt.mapping.json') });
 * for await (const outcome of evaluateCases(reader, { ruleset, asOf })) { ... }
 * reader.stats.unmappedActivities; // Map { 'T11 Create document X request unlicensed' => 44, ... }
 */
export function readCases(inputs: readonly ReadInput[], options: ReadCasesOptions = {}): CaseReader {
  requireIterable('readCases', inputs, 'inputs', "readCases(['cases.ndjson'], options)");
  requireObject('readCases', options, 'options', "readCases(['cases.ndjson'], { mapping })");
  const stats = options.stats ?? createReadStats();
  return Object.assign(_readAll(inputs, options, stats), { stats });
}

/** A {@link CaseReader} that also knows the JSON text each whole case was parsed from. */
export type CaseTextReader = CaseReader & {
  /** The text of an NDJSON line holding a whole case read without problems, while the item is alive. */
  textOf(item: ReadItem): string | undefined;
};

/**
 * @internal {@link readCases}, also keeping the text of each whole case of an NDJSON input, so
 * that `check --workers` hands worker threads a string to parse rather than the parsed case to
 * clone (structured cloning a case costs more than parsing it twice).
 * @example
 * const reader = readCasesWithText(['log.ndjson']);
 * for await (const item of reader) reader.textOf(item); // '{"caseId":"C1","events":[...]}'
 */
export function readCasesWithText(
  inputs: readonly ReadInput[],
  options: ReadCasesOptions = {},
): CaseTextReader {
  const stats = options.stats ?? createReadStats();
  const texts = new WeakMap<ReadItem, string>();
  const reader = _readAll(inputs, options, stats, (item, text) => texts.set(item, text));
  return Object.assign(reader, { stats, textOf: (item: ReadItem) => texts.get(item) });
}
