import { CaseEnvelopeSchema } from '../model/case.js';
import { BaseEventSchema, EVENT_DATA_SCHEMAS } from '../model/event.js';
import { fromZodIssues, type InputIssue } from '../model/issues.js';
import { parseInstant } from '../time/instant.js';
import type { CaseEvent, NormalizedCase } from './case-event.js';

/** Options of {@link normalizeCase}. */
export interface NormalizeCaseOptions {
  /** Zone naive local times and dates are read in. */
  zone: string;
  /** Events after this instant (epoch ms) are left out and counted. */
  asOfMs: number;
}

/** The outcome of {@link normalizeCase}: a case ready to judge, or every problem found in it. */
export type NormalizeResult =
  | { success: true; case: NormalizedCase }
  | { success: false; caseId: string; issues: InputIssue[] };

const _hasOwn = (o: object, k: string) => Object.hasOwn(o, k);

/**
 * Validates a whole case and reads its instants: a case with any invalid event is rejected whole,
 * with every problem listed (a partial history gives false verdicts). Nothing is mutated.
 *
 * @example
 * const r = normalizeCase({ caseId: 'C1', events: [{ type: 'complaint.received', at: '2024-05-01' }] }, { zone: 'Europe/London', asOfMs: Date.now() });
 * if (!r.success) console.log(r.issues);
 */
export function normalizeCase(input: unknown, options: NormalizeCaseOptions): NormalizeResult {
  const rawId =
    input !== null && typeof input === 'object' && typeof (input as { caseId?: unknown }).caseId === 'string'
      ? (input as { caseId: string }).caseId
      : '(unknown case)';
  const envelope = CaseEnvelopeSchema.safeParse(input, { reportInput: true });
  if (!envelope.success)
    return { success: false, caseId: rawId, issues: fromZodIssues(envelope.error.issues) };
  const c = envelope.data;
  const issues: InputIssue[] = [];
  const seen = new Map<string, number>();
  const events: CaseEvent[] = [];
  let after = 0;
  // Every event is checked, so that a rejected case lists all of its problems at once.
  c.events.forEach((raw, i) => {
    const path = ['events', i];
    const parsed = BaseEventSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      issues.push(...fromZodIssues(parsed.error.issues, path));
      // Its id still counts, so that a later event reusing it is reported too.
      const rawId = (raw as { id?: unknown } | null)?.id;
      if (typeof rawId === 'string' && rawId !== '' && !seen.has(rawId)) seen.set(rawId, i);
      return;
    }
    const e = parsed.data;
    if (e.caseId !== undefined && e.caseId !== c.caseId) {
      issues.push({
        code: 'case_mismatch',
        path: [...path, 'caseId'],
        message: `event caseId "${e.caseId}" differs from the case's "${c.caseId}"`,
      });
    }
    const id = e.id ?? `${c.caseId}#${i}`;
    const prior = seen.get(id);
    if (prior !== undefined) {
      issues.push({
        code: 'duplicate_id',
        path: [...path, 'id'],
        message: `event id "${id}" is used twice in case "${c.caseId}" (also at events.${prior})`,
      });
    } else seen.set(id, i);
    const dataSchema = _hasOwn(EVENT_DATA_SCHEMAS, e.type)
      ? EVENT_DATA_SCHEMAS[e.type as keyof typeof EVENT_DATA_SCHEMAS]
      : undefined;
    let data: Record<string, unknown> = e.data ?? {};
    if (dataSchema) {
      const d = dataSchema.safeParse(data, { reportInput: true });
      if (!d.success) issues.push(...fromZodIssues(d.error.issues, [...path, 'data']));
      else data = d.data;
    }
    for (const field of DEADLINE_FIELDS) {
      const v = data[field];
      if (typeof v === 'string') {
        const d = parseInstant(v, options.zone, 'end');
        if ('error' in d)
          issues.push({ code: 'invalid_instant', path: [...path, 'data', field], message: d.error });
      }
    }
    const at = parseInstant(e.at, options.zone, 'start');
    if ('error' in at) {
      issues.push({ code: 'invalid_instant', path: [...path, 'at'], message: at.error });
      return;
    }
    if (issues.length > 0) return;
    if (at.epochMs > options.asOfMs) {
      after++;
      return;
    }
    events.push(caseEvent(id, e, e.actor, at.epochMs, at.day, i, data));
  });
  if (issues.length > 0) return { success: false, caseId: c.caseId, issues: _sortIssues(issues) };
  return normalizedCase(c.caseId, c.attributes, events, after, c.events.length, seen);
}

/** @internal Data fields holding instants that must parse (deadlines set by the body). */
export const DEADLINE_FIELDS = ['revisedTargetAt', 'dueAt'] as const;

/** Issues in the order of the events (and fields) they concern. */
function _sortIssues(issues: InputIssue[]): InputIssue[] {
  const key = (i: InputIssue) => (typeof i.path[1] === 'number' ? i.path[1] : -1);
  return issues
    .map((i, n) => ({ i, n }))
    .sort((a, b) => key(a.i) - key(b.i) || a.n - b.n)
    .map(({ i }) => i);
}

/** @internal One validated event in the engine's form (shared by the exact and the fast path). */
export function caseEvent(
  id: string,
  e: { type: string; at: string },
  actor: CaseEvent['actor'],
  atMs: number,
  day: number,
  seq: number,
  data: Record<string, unknown>,
): CaseEvent {
  return Object.freeze({
    id,
    type: e.type,
    at: e.at,
    atMs,
    day,
    seq,
    actor,
    data,
  });
}

/** @internal A judged-ready case: input order is not trusted, so events are sorted by instant (stably). */
export function normalizedCase(
  caseId: string,
  attributes: NormalizedCase['attributes'] | undefined,
  events: CaseEvent[],
  eventsAfterAsOf: number,
  eventsRead: number,
  inputIndexById: ReadonlyMap<string, number>,
): NormalizeResult {
  // Logs are nearly always in time order already: checking costs no copy, sorting does.
  if (!inTimeOrder(events)) events.sort((a, b) => a.atMs - b.atMs);
  return {
    success: true,
    case: { caseId, attributes: attributes ?? {}, events, eventsAfterAsOf, eventsRead, inputIndexById },
  };
}

function inTimeOrder(events: readonly CaseEvent[]): boolean {
  for (let i = 1; i < events.length; i++)
    if ((events[i] as CaseEvent).atMs < (events[i - 1] as CaseEvent).atMs) return false;
  return true;
}
