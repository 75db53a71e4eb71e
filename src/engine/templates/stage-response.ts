import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
import type { CaseEvent } from '../case-event.js';
import type { CaseIndex } from '../case-index.js';
import {
  endOfDayIso,
  endOfDayMs,
  type FactContext,
  type FactFn,
  orderedIds,
  resolveWorkingDays,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter, type EventPredicate } from '../filter.js';
import { isComplainantFacing, type StageSpan } from '../stage-timeline.js';

type Spec = Extract<FactSpec, { template: 'stageResponse' }>;

/**
 * What one stage's response did (`docs/engine.md`, stageResponse): which `required` topics it
 * covered with the complainant-facing communications of its local date, whether a `precededBy`
 * event came at or after the stage start and by the response, and whether the stage outcome was
 * recorded while the stage was current, by `outcomeWithin` working days after the response.
 */
export function compileStageResponse(spec: Spec, scope: TemplateScope): FactFn {
  const preceded = spec.precededBy ? compileFilter(spec.precededBy, scope) : undefined;
  const outcomeWithin =
    spec.outcomeWithin === undefined ? undefined : resolveWorkingDays(spec.outcomeWithin, scope.params);
  return (ctx) => {
    const { index } = ctx;
    const span = spec.stage === 'stage_1' ? index.stages.stage1 : index.stages.stage2;
    if (!span) return { eventIds: [], exists: false };
    const start = index.events[span.start] as CaseEvent;
    const response = span.response === undefined ? undefined : (index.events[span.response] as CaseEvent);
    const end = span.end === undefined ? undefined : (index.events[span.end] as CaseEvent);
    const cited = [start.id];
    if (end) cited.push(end.id);
    const value: Record<string, unknown> = {
      endDate: end ? isoDateFromDay(end.day) : undefined,
      endId: end?.id,
      endKind: span.endKind,
      exists: true,
      responseDate: response ? isoDateFromDay(response.day) : undefined,
      responseId: response?.id,
      startDate: isoDateFromDay(start.day),
      startId: start.id,
      track: index.stages.track,
    };
    if (spec.required) Object.assign(value, _topics(index, span, response, spec.required, cited));
    if (preceded) Object.assign(value, _preceded(index, span, preceded, cited));
    if (outcomeWithin !== undefined)
      Object.assign(value, _outcome(ctx, spec.stage, span, outcomeWithin, cited));
    value.eventIds = orderedIds(ctx, cited);
    return value as ReturnType<FactFn>;
  };
}

/** With no response: `open` while the stage lasts, `ended` when it ended without one. */
const _unanswered = (span: StageSpan) => (span.endKind === 'open' ? 'open' : 'ended');

/** The required topics across the response and the complainant-facing communications of its date. */
function _topics(
  index: CaseIndex,
  span: StageSpan,
  response: CaseEvent | undefined,
  required: readonly string[],
  cited: string[],
) {
  if (!response) {
    return {
      topicsState: _unanswered(span),
      required: [...required],
      covered: [],
      missing: [...required],
      missingCount: required.length,
    };
  }
  const covered = new Set<string>();
  const byIds: string[] = [];
  for (const e of index.events) {
    if (e.day !== response.day || !isComplainantFacing(e)) continue;
    const topics = Array.isArray(e.data.covers) ? (e.data.covers as unknown[]) : [];
    const adds = required.filter((r) => topics.includes(r) && !covered.has(r));
    if (e !== response && adds.length === 0) continue;
    for (const a of adds) covered.add(a);
    byIds.push(e.id);
  }
  cited.push(...byIds);
  const missing = required.filter((r) => !covered.has(r));
  return {
    covered: required.filter((r) => covered.has(r)),
    coveredBy: byIds,
    missing,
    missingCount: missing.length,
    required: [...required],
    topicsState: missing.length === 0 ? 'complete' : 'incomplete',
  };
}

/** The first `precededBy` event from the stage start up to its response (or its end). */
function _preceded(index: CaseIndex, span: StageSpan, match: EventPredicate, cited: string[]) {
  const until = span.response ?? span.end ?? index.events.length - 1;
  for (let i = span.start; i <= until; i++) {
    const e = index.events[i] as CaseEvent;
    if (!match(e)) continue;
    cited.push(e.id);
    return { precededState: 'met', precededId: e.id, precededDate: isoDateFromDay(e.day) };
  }
  return { precededState: span.response === undefined ? _unanswered(span) : 'missing' };
}

/**
 * The stage outcome's recording: the first `decision.issued` with an `outcome` while the stage
 * was current (stage 1 until the stage 2 start), judged against `within` working days after the
 * response. Stage 1's can no longer be recorded once stage 2 has started.
 */
function _outcome(ctx: FactContext, stage: Spec['stage'], span: StageSpan, within: number, cited: string[]) {
  const { index, calendar } = ctx;
  if (span.response === undefined) return { outcomeState: 'noResponse' };
  const response = index.events[span.response] as CaseEvent;
  const next = stage === 'stage_1' ? index.stages.stage2?.start : undefined;
  const until = next ?? index.events.length;
  const deadline = calendar.deadline(response.day, within, index.paused);
  const base = { outcomeDeadline: isoDateFromDay(deadline), outcomeTarget: within };
  for (let i = span.start; i < until; i++) {
    const e = index.events[i] as CaseEvent;
    if (e.type !== 'decision.issued' || typeof e.data.outcome !== 'string') continue;
    cited.push(e.id);
    const state = e.day <= deadline ? 'recorded' : 'late';
    return {
      ...base,
      outcome: e.data.outcome,
      outcomeDate: isoDateFromDay(e.day),
      outcomeId: e.id,
      outcomeState: state,
    };
  }
  const open = next === undefined && ctx.asOfMs <= endOfDayMs(deadline, calendar.clock);
  if (open) return { ...base, outcomeDueAt: endOfDayIso(deadline, calendar.clock), outcomeState: 'open' };
  const left = next === undefined ? undefined : (index.events[next] as CaseEvent);
  if (left) cited.push(left.id);
  return { ...base, outcomeState: 'missing', stageLeftDate: left ? isoDateFromDay(left.day) : undefined };
}
