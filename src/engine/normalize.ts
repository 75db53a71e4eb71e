import { z } from 'zod';
import { CaseEnvelopeSchema } from '../model/case.js';
import { ActorSchema, BaseEventSchema, EVENT_DATA_SCHEMAS, eventTypeDocUrl } from '../model/event.js';
import { fromZodIssues, type InputIssue } from '../model/issues.js';
import { civilFromDays, daysFromCivil } from '../time/days.js';
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
// An event's `actor` and `data` are checked on their own: inside the event's schema, zod's
// compiled check builds a copy of each, 0.4 kB an event (a tenth of what judging a case allocates).
const _event = z.compile(
  BaseEventSchema.extend({ actor: z.unknown().optional(), data: z.unknown().optional() }),
);
const _actor = z.compile(ActorSchema.optional());
const _anyData = z.compile(BaseEventSchema.shape.data.unwrap());
const _data: ReadonlyMap<string, z.ZodType> = new Map(
  Object.entries(EVENT_DATA_SCHEMAS).map(([type, schema]) => [type, z.compile(schema)]),
);
const _REPORT = { reportInput: true } as const;
// The first and last day the working calendar covers, to check a date's year without splitting it.
const _FIRST_DAY = daysFromCivil(MIN_YEAR, 1, 1);
const _LAST_DAY = daysFromCivil(MAX_YEAR, 12, 31);

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
    if (e === undefined) continue;
    if (e.atMs > options.asOfMs) {
      after++;
      if (e.type === 'complaint.received') receivedAfter = true;
    } else events.push(e);
  }
  // Each event's issues are added in turn, so they are in the order of the events already.
  if (issues.length > 0) return { success: false, caseId, issues };
  // Stable: events at the same instant stay in input order.
  events.sort((a, b) => a.atMs - b.atMs);
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
  // Stryker disable next-line ConditionalExpression: a fast path; safeParse gives the same verdict and issues (and an equal copy)
  if (z.validate(schema, value)) return { success: true, data: value as z.output<S> };
  return schema.safeParse(value, _REPORT);
}

/**
 * Whether event `i` (or its `field`) meets a schema; when not, its issues are added, each
 * message pointing to the documentation of `dataOf`'s data when given. Nothing is made when it
 * does: three checks an event.
 */
function _check(
  schema: z.ZodType,
  value: unknown,
  i: number,
  field: 'actor' | 'data' | undefined,
  issues: InputIssue[],
  dataOf?: string,
): boolean {
  const result = _valid(schema, value);
  if (result.success) return true;
  // Named from the event, as when the whole event is checked at once: `actor.role`, `data`.
  const own =
    field === undefined
      ? result.error.issues
      : result.error.issues.map((x) => ({ ...x, path: [field, ...x.path] }));
  const doc = dataOf === undefined ? '' : ` (${dataOf}'s data: ${eventTypeDocUrl(dataOf)})`;
  for (const issue of fromZodIssues(own, ['events', i]))
    issues.push(doc ? { ...issue, message: issue.message + doc } : issue);
  return false;
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
  if (!_check(_event, raw, i, undefined, issues)) {
    const rawId = (raw as { id?: unknown } | null)?.id;
    // Stryker disable next-line ConditionalExpression: an id that is no string is never looked up (and the case is rejected anyway)
    if (typeof rawId === 'string' && !ids.has(rawId)) ids.set(rawId, i);
    return undefined;
  }
  const e = raw as z.output<typeof _event>;
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
  _check(_actor, e.actor, i, 'actor', issues);
  const data = _readData(e.type, e.data, i, zone, issues);
  const at = _instant(e.at, zone, i, undefined, issues);
  if (at === undefined) return undefined;
  return Object.freeze({
    id,
    type: e.type,
    at: e.at,
    atMs: at.epochMs,
    day: at.day,
    seq: i,
    actor: e.actor as z.output<typeof _actor>,
    data,
  });
}

/**
 * An event's data (none is `{}`), checked by its type's schema (any object for a type without
 * one), with its deadline fields checked as instants; `{}` when it is invalid.
 */
function _readData(
  type: string,
  raw: unknown,
  i: number,
  zone: ZoneClock,
  issues: InputIssue[],
): Record<string, unknown> {
  if (raw === undefined) return {};
  const typed = _data.get(type);
  if (!_check(typed ?? _anyData, raw, i, 'data', issues, typed ? type : undefined)) return {};
  const data = raw as Record<string, unknown>;
  // Read as the start of a date alone: its end (what a deadline means) is on the same local date.
  for (const field of DEADLINE_FIELDS) {
    const v = data[field];
    if (typeof v === 'string') _instant(v, zone, i, field, issues);
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
  i: number,
  dataField: string | undefined,
  issues: InputIssue[],
): ParsedInstant | undefined {
  const p = parseInstant(value, zone);
  if ('error' in p) {
    issues.push({ code: 'invalid_instant', path: _instantPath(i, dataField), message: p.error });
    return undefined;
  }
  if (p.day < _FIRST_DAY || p.day > _LAST_DAY) {
    const [year] = civilFromDays(p.day);
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
