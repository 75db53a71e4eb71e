import type { FactSpec } from '../../model/rule.js';
import { dayFromIsoDate, isoDateFromDay } from '../../time/days.js';
import type { CaseEvent } from '../case-event.js';
import {
  endOfDayIso,
  type FactContext,
  type FactFn,
  orderedIds,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter, type EventPredicate } from '../filter.js';
import { isClosure, type StageSpan, type StageTimeline } from '../stage-timeline.js';

type Spec = Extract<FactSpec, { template: 'stageConfirmation' }>;

interface Compiled {
  stage: Spec['stage'];
  clock: string;
  isWritten: EventPredicate;
  required: readonly string[];
  remedy: { topics: readonly string[]; outcomes: readonly string[] } | undefined;
  outstanding: readonly string[] | undefined;
}

/**
 * The written confirmation of a stage response (`docs/engine.md`, stageConfirmation): the first
 * written communication covering `decision` at or after the stage response and before the stage
 * was left, with the written ones of its local date, due by the stage's response deadline (from
 * an earlier stageClock fact) or the end of the response's day if that came later, and covering
 * the required topics (with the remedy and outstanding-action topics when they apply).
 */
export function compileStageConfirmation(spec: Spec, scope: TemplateScope): FactFn {
  const required = Array.isArray(spec.required) ? spec.required : scope.params[spec.required.param];
  if (!Array.isArray(required) || !required.every((t) => typeof t === 'string'))
    throw new Error(`parameter "${(spec.required as { param: string }).param}" must be a list of topics`);
  const c: Compiled = {
    stage: spec.stage,
    clock: spec.deadlineFrom,
    isWritten: compileFilter(spec.written, scope),
    required: required as string[],
    remedy: spec.remedy,
    outstanding: spec.outstanding?.topics,
  };
  return (ctx) => _measure(c, ctx);
}

const _covers = (e: CaseEvent, topic: string): boolean =>
  Array.isArray(e.data.covers) && e.data.covers.includes(topic);

function _measure(c: Compiled, ctx: FactContext) {
  const { index, calendar } = ctx;
  const zoneClock = calendar.clock;
  const timeline = index.stages;
  const span: StageSpan | undefined = c.stage === 'stage_1' ? timeline.stage1 : timeline.stage2;
  const clock = ctx.facts[c.clock];
  if (!span || !clock || typeof clock.deadline !== 'string') return { eventIds: [], exists: false };
  const events = index.events;
  const asOfDay = index.anchors.asOf?.day ?? (events[span.start] as CaseEvent).day;
  const deadline = dayFromIsoDate(clock.deadline);
  if (span.response === undefined) {
    if (span.endKind !== 'open') return { eventIds: [], exists: true, state: 'noResponse' };
    return {
      deadline: clock.deadline,
      dueAt: asOfDay <= deadline ? endOfDayIso(deadline, zoneClock) : undefined,
      eventIds: [],
      exists: true,
      missing: [],
      missingCount: 0,
      state: asOfDay <= deadline ? 'open' : 'missing',
    };
  }
  const response = events[span.response] as CaseEvent;
  const dueDay = Math.max(deadline, response.day);
  const leftAt = _leftAt(c, timeline, span, events);
  const left = leftAt ?? events.length;
  let first: number | undefined;
  for (let i = span.response; i < left; i++) {
    const e = events[i] as CaseEvent;
    if (c.isWritten(e) && _covers(e, 'decision')) {
      first = i;
      break;
    }
  }
  const required = _required(c, span, span.response, events);
  const cited = [response.id];
  const base = {
    deadline: isoDateFromDay(dueDay),
    exists: true,
    oral: !c.isWritten(response),
    required,
    responseDate: isoDateFromDay(response.day),
    responseId: response.id,
  };
  if (first === undefined) {
    // Once the stage is left no letter can count: missing, even before the due date.
    const leftEarly = asOfDay <= dueDay && leftAt !== undefined;
    const state = asOfDay <= dueDay && !leftEarly ? 'open' : 'missing';
    // Left before the due date: the event that ended the stage is what settles it.
    const leaving = leftEarly ? _leavingEvent(c, timeline, leftAt, events) : undefined;
    if (leaving) cited.push(leaving.id);
    return {
      ...base,
      dueAt: state === 'open' ? endOfDayIso(dueDay, zoneClock) : undefined,
      eventIds: orderedIds(ctx, cited),
      leftDate: leaving ? isoDateFromDay(leaving.day) : undefined,
      leftEarly,
      missing: [],
      missingCount: 0,
      state,
    };
  }
  const letter = events[first] as CaseEvent;
  const covered = new Set<unknown>();
  const parts: string[] = [];
  // The letter and the written events of its date while the stage was current.
  for (let i = span.start; i < left; i++) {
    const e = events[i] as CaseEvent;
    if (e.day !== letter.day || !c.isWritten(e)) continue;
    parts.push(e.id);
    if (Array.isArray(e.data.covers)) for (const t of e.data.covers) covered.add(t);
  }
  const missing = required.filter((t) => !covered.has(t));
  return {
    ...base,
    confirmationDate: isoDateFromDay(letter.day),
    confirmationId: letter.id,
    confirmationParts: parts,
    eventIds: orderedIds(ctx, [...cited, ...parts]),
    missing,
    missingCount: missing.length,
    state: letter.day <= dueDay ? 'met' : 'late',
  };
}

