import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { InputIssue } from '../model/issues.js';
import { DEFAULT_MAPPING } from '../model/mapping.js';
import type { Assembler } from './assemble.js';
import { caseEvents, type RowMarks } from './case-rules.js';
import type { RowMapper } from './compile-mapping.js';
import { ReadError } from './errors.js';
import { caseTooLong, DEFAULT_READ_LIMITS, lineTooLong } from './limits.js';
import { define } from './safe-object.js';
import { countUnmapped, type InputStats, type ReadStats } from './stats.js';
import type { ReadItem } from './types.js';

/** XES attribute elements; their children (nested attributes, list values) are ignored. */
const _ATTRIBUTE = new Set(['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container']);
/** XML errors kept per trace (a broken file can report one per character after the break). */
const _MAX_XML_ERRORS = 5;

const _local = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

interface _Trace {
  number: number;
  xmlLine: number;
  /** `<trace>` elements met inside this one (not XES), reported once. */
  nested: number;
  attributes: Map<string, string>;
  events: { attributes: Map<string, string>; xmlLine: number }[];
  problems: InputIssue[];
}

/** @internal What the element stack holds: the open element's kind. */
type _Open = 'trace' | 'event' | 'attribute' | 'other';

/** Traces held back while a key the mapping needs has not been seen yet (see {@link readXes}). */
const _HOLD_LIMIT = 10_000;
/** Distinct keys remembered to name in a message about a key no event has. */
const _KEYS_SHOWN = 40;

/**
 * @internal Reads IEEE XES, streaming (saxes): each `<trace>` becomes a case. Its attributes
 * (direct children only; nested attributes are ignored) are read as columns prefixed with the
 * mapping's trace prefix (`case:` by default), each event's as columns of its own, and each event
 * goes through the mapping as a row. Memory holds one trace. An XML error inside a trace rejects
 * that trace (the message names the XML line); one outside any trace is a record of its own.
 * Cases and problems carry real XML line numbers (a trace's `<trace>`, an event's `<event>`).
 *
 * Nothing is wrong in silence: a document that is not XML, XML whose root is not `<log>`, an OCEL
 * log, and a mapping whose case id, activity or timestamp key no event has (with the keys that
 * exist) are errors; a `<trace>` inside a trace rejects that trace; events outside any trace and
 * mapped optional keys no event has are warnings. Traces are held back (at most 10,000) until each
 * required key has been seen, so that a misspelt key is one error rather than a problem per event.
 * @throws ReadError as above.
 * @example
 * for await (const item of readXes(chunks, assembler, input, mapper, stats)) {}
 */
