/**
 * What the HTML report embeds for its script, built from the report alone: a compact, deduplicated
 * form of every case's findings, and what can be derived reliably from the findings' measurements
 * (the local date of receipt, the dates of the events the findings cite). Internals are `_`-prefixed.
 */
import type { CaseResult, Finding, Status } from '../../model/finding.js';
import { STATUSES } from '../../model/vocabulary.js';
import { explanationWithReview } from '../common.js';
import { type DeadlineRow, type FindingMarks, markRows } from './faults.js';

/** An event row: id and local date, plus type and working days since receipt when the report carries a timeline. */
export type _EventRow =
  | [id: string, date: string]
  | [id: string, date: string, type: string, workingDays: number | null];

/**
 * One finding: its indicator (index into `indicators`), status (index into `statuses`),
 * explanation (the text; for a not-applicable finding, whose words many cases share, an index into
 * `strings`), the events it relied on (indexes into its case's `events`),
 * when a pending finding falls due ('' when not), and its marks: the events at fault (indexes)
 * and the deadlines missed or due.
 */
export type _FindingRow = [
  indicator: number,
  status: number,
  explanation: number | string,
  evidence: number[],
  dueAt: string,
  faults: number[],
  deadlines: DeadlineRow[],
];

/**
 * One judged case: its id, worst status (index into `statuses`), local date of receipt ('' when
 * the report does not give it), where it was read (index into `files` and line; -1 when unknown),
 * its findings, and the events they cite in time order.
 */
export type _CaseRow = [
  caseId: string,
  status: number,
  received: string,
  file: number,
  line: number,
  findings: _FindingRow[],
  events: _PageEventRow[],
];

/** An event row as the page embeds it: its type, which many cases share, as an index into `strings`. */
export type _PageEventRow =
  | [id: string, date: string]
  | [id: string, date: string, type: number, workingDays: number | null];

/**
 * The JSON block the report's script reads (version 1): `judged` counts every case of the run,
 * `leftOut` what the page does not embed (`cases` holds the rest).
 */
export interface _HtmlData {
  v: 1;
  statuses: readonly Status[];
  indicators: { ref: string; id: string; title?: string; words?: string }[];
  judged: number;
  leftOut: { attention: number; others: number; max: number };
  cases: _CaseRow[];
  strings: string[];
  files: string[];
}

const _DATE = /^\d{4}-\d{2}-\d{2}$/;
const _MAX_DEPTH = 8;

/**
 * The local date of receipt (YYYY-MM-DD) as the findings' measurements state it: the
 * `receiptDate` the timeliness template records in its fact (`measured.<fact>.receiptDate`)
 * whenever the case has a receipt. Undefined when no finding states one (no receipt, or no
 * timeliness rule in the run) or when two disagree.
 */
export function receiptDateOf(findings: readonly Finding[]): string | undefined {
  let found: string | undefined;
  for (const f of findings) {
    for (const fact of Object.values(f.measured ?? {})) {
      if (fact === null || typeof fact !== 'object') continue;
      const date = (fact as Record<string, unknown>).receiptDate;
      if (typeof date !== 'string' || !_DATE.test(date)) continue;
      if (found !== undefined && found !== date) return undefined;
      found = date;
    }
  }
  return found;
}

/**
 * Where the templates' measurements pair an event id with its local date: an occurrence
 * (`{ id, date, at }`), a response, the ends of a gap, the end of a clock.
 */
const _ID_DATE_KEYS: readonly (readonly [string, string])[] = [
  ['id', 'date'],
  ['responseId', 'responseDate'],
  ['fromId', 'fromDate'],
  ['toId', 'toDate'],
  ['endId', 'endDate'],
];

