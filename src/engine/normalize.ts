import { z } from 'zod';
import { CaseEnvelopeSchema } from '../model/case.js';
import { BaseEventSchema, EVENT_DATA_SCHEMAS, eventTypeDocUrl } from '../model/event.js';
import { fromZodIssues, type InputIssue } from '../model/issues.js';
import { civilFromDays } from '../time/days.js';
import { type ParsedInstant, parseInstant } from '../time/instant.js';
import { MAX_YEAR, MIN_YEAR } from '../time/table.js';
import { clockOf, type Zone, type ZoneClock } from '../time/zone-clock.js';
import type { CaseEvent, NormalizedCase } from './case-event.js';

/** Options of {@link normalizeCase}. */
export interface NormalizeCaseOptions {
  /** Zone naive local times and dates are read in (a zone name, or the calendar's clock). */
  zone: Zone;
  /** Events after this instant (epoch ms) are left out and counted. */
  asOfMs: number;
}

/** The outcome of {@link normalizeCase}: a case ready to judge, or every problem found in it. */
export type NormalizeResult =
  | { success: true; case: NormalizedCase }
  | { success: false; caseId: string; issues: InputIssue[] };

// Every case goes through these: zod's ahead-of-time compiled parsers give the plain schemas'
// results and issues, several times faster.
const _envelope = z.compile(CaseEnvelopeSchema);
const _event = z.compile(BaseEventSchema);
const _data: ReadonlyMap<string, z.ZodType> = new Map(
  Object.entries(EVENT_DATA_SCHEMAS).map(([type, schema]) => [type, z.compile(schema)]),
);
const _REPORT = { reportInput: true } as const;

/** Data fields holding instants that must parse (deadlines set by the body). */
export const DEADLINE_FIELDS = ['revisedTargetAt', 'dueAt'] as const;

/**
 * Validates a whole case and reads its instants: a case with any invalid event is rejected whole,
 * with every problem listed (a partial history gives false verdicts). Nothing is mutated. An
 * event without an id is given `<caseId>#<n>`, its one-based position in the input.
 *
 * @example
 * const r = normalizeCase({ caseId: 'C1', events: [{ type: 'complaint.received', at: '2024-05-01' }] }, { zone: 'Europe/London', asOfMs: Date.now() });
 * if (!r.success) console.log(r.issues);
 */
export function normalizeCase(input: unknown, options: NormalizeCaseOptions): NormalizeResult {
  const envelope = _valid(_envelope, input);
  if (!envelope.success)
    return { success: false, caseId: _rawCaseId(input), issues: fromZodIssues(envelope.error.issues) };
  const { caseId, attributes, events: raw } = envelope.data;
  const clock = clockOf(options.zone);
  const issues: InputIssue[] = [];
  const inputIndexById = new Map<string, number>();
  const events: CaseEvent[] = [];
  let after = 0;
  let receivedAfter = false;
  // Every event is checked, so that a rejected case lists all of its problems at once.
  for (let i = 0; i < raw.length; i++) {
    const e = _readEvent(raw[i], i, caseId, clock, inputIndexById, issues);
    if (e === undefined || issues.length > 0) continue;
    if (e.atMs > options.asOfMs) {
      after++;
      if (e.type === 'complaint.received') receivedAfter = true;
    } else events.push(e);
  }
  if (issues.length > 0) return { success: false, caseId, issues: _sortIssues(issues) };
  // Logs are nearly always in time order already: checking costs no copy, sorting does.
  if (!_inTimeOrder(events)) events.sort((a, b) => a.atMs - b.atMs);
  return {
    success: true,
    case: {
      caseId,
      attributes: attributes ?? {},
      events,
      eventsAfterAsOf: after,
      receivedAfterAsOf: receivedAfter,
      eventsRead: raw.length,
      inputIndexById,
    },
  };
}

/**
 * A value checked by a schema: as it is when valid (the schemas transform nothing, so zod's copy
 * would hold the same data), else zod's own result, with its issues.
 */
function _valid<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  if (z.validate(schema, value)) return { success: true, data: value as z.output<S> };
  return schema.safeParse(value, _REPORT);
}

/** The case id as given, for naming a case whose envelope is invalid. */
function _rawCaseId(input: unknown): string {
  const id = input !== null && typeof input === 'object' ? (input as { caseId?: unknown }).caseId : undefined;
  return typeof id === 'string' ? id : '(unknown case)';
}