export async function* readXes(
  chunks: AsyncIterable<Buffer>,
  asm: Assembler,
  input: InputStats,
  mapper: RowMapper,
  stats: ReadStats,
  maxCaseEvents = DEFAULT_READ_LIMITS.maxCaseEvents,
  maxLineBytes = DEFAULT_READ_LIMITS.maxLineBytes,
): AsyncGenerator<ReadItem> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const file = input.file;
  const out: ReadItem[] = [];
  const keys = _keyTracker(mapper);
  let root: 'none' | 'log' = 'none';
  let looseEvents = 0;
  const stack: _Open[] = [];
  let trace: _Trace | undefined;
  let event: { attributes: Map<string, string>; xmlLine: number } | undefined;
  let traces = 0;
  /** Where the XML first broke: every trace from there on is rejected (the parse cannot be trusted). */
  let broken: string | undefined;

  const finishTrace = (t: _Trace) => {
    const prefixed = new Map<string, string>();
    for (const [k, v] of t.attributes) prefixed.set(`${mapper.tracePrefix}${k}`, v);
    keys.see(prefixed);
    const problems = [...t.problems];
    let events: unknown[] = [];
    let eventLines: number[] = [];
    const marks: RowMarks[] = [];
    let caseId: string | undefined;
    let attributes: Record<string, unknown> | undefined;
    let count = 0;
    t.events.forEach((e, i) => {
      const row = new Map(prefixed);
      for (const [k, v] of e.attributes) row.set(k, v);
      keys.see(e.attributes);
      const m = mapper.map(row, ['events', i]);
      if (m.filtered) {
        stats.filtered++;
        return;
      }
      count++;
      if (m.unmapped !== undefined) countUnmapped(stats, m.unmapped);
      for (const p of m.problems)
        problems.push({ ...p, message: `${p.message} (event ${i + 1})`, line: e.xmlLine });
      if (m.caseId !== undefined) {
        if (caseId === undefined) caseId = m.caseId;
        else if (m.caseId !== caseId) {
          problems.push({
            code: 'case_mismatch',
            path: ['events', i, mapper.mapping.columns.caseId],
            message: `event ${i + 1} has case id "${m.caseId}", not the trace's "${caseId}"`,
          });
        }
      }
      if (m.attributes !== undefined) {
        attributes ??= {};
        for (const [k, v] of Object.entries(m.attributes))
          if (!Object.hasOwn(attributes, k)) define(attributes, k, v);
      }
      if (m.marks !== undefined) marks.push({ ...m.marks, line: e.xmlLine });
      for (const event of m.events) {
        events.push(event);
        eventLines.push(e.xmlLine);
      }
    });
    if (mapper.positions !== undefined && problems.length === 0) {
      const made = caseEvents(marks, mapper.positions);
      events = made.events;
      eventLines = made.lines;
    }
    if (caseId === undefined && count === 0) {
      caseId = (prefixed.get(mapper.mapping.columns.caseId) ?? '').trim() || undefined;
    }
    input.records++;
    if (caseId === undefined) {
      const column = mapper.mapping.columns.caseId;
      problems.push({
        code: 'missing_value',
        path: [column],
        message: `the trace has no case id ("${column}")`,
      });
      out.push(...asm.orphan(t.xmlLine, problems, count, `(trace ${t.number})`));
      return;
    }
    const value: Record<string, unknown> = { caseId };
    if (attributes !== undefined) value.attributes = attributes;
    value.events = events;
    out.push(...asm.whole(value, caseId, count, t.xmlLine, problems, eventLines));
  };

  // Characters since the last tag: an endless attribute value or text is refused as it grows,
  // as an endless line is in NDJSON (saxes would hold it whole).
  let sinceTag = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    sinceTag = 0;
    const name = _local(tag.name);
    const parent = stack[stack.length - 1];
    let kind: _Open = 'other';
    if (root === 'none') {
      _checkRoot(name, file);
      root = 'log';
    } else if (stack.length === 1 && _OCEL_PARTS.has(name)) {
      throw new ReadError(
        file,
        `Cannot read "${file}" as XES: it is an OCEL log (<${name}> in <log>). ${_OCEL_HINT}`,
      );
    }
    if (name === 'trace' && trace !== undefined) {
      trace.nested++;
      if (trace.nested === 1) {
        const message = `a <trace> inside this trace (XML line ${parser.line}) is not XES: its events were not read`;
        trace.problems.push({ code: 'nested_trace', path: [], message, line: parser.line });
      }
    } else if (name === 'event' && stack.length === 1) {
      looseEvents++;
    }
    if (name === 'trace' && trace === undefined) {
      traces++;
      trace = {
        number: traces,
        xmlLine: parser.line,
        nested: 0,
        attributes: new Map(),
        events: [],
        problems: [],
      };
      if (broken !== undefined) {
        const message = `comes after the XML error at ${broken}: the rest of the file cannot be read reliably`;
        trace.problems.push({ code: 'invalid_xml', path: [], message });
      }
      kind = 'trace';
    } else if (name === 'event' && parent === 'trace' && trace !== undefined) {
      event = { attributes: new Map(), xmlLine: parser.line };
      kind = 'event';
    } else if (_ATTRIBUTE.has(name)) {
      kind = 'attribute';
      const key = tag.attributes.key;
      const value = tag.attributes.value;
      if (typeof key === 'string' && typeof value === 'string') {
        if (parent === 'event' && event !== undefined) event.attributes.set(key, value);
        else if (parent === 'trace' && trace !== undefined) trace.attributes.set(key, value);
      }
    }
    stack.push(kind);
  });
  parser.on('closetag', () => {
    sinceTag = 0;
    const kind = stack.pop();
    if (kind === 'event' && event !== undefined && trace !== undefined) {
      if (trace.events.length < maxCaseEvents) trace.events.push(event);
      else if (trace.events.length === maxCaseEvents) {
        trace.problems.push({ code: 'case_too_long', path: [], message: caseTooLong(maxCaseEvents) });
        trace.events.push(event);
      }
      event = undefined;
    } else if (kind === 'trace' && trace !== undefined) {
      const t = trace;
      trace = undefined;
      event = undefined;
      finishTrace(t);
    }
  });
  parser.on('error', (err: Error) => {
    const m = /^(\d+):(\d+): (.*)$/s.exec(err.message);
    const message =
      m === null
        ? `not well-formed XML: ${err.message}`
        : `not well-formed XML at line ${m[1]}, column ${m[2]}: ${m[3]}`;
    if (root === 'none') throw new ReadError(file, `Cannot read "${file}" as XES: it is ${message}`);
    if (trace !== undefined) {
      if (trace.problems.length < _MAX_XML_ERRORS)
        trace.problems.push({ code: 'invalid_xml', path: [], message });
    } else if (broken === undefined) {
      input.records++;
      out.push(
        ...asm.orphan(
          parser.line,
          [{ code: 'invalid_xml', path: [], message }],
          0,
          `(XML line ${parser.line})`,
        ),
      );
    }
    broken ??= `line ${m?.[1] ?? parser.line}`;
  });

  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of chunks) {
    let text = decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    parser.write(text);
    sinceTag += text.length;
    if (sinceTag > maxLineBytes) throw lineTooLong(file, parser.line, maxLineBytes);
    if (out.length > 0 && keys.complete(out.length, file)) yield* out.splice(0);
  }
  parser.write(decoder.end());
  parser.close();
  // A trace left open by a truncated file is still a case read: rejected with its problems.
  if (trace !== undefined) {
    const t = trace;
    trace = undefined;
    if (t.problems.length === 0) {
      t.problems.push({ code: 'invalid_xml', path: [], message: 'the file ends inside this trace' });
    }
    finishTrace(t);
  }
  if (root === 'none') throw new ReadError(file, `Cannot read "${file}" as XES: it holds no XML element`);
  keys.finish(file, stats);
  if (looseEvents > 0)
    stats.warnings.push(`${file}: ${looseEvents} <event> element(s) outside any <trace> were not read`);
  yield* out.splice(0);
}

