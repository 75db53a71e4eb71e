import { CaseEnvelopeSchema } from '../model/case.js';
import { ActorSchema, BaseEventSchema, EVENT_DATA_SCHEMAS } from '../model/event.js';
import { commonEpochMs, localDayOf, parseInstant } from '../time/instant.js';
import type { CaseEvent } from './case-event.js';
import {
  caseEvent,
  DEADLINE_FIELDS,
  type NormalizeCaseOptions,
  type NormalizeResult,
  normalizeCase,
  normalizedCase,
} from './normalize.js';
import { arrayFor } from './scratch.js';
import { compileZodSubset, FAIL, type FastParse } from './zod-subset.js';

/**
 * {@link normalizeCase} with a fast path: the envelope, each event and its data are checked by
 * plain functions compiled from the same zod schemas ({@link compileZodSubset}), which give
 * zod's own output for a valid case. A case with any problem, or anything those functions cannot
 * vouch for, goes through {@link normalizeCase} itself, so that its issues (paths, messages,
 * order) are exactly zod's. The result is the same either way (`test/engine/fast-normalize.test.ts`).
 *
 * @example
 * const r = normalizeCaseFast(input, { zone: 'Europe/London', asOfMs });
 */
export function normalizeCaseFast(input: unknown, options: NormalizeCaseOptions): NormalizeResult {
  return tryFastNormalize(input, options) ?? normalizeCase(input, options);
}

const _envelope = compileZodSubset(CaseEnvelopeSchema);
// Events are checked in place (zod's copy of each would be thrown away): the engine keeps only
// their fields, and copies what zod would reorder (the actor) or check further (typed data).
const _base = compileZodSubset(BaseEventSchema, { copy: false });
const _actor = compileZodSubset(ActorSchema);
const _data = new Map<string, FastParse | null>(
  Object.entries(EVENT_DATA_SCHEMAS).map(([type, schema]) => [type, compileZodSubset(schema)]),
);

type Envelope = { caseId: string; attributes?: Record<string, unknown>; events: unknown[] };
type BaseEvent = {
  caseId?: string;
  id?: string;
  at: string;
  actor?: CaseEvent['actor'];
  type: string;
  data?: Record<string, unknown>;
};

/** @internal The success path of normalizeCase, step by step; undefined as soon as anything is amiss. */
export function tryFastNormalize(input: unknown, options: NormalizeCaseOptions): NormalizeResult | undefined {
  if (_envelope === null || _base === null || _actor === null) return undefined;
  const c = _envelope(input);
  if (c === FAIL) return undefined;
  const { caseId, attributes, events: raw } = c as Envelope;
  const seen = new Map<string, number>();
  // Made at its full length (one grown by push would reserve half as much again), and cut to the
  // events kept at the end.
  const events = arrayFor<CaseEvent>(raw.length);
  let kept = 0;
  let after = 0;
  for (let i = 0; i < raw.length; i++) {
    const checked = _base(raw[i]);
    if (checked === FAIL) return undefined;
    const e = checked as BaseEvent;
    const actor = e.actor === undefined ? undefined : _actor(e.actor);
    if (actor === FAIL) return undefined;
    if (e.caseId !== undefined && e.caseId !== caseId) return undefined;
    const id = e.id ?? `${caseId}#${i}`;
    if (seen.has(id)) return undefined;
    seen.set(id, i);
    let data: Record<string, unknown> = e.data ?? {};
    if (Object.hasOwn(EVENT_DATA_SCHEMAS, e.type)) {
      const parse = _data.get(e.type);
      if (!parse) return undefined;
      const d = parse(data);
      if (d === FAIL) return undefined;
      data = d as Record<string, unknown>;
    }
    for (const field of DEADLINE_FIELDS) {
      const v = data[field];
      if (typeof v !== 'string' || !Number.isNaN(commonEpochMs(v))) continue;
      if ('error' in parseInstant(v, options.zone, 'end')) return undefined;
    }
    // The common shape gives the instant without a result object; any other goes the full way.
    let atMs = commonEpochMs(e.at);
    let day: number;
    if (Number.isNaN(atMs)) {
      const at = parseInstant(e.at, options.zone, 'start');
      if ('error' in at) return undefined;
      atMs = at.epochMs;
      day = at.day;
    } else day = localDayOf(atMs, options.zone);
    if (atMs > options.asOfMs) {
      after++;
      continue;
    }
    events[kept++] = caseEvent(id, e, actor as BaseEvent['actor'], atMs, day, i, data);
  }
  events.length = kept;
  return normalizedCase(caseId, attributes, events, after, raw.length, seen);
}