/** Event dates the findings' measurements state, by event id; an id given two dates gets none. */
export function eventDatesOf(findings: readonly Finding[]): Map<string, string> {
  const dates = new Map<string, string>();
  const conflicting = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > _MAX_DEPTH || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v, depth + 1);
      return;
    }
    const o = value as Record<string, unknown>;
    for (const [idKey, dateKey] of _ID_DATE_KEYS) {
      const id = o[idKey];
      const date = o[dateKey];
      if (typeof id !== 'string' || typeof date !== 'string' || !_DATE.test(date)) continue;
      const known = dates.get(id);
      if (known !== undefined && known !== date) conflicting.add(id);
      else dates.set(id, date);
    }
    for (const v of Object.values(o)) walk(v, depth + 1);
  };
  for (const f of findings) walk(f.measured, 0);
  for (const id of conflicting) dates.delete(id);
  return dates;
}

/**
 * The events a case's findings cite, in time order as far as the report tells it: each finding
 * lists its evidence in time order, and some events have a date; among events neither orders,
 * the one cited first comes first. (A topological merge; should the findings ever disagree, the
 * rest follow in the order first cited.)
 */
export function citedEventsOf(findings: readonly Finding[]): _EventRow[] {
  const dates = eventDatesOf(findings);
  const order = new Map<string, number>();
  for (const f of findings) for (const id of f.evidence) if (!order.has(id)) order.set(id, order.size);
  const ids = [...order.keys()];
  const after = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  const before = new Map<string, number>(ids.map((id) => [id, 0]));
  const edge = (a: string, b: string) => {
    const next = after.get(a);
    if (a === b || !next || next.has(b)) return;
    next.add(b);
    before.set(b, (before.get(b) ?? 0) + 1);
  };
  for (const f of findings) {
    for (let k = 1; k < f.evidence.length; k++) edge(f.evidence[k - 1] as string, f.evidence[k] as string);
  }
  // Every dated event comes after every event of an earlier date.
  const dated = ids.filter((id) => dates.has(id));
  for (const a of dated) {
    for (const b of dated) if ((dates.get(a) as string) < (dates.get(b) as string)) edge(a, b);
  }
  const out: string[] = [];
  const done = new Set<string>();
  const ready = ids.filter((id) => before.get(id) === 0);
  while (out.length < ids.length) {
    if (ready.length === 0) {
      // A cycle: the findings disagree about the order. Take the next one first cited.
      const next = ids.find((id) => !done.has(id));
      if (next === undefined) break;
      ready.push(next);
    }
    ready.sort((a, b) => _byDate(dates, order, a, b));
    const id = ready.shift() as string;
    if (done.has(id)) continue;
    done.add(id);
    out.push(id);
    for (const n of after.get(id) ?? []) {
      const left = (before.get(n) ?? 0) - 1;
      before.set(n, left);
      if (left === 0 && !done.has(n)) ready.push(n);
    }
  }
  return out.map((id) => [id, dates.get(id) ?? '']);
}

function _byDate(dates: Map<string, string>, order: Map<string, number>, a: string, b: string): number {
  const da = dates.get(a);
  const db = dates.get(b);
  if (da !== undefined && db !== undefined && da !== db) return da < db ? -1 : 1;
  return (order.get(a) ?? 0) - (order.get(b) ?? 0);
}

/**
 * One judged case as the page will embed it, with its indicator, explanations and file still as
 * text: the report's shared tables (indicators, strings, files) are made only for the cases the
 * page keeps ({@link dataChunks}).
 */
export type CaseEntry = [
  caseId: string,
  status: number,
  received: string,
  file: string | null,
  line: number,
  findings: FindingEntry[],
  events: _EventRow[],
];

/** A finding as {@link _FindingRow}, its indicator by ref and its explanation as text. */
export type FindingEntry = [
  ref: string,
  status: number,
  explanation: string,
  evidence: number[],
  dueAt: string,
  faults: number[],
  deadlines: DeadlineRow[],
];

/**
 * One case's entry: the whole timeline when the result carries one (else the events the findings
 * cite, in time order), each finding's evidence and faults as indexes into those events, and the
 * deadlines among them. `marksOf` gets each finding with its full measurements when the result
 * carries them (`fullMeasured`).
 */