/**
 * One event in the engine's form, or undefined when it is invalid (its problems added to
 * `issues`). Its id is recorded in `ids` either way, so that a later event reusing it is reported.
 */
function _readEvent(
  raw: unknown,
  i: number,
  caseId: string,
  zone: ZoneClock,
  ids: Map<string, number>,
  issues: InputIssue[],
): CaseEvent | undefined {
  const parsed = _valid(_event, raw);
  if (!parsed.success) {
    issues.push(...fromZodIssues(parsed.error.issues, ['events', i]));
    const rawId = (raw as { id?: unknown } | null)?.id;
    if (typeof rawId === 'string' && rawId !== '' && !ids.has(rawId)) ids.set(rawId, i);
    return undefined;
  }
  const e = parsed.data;
  if (e.caseId !== undefined && e.caseId !== caseId) {
    issues.push({
      code: 'case_mismatch',
      path: ['events', i, 'caseId'],
      message: `event caseId "${e.caseId}" differs from the case's "${caseId}"`,
    });
  }
  const id = e.id ?? `${caseId}#${i + 1}`;
  const prior = ids.get(id);
  if (prior !== undefined) {
    issues.push({
      code: 'duplicate_id',
      path: ['events', i, 'id'],
      message: `event id "${id}" is used twice in case "${caseId}" (also at events.${prior})`,
    });
  } else ids.set(id, i);
  const data = _readData(e.type, e.data ?? {}, i, zone, issues);
  const at = _instant(e.at, zone, 'start', i, undefined, issues);
  if (at === undefined) return undefined;
  return Object.freeze({
    id,
    type: e.type,
    at: e.at,
    atMs: at.epochMs,
    day: at.day,
    seq: i,
    actor: e.actor,
    data,
  });
}

/** An event's data, checked by its type's schema, with its deadline fields checked as instants. */
function _readData(
  type: string,
  raw: Record<string, unknown>,
  i: number,
  zone: ZoneClock,
  issues: InputIssue[],
): Record<string, unknown> {
  let data = raw;
  const schema = _data.get(type);
  if (schema) {
    const d = _valid(schema, raw);
    if (d.success) data = d.data as Record<string, unknown>;
    else {
      const doc = ` (${type}'s data: ${eventTypeDocUrl(type)})`;
      for (const issue of fromZodIssues(d.error.issues, ['events', i, 'data']))
        issues.push({ ...issue, message: issue.message + doc });
    }
  }
  for (const field of DEADLINE_FIELDS) {
    const v = data[field];
    if (typeof v === 'string') _instant(v, zone, 'end', i, field, issues);
  }
  return data;
}

/**
 * An instant the working calendar can count from: parsed, and its local date within the years
 * the calendar covers. Else undefined, with the problem added to `issues`, at event `i`'s `at`
 * or at the data field named.
 */
function _instant(
  value: string,
  zone: ZoneClock,
  mode: 'start' | 'end',
  i: number,
  dataField: string | undefined,
  issues: InputIssue[],
): ParsedInstant | undefined {
  const p = parseInstant(value, zone, mode);
  if ('error' in p) {
    issues.push({ code: 'invalid_instant', path: _instantPath(i, dataField), message: p.error });
    return undefined;
  }
  const [year] = civilFromDays(p.day);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    issues.push({
      code: 'invalid_instant',
      path: _instantPath(i, dataField),
      message: `"${value}" is in the year ${year}: the working calendar covers ${MIN_YEAR}-${MAX_YEAR} (a mistyped year?)`,
    });
    return undefined;
  }
  return p;
}

const _instantPath = (i: number, dataField: string | undefined) =>
  dataField === undefined ? ['events', i, 'at'] : ['events', i, 'data', dataField];

/** Issues in the order of the events (and fields) they concern. */
function _sortIssues(issues: InputIssue[]): InputIssue[] {
  const key = (i: InputIssue) => (typeof i.path[1] === 'number' ? i.path[1] : -1);
  return issues
    .map((i, n) => ({ i, n }))
    .sort((a, b) => key(a.i) - key(b.i) || a.n - b.n)
    .map(({ i }) => i);
}

function _inTimeOrder(events: readonly CaseEvent[]): boolean {
  for (let i = 1; i < events.length; i++)
    if ((events[i] as CaseEvent).atMs < (events[i - 1] as CaseEvent).atMs) return false;
  return true;
}