const _OCEL_PARTS = new Set(['object-types', 'event-types', 'objects', 'events']);
const _OCEL_HINT = 'Read it with --input-format ocel and --case-object-type.';

/** The document's root must be XES's `<log>`: other XML (an OCEL log among it) is refused. */
function _checkRoot(name: string, file: string): void {
  if (name === 'log') return;
  const ocel = name === 'ocel' || name.startsWith('ocel');
  throw new ReadError(
    file,
    `Cannot read "${file}" as XES: its root element is <${name}>, not <log>${ocel ? ` (an OCEL log). ${_OCEL_HINT}` : ''}`,
  );
}

/**
 * Which of the keys the mapping names the log has: until every required key (case id, activity,
 * timestamp) has been seen, traces are held back; a required key no event has is then one error
 * naming the keys the log does have, and an optional one a warning.
 */
function _keyTracker(mapper: RowMapper) {
  const wanted = new Set([...mapper.required, ...mapper.optional]);
  const seenWanted = new Set<string>();
  const shown = new Set<string>();
  let missingRequired = mapper.required.length;
  const keysText = () => [...shown].map((k) => `"${k}"`).join(', ') || 'none';
  const missingText = (list: readonly string[]) =>
    list
      .filter((k) => !seenWanted.has(k))
      .map((k) => `"${k}"`)
      .join(', ');
  const fail = (file: string, where: string) =>
    new ReadError(
      file,
      `Cannot read "${file}": the mapping's key(s) ${missingText(mapper.required)} are in no ${where}; keys seen: ${keysText()}. Check the mapping's "columns".`,
    );
  return {
    see(row: Map<string, string>) {
      for (const k of row.keys()) {
        if (shown.size < _KEYS_SHOWN) shown.add(k);
        if (wanted.has(k) && !seenWanted.has(k)) {
          seenWanted.add(k);
          if (mapper.required.includes(k)) missingRequired--;
        }
      }
    },
    /** True when held items may go; throws when too many were held for a key still unseen. */
    complete(held: number, file: string): boolean {
      if (missingRequired === 0) return true;
      if (held > _HOLD_LIMIT)
        throw fail(file, `trace or event of the first ${_HOLD_LIMIT.toLocaleString('en')}`);
      return false;
    },
    finish(file: string, stats: ReadStats) {
      if (missingRequired > 0 && shown.size > 0) throw fail(file, 'trace or event of the log');
      const optional = missingText(mapper.optional);
      // The default mapping names `org:resource` in case a log has it.
      if (optional !== '' && shown.size > 0 && mapper.mapping !== DEFAULT_MAPPING)
        stats.warnings.push(
          `${file}: the mapping names the key(s) ${optional}, which no trace or event has; keys seen: ${keysText()}`,
        );
    },
  };
}
