import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvError, parse } from 'csv-parse';
import type { InputIssue } from '../model/issues.js';
import { DEFAULT_MAPPING } from '../model/mapping.js';
import type { Assembler } from './assemble.js';
import type { Row, RowMapper } from './compile-mapping.js';
import { ReadError, readErrorFrom } from './errors.js';
import { DEFAULT_READ_LIMITS, lineTooLong } from './limits.js';
import { countUnmapped, type InputStats, type ReadStats } from './stats.js';
import type { ReadItem } from './types.js';

/** @internal A record as the parser hands it over: fields, raw text, and errors skipped just before it. */
interface _Parsed {
  fields: string[];
  raw: string;
  skipped: CsvError[];
}

/**
 * @internal Line breaks inside a record's raw text (a quoted value across lines), not its own end.
 * @example
 * innerLineBreaks('C1,"a\r\nb"\r\n'); // 1
 */
export function innerLineBreaks(raw: string): number {
  let end = raw.length;
  for (let c = raw.charCodeAt(end - 1); c === 10 || c === 13; c = raw.charCodeAt(end - 1)) end--;
  // Usually the only breaks are the record's own, at its end: nothing to count.
  const lf = raw.indexOf('\n');
  const cr = raw.indexOf('\r');
  if ((lf === -1 || lf >= end) && (cr === -1 || cr >= end)) return 0;
  return raw.slice(0, end).match(/\r\n|\r|\n/g)?.length ?? 0;
}

const _blank = (fields: string[]) => fields.every((f) => f.trim() === '');

/** @internal A row over a header index: no object keyed by untrusted column names is built. */
class _CsvRow implements Row {
  constructor(
    private readonly index: Map<string, number>,
    private readonly fields: string[],
  ) {}
  get(column: string): string | undefined {
    const i = this.index.get(column);
    return i === undefined ? undefined : this.fields[i];
  }
}

/** @internal Checks a header against the mapping: missing required columns are fatal, others warned. */
function _checkHeader(
  header: string[],
  mapper: RowMapper,
  file: string,
  stats: ReadStats,
): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name))
      stats.warnings.push(`${file}: the column "${name}" appears twice in the header; the first is read`);
    else index.set(name, i);
  });
  const missing = mapper.required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const shown = header.length > 20 ? `${header.slice(0, 20).join(', ')}, …` : header.join(', ');
    throw new ReadError(
      file,
      `Cannot read "${file}": the mapping's column(s) ${missing.map((c) => `"${c}"`).join(', ')} are not in its header (${shown}). Check the mapping's "columns" (or pass --mapping).`,
    );
  }
  for (const c of mapper.optional) {
    // The default mapping names `org:resource` in case a log has it.
    if (!index.has(c) && mapper.mapping !== DEFAULT_MAPPING)
      stats.warnings.push(`${file}: the mapping names the column "${c}", which the header does not have`);
  }
  return index;
}

/**
 * @internal Reads a CSV export through a mapping, streaming (csv-parse): the first non-blank row
 * is the header; blank rows are skipped; each row is mapped to an event of a flat log. A row
 * whose field count differs from the header's is a problem (its values may be in the wrong
 * columns); a row csv-parse cannot read is rejected on its own as `(line N)`. Lines are counted
 * here (quoted values may span lines).
 * @throws ReadError when the header lacks the case id, activity or timestamp column.
 * @example
 * for await (const item of readCsv(chunks, assembler, input, mapper, stats)) {}
 */
export async function* readCsv(
  chunks: AsyncIterable<Buffer>,
  asm: Assembler,
  input: InputStats,
  mapper: RowMapper,
  stats: ReadStats,
  maxLineBytes = DEFAULT_READ_LIMITS.maxLineBytes,
): AsyncGenerator<ReadItem> {
  const file = input.file;
  const skips: CsvError[] = [];
  const parser = parse({
    columns: false,
    raw: true,
    bom: true,
    relax_column_count: true,
    max_record_size: maxLineBytes,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    delimiter: mapper.mapping.csv?.delimiter ?? ',',
    encoding: mapper.mapping.csv?.encoding ?? 'utf8',
    on_skip: (err) => {
      if (err !== undefined) skips.push(err);
      return undefined;
    },
    on_record: (record) => {
      const r = record as unknown as { record: string[]; raw: string };
      return { fields: r.record, raw: r.raw, skipped: skips.splice(0) } as unknown as string[];
    },
  });
  const done = pipeline(Readable.from(chunks), parser).then(
    () => undefined,
    (e: unknown) => e,
  );
  let line = 1;
  const skippedItems = (errors: CsvError[]) =>
    errors.flatMap((err) => {
      // An endless record stops the input, as an endless NDJSON line does: the parser cannot
      // tell where the rows after it start.
      if (err.code === 'CSV_MAX_RECORD_SIZE') throw lineTooLong(file, line, maxLineBytes);
      input.records++;
      const problem: InputIssue = {
        code: 'invalid_csv',
        path: [],
        message: `the row cannot be read: ${err.message}`,
      };
      return asm.orphan(line, [problem]);
    });
  let index: Map<string, number> | undefined;
  let width = 0;
  try {
    for await (const parsed of parser as AsyncIterable<_Parsed>) {
      yield* skippedItems(parsed.skipped);
      const start = line;
      line += innerLineBreaks(parsed.raw) + 1;
      const fields = parsed.fields;
      if (_blank(fields)) continue;
      if (index === undefined) {
        index = _checkHeader(fields, mapper, file, stats);
        width = fields.length;
        continue;
      }
      input.records++;
      const m = mapper.map(new _CsvRow(index, fields));
      if (m.filtered) {
        stats.filtered++;
        continue;
      }
      if (m.unmapped !== undefined) countUnmapped(stats, m.unmapped);
      const problems = m.problems;
      if (fields.length !== width) {
        problems.unshift({
          code: 'inconsistent_columns',
          path: [],
          message: `the row has ${fields.length} field(s) but the header has ${width}; its values may be in the wrong columns`,
        });
      }
      yield* m.caseId === undefined
        ? asm.orphan(start, problems)
        : asm.record(
            m.caseId,
            m.events,
            start,
            problems,
            m.attributes,
            mapper.positions === undefined ? undefined : { marks: m.marks, positions: mapper.positions },
          );
    }
  } catch (e) {
    parser.destroy();
    throw readErrorFrom(file, e);
  }
  const failure = await done;
  if (failure !== undefined) throw readErrorFrom(file, failure);
  yield* skippedItems(skips.splice(0));
}
