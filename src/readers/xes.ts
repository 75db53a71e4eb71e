import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { InputIssue } from '../model/issues.js';
import type { Assembler } from './assemble.js';
import type { RowMapper } from './compile-mapping.js';
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
  attributes: Map<string, string>;
  events: { attributes: Map<string, string>; xmlLine: number }[];
  problems: InputIssue[];
}

/** @internal What the element stack holds: the open element's kind. */
type _Open = 'trace' | 'event' | 'attribute' | 'other';

/**
 * @internal Reads IEEE XES, streaming (saxes): each `<trace>` becomes a case. Its attributes
 * (direct children only; nested attributes are ignored) are read as columns prefixed with the
 * mapping's trace prefix (`case:` by default), each event's as columns of its own, and each event
 * goes through the mapping as a row. Memory holds one trace. An XML error inside a trace rejects
 * that trace (the message names the XML line); one outside any trace is a record of its own.
 * Problems carry the trace number as their line.
 * @example
 * for await (const item of readXes(chunks, assembler, input, mapper, stats)) {}
 */
export async function* readXes(
  chunks: AsyncIterable<Buffer>,
  asm: Assembler,
  input: InputStats,
  mapper: RowMapper,
  stats: ReadStats,
): AsyncGenerator<ReadItem> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const out: ReadItem[] = [];
  const stack: _Open[] = [];
  let trace: _Trace | undefined;
  let event: { attributes: Map<string, string>; xmlLine: number } | undefined;
  let traces = 0;
  /** Where the XML first broke: every trace from there on is rejected (the parse cannot be trusted). */
  let broken: string | undefined;

  const finishTrace = (t: _Trace) => {
    const prefixed = new Map<string, string>();
    for (const [k, v] of t.attributes) prefixed.set(`${mapper.tracePrefix}${k}`, v);
    const problems = [...t.problems];
    const events: unknown[] = [];
    let caseId: string | undefined;
    let attributes: Record<string, unknown> | undefined;
    let count = 0;
    t.events.forEach((e, i) => {
      const row = new Map(prefixed);
      for (const [k, v] of e.attributes) row.set(k, v);
      const m = mapper.map(row, ['events', i]);
      if (m.filtered) {
        stats.filtered++;
        return;
      }
      count++;
      if (m.unmapped !== undefined) countUnmapped(stats, m.unmapped);
      for (const p of m.problems)
        problems.push({ ...p, message: `${p.message} (event ${i + 1}, XML line ${e.xmlLine})` });
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
      if (m.event !== undefined) events.push(m.event);
    });
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
      out.push(...asm.orphan(t.number, problems, count, `(trace ${t.number})`));
      return;
    }
    const value: Record<string, unknown> = { caseId };
    if (attributes !== undefined) value.attributes = attributes;
    value.events = events;
    out.push(...asm.whole(value, caseId, count, t.number, problems));
  };

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = _local(tag.name);
    const parent = stack[stack.length - 1];
    let kind: _Open = 'other';
    if (name === 'trace' && trace === undefined) {
      traces++;
      trace = { number: traces, xmlLine: parser.line, attributes: new Map(), events: [], problems: [] };
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
    const kind = stack.pop();
    if (kind === 'event' && event !== undefined && trace !== undefined) {
      trace.events.push(event);
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
    if (out.length > 0) yield* out.splice(0);
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
  yield* out.splice(0);
}