export function caseEntry(
  result: CaseResult,
  received: string | undefined,
  marksOf: (finding: Finding) => FindingMarks,
): CaseEntry {
  const events: _EventRow[] = result.timeline
    ? result.timeline.map((e): _EventRow => [e.id, e.date, e.type, e.workingDaysSinceReceipt])
    : citedEventsOf(result.findings);
  if (result.timeline) {
    // A cited id the timeline lacks (a report edited by hand) is still listed, not lost.
    const known = new Set(result.timeline.map((e) => e.id));
    for (const f of result.findings) {
      for (const id of f.evidence) {
        if (known.has(id)) continue;
        known.add(id);
        events.push([id, '', '', null]);
      }
    }
  }
  const eventIndex = new Map(events.map(([id], k) => [id, k]));
  const when = result.timeline ?? events.map(([, date]) => ({ date }));
  const statusIndex = (s: Status) => Math.max(0, STATUSES.indexOf(s));
  const findings = result.findings.map((f, k): FindingEntry => {
    const full = result.fullMeasured?.[k];
    const marks = marksOf(full ? { ...f, measured: full } : f);
    return [
      f.ref,
      statusIndex(f.status),
      explanationWithReview(f),
      f.evidence.map((id) => eventIndex.get(id) ?? -1).filter((n) => n >= 0),
      f.dueAt ?? '',
      ...markRows(marks, eventIndex, when),
    ];
  });
  return [
    result.caseId,
    statusIndex(result.status),
    received ?? '',
    result.source?.file ?? null,
    result.source?.line ?? -1,
    findings,
    events,
  ];
}

/** What the page says of the cases it does not embed. */
export interface LeftOut {
  /** Cases judged in all. */
  judged: number;
  /** Cases needing attention (an error, fail, insufficient evidence or pending finding) left out. */
  attention: number;
  /** Other cases left out (every finding passed or did not apply). */
  others: number;
  /** The most cases the page embeds (`--html-max-cases`). */
  max: number;
}

/**
 * The embedded data as JSON text, in pieces (not yet escaped for the page): indicators, the cases
 * in the order given (each finding's indicator and file, a not-applicable finding's explanation
 * and each event's type as indexes into the report's tables), then those strings once each and
 * the files.
 */
export function* dataChunks(
  indicators: readonly _HtmlData['indicators'][number][],
  entries: Iterable<CaseEntry>,
  leftOut: LeftOut,
): Generator<string> {
  const indicatorIndex = new Map(indicators.map((i, k) => [i.ref, k]));
  const strings = _table();
  const files = _table();
  yield `{"v":1,"statuses":${JSON.stringify(STATUSES)},"indicators":${JSON.stringify(indicators)},`;
  yield `"judged":${leftOut.judged},"leftOut":${JSON.stringify({ attention: leftOut.attention, others: leftOut.others, max: leftOut.max })},"cases":[`;
  let first = true;
  for (const [caseId, status, received, file, line, findings, events] of entries) {
    const row: _CaseRow = [
      caseId,
      status,
      received,
      file === null ? -1 : files.index(file),
      line,
      findings.map(
        ([ref, s, explanation, evidence, dueAt, faults, deadlines]): _FindingRow => [
          indicatorIndex.get(ref) ?? -1,
          s,
          // Only these repeat across cases (and event types): a table of every explanation would grow with the page.
          s === _NOT_APPLICABLE ? strings.index(explanation) : explanation,
          evidence,
          dueAt,
          faults,
          deadlines,
        ],
      ),
      events.map((e): _PageEventRow => (e.length === 4 ? [e[0], e[1], strings.index(e[2]), e[3]] : e)),
    ];
    yield (first ? '' : ',') + JSON.stringify(row);
    first = false;
  }
  yield `],"strings":${JSON.stringify(strings.values)},"files":${JSON.stringify(files.values)}}`;
}

const _NOT_APPLICABLE = STATUSES.indexOf('not_applicable');

/** A list of distinct strings and each one's index in it. */
function _table() {
  const values: string[] = [];
  const indexOf = new Map<string, number>();
  return {
    values,
    index(s: string): number {
      let k = indexOf.get(s);
      if (k === undefined) {
        k = values.length;
        values.push(s);
        indexOf.set(s, k);
      }
      return k;
    },
  };
}
