import type { Readable } from 'node:stream';
import { DEFAULT_MAPPING, type Mapping } from '../model/mapping.js';
import { _Assembler } from './assemble.js';
import { _compileMapping, type _RowMapper } from './compile-mapping.js';
import { _readCsv } from './csv.js';
import { _enoughToSniff, _sniffFormat, formatFromName } from './format.js';
import { _readJson } from './json.js';
import { _readNdjson } from './ndjson.js';
import { _openInput, _peek, type ReadInput } from './open-input.js';
import { createReadStats, type InputStats, type ReadStats } from './stats.js';
import type { InputFormat, ReadItem } from './types.js';
import { _readXes } from './xes.js';

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
}

/** The cases of some inputs, as an async generator, with the stats it fills as it goes. */
export type CaseReader = AsyncGenerator<ReadItem, void, undefined> & { readonly stats: ReadStats };

async function* _readAll(
  inputs: readonly ReadInput[],
  options: ReadCasesOptions,
  stats: ReadStats,
): AsyncGenerator<ReadItem, void, undefined> {
  let mapper: _RowMapper | undefined;
  const mapperFor = () => {
    mapper ??= _compileMapping(options.mapping ?? DEFAULT_MAPPING);
    return mapper;
  };
  const asm = new _Assembler({ sortedByCase: options.sortedByCase === true, stats });
  for (const input of inputs) {
    const opened = await _openInput(input, options.stdin);
    let chunks = opened.chunks;
    let format =
      (typeof input === 'string' ? undefined : input.format) ??
      options.inputFormat ??
      formatFromName(opened.name);
    if (format === undefined) {
      const { head, all } = await _peek(chunks, _enoughToSniff);
      format = _sniffFormat(head);
      chunks = all;
    }
    const inputStats: InputStats = { file: opened.name, format, gzip: opened.gzip, bytes: 0, records: 0 };
    stats.inputs.push(inputStats);
    switch (format) {
      case 'json':
        asm.setInput(opened.name, ['caseId']);
        yield* _readJson(chunks, asm, inputStats);
        break;
      case 'ndjson':
        asm.setInput(opened.name, ['caseId']);
        yield* _readNdjson(chunks, asm, inputStats);
        break;
      case 'csv':
        asm.setInput(opened.name, [mapperFor().mapping.columns.caseId]);
        yield* _readCsv(chunks, asm, inputStats, mapperFor(), stats);
        break;
      case 'xes':
        asm.setInput(opened.name, [mapperFor().mapping.columns.caseId]);
        yield* _readXes(chunks, asm, inputStats, mapperFor(), stats);
        break;
    }
    const digest = opened.digest();
    inputStats.sha256 = digest.sha256;
    inputStats.bytes = digest.bytes;
  }
  yield* asm.finish();
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
  const stats = options.stats ?? createReadStats();
  return Object.assign(_readAll(inputs, options, stats), { stats });
}