/**
 * The position just past where the stage was left: stage 1 at the stage 2 start or a closure,
 * stage 2 at a closure (events at the closure's instant still count); undefined while it is current.
 */
function _leftAt(
  c: Compiled,
  timeline: StageTimeline,
  span: StageSpan,
  events: readonly CaseEvent[],
): number | undefined {
  const next = c.stage === 'stage_1' ? timeline.stage2?.start : undefined;
  for (let i = span.start + 1; i < (next ?? events.length); i++) {
    const e = events[i] as CaseEvent;
    if (!isClosure(e)) continue;
    let j = i + 1;
    while (j < events.length && (events[j] as CaseEvent).atMs === e.atMs) j++;
    return Math.min(next ?? j, j);
  }
  return next;
}

/**
 * The event that ended the stage: the stage 2 start, or the closure (among the events of its
 * instant, which `leftAt` is just past).
 */
function _leavingEvent(
  c: Compiled,
  timeline: StageTimeline,
  leftAt: number,
  events: readonly CaseEvent[],
): CaseEvent {
  if (c.stage === 'stage_1' && leftAt === timeline.stage2?.start) return events[leftAt] as CaseEvent;
  let i = leftAt - 1;
  while (!isClosure(events[i] as CaseEvent)) i--;
  return events[i] as CaseEvent;
}

/** The topics the confirmation must cover: the base list, with remedy and outstanding-action topics when they apply. */
function _required(
  c: Compiled,
  span: StageSpan,
  /** Position of the stage response. */
  upTo: number,
  events: readonly CaseEvent[],
): string[] {
  const out = [...c.required];
  const outcome = span.outcome === undefined ? undefined : (events[span.outcome] as CaseEvent).data.outcome;
  // The events before the response (the response itself is a communication, never a remedy).
  const before = events.slice(0, upTo);
  const remedyInStage = before.slice(span.start).some((e) => e.type === 'remedy.recommended');
  const open = new Set<unknown>();
  for (const e of before) {
    if (e.type === 'remedy.recommended') open.add(e.data.remedyId);
    else if (e.type === 'remedy.implemented') open.delete(e.data.remedyId);
  }
  const add = (topics: readonly string[]) => {
    for (const t of topics) if (!out.includes(t)) out.push(t);
  };
  if (c.remedy && (remedyInStage || c.remedy.outcomes.includes(String(outcome)))) add(c.remedy.topics);
  if (c.outstanding && open.size > 0) add(c.outstanding);
  return out;
}
