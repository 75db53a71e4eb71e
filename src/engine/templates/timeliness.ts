import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
import { parseInstant } from '../../time/instant.js';
import { eventById } from '../case-index.js';
import {
  anchorPoint,
  type EventRef,
  endOfDayIso,
  endOfDayMs,
  eventRef,
  type FactFn,
  orderedIds,
  pausedIn,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter, compilePath } from '../filter.js';

type Spec = Extract<FactSpec, { template: 'timeliness' }>;
const COMPLEXITIES = ['simple', 'standard', 'complex'];

/**
 * Timeliness against a deadline that later events may replace (`docs/engine.md`, timeliness).
 * The complexity in force is the latest value before the deadline is (re)computed; walking the
 * history in time order, a complexity assessment or an extension made before the current
 * deadline replaces it, one made after it changes nothing (the breach stands; such extensions are
 * listed and cited).
 */
export function compileTimeliness(spec: Spec, scope: TemplateScope): FactFn {
  const isComplexity = compileFilter(spec.complexity, scope);
  const isExtension = compileFilter(spec.extension, scope);
  const revised = compilePath(spec.revisedTargetField);
  const targets = scope.params[spec.targets];
  if (targets === null || typeof targets !== 'object' || Array.isArray(targets)) {
    throw new Error(`parameter "${spec.targets}" must map each complexity to working days`);
  }
  const targetOf = (c: string) => {
    const t = (targets as Record<string, number>)[c];
    if (typeof t !== 'number') throw new Error(`parameter "${spec.targets}" has no target for "${c}"`);
    return t;
  };
  return (ctx) => {
    const { index, calendar } = ctx;
    const clock = calendar.clock;
    const receipt = anchorPoint(ctx, 'receipt');
    if (!receipt?.eventId)
      return {
        eventIds: [],
        measured: false,
      };
    const receiptEvent = eventById(index, receipt.eventId);
    let complexity = receiptEvent?.data.complexity as string | undefined;
    let assumed = false;
    let complexitySource = complexity ? 'complaint.received' : undefined;
    if (!complexity && typeof index.case.attributes.complexity === 'string') {
      complexity = index.case.attributes.complexity;
      complexitySource = 'case attribute';
    }
    if (!complexity) {
      complexity = 'standard';
      assumed = true;
    }
    const cited = [receipt.eventId];
    // Assessments before receipt set the starting complexity.
    for (const e of index.events) {
      if (e.atMs >= receipt.ms) break;
      if (isComplexity(e) && COMPLEXITIES.includes(e.data.complexity as string)) {
        complexity = e.data.complexity as string;
        complexitySource = e.id;
        assumed = false;
        cited.push(e.id);
      }
    }
    let target = targetOf(complexity);
    let deadlineDay = calendar.deadline(receipt.day, target, index.paused);
    let deadlineSource = 'target';
    const extensions: string[] = [];
    // Extensions notified after the deadline had passed: considered, but they change nothing.
    const lateExtensions: EventRef[] = [];
    const end = anchorPoint(ctx, spec.until);
    const endMs = end?.eventId ? end.ms : ctx.asOfMs;
    for (const e of index.events) {
      if (e.atMs < receipt.ms || e.atMs > endMs) continue;
      if (e.atMs > endOfDayMs(deadlineDay, clock)) {
        if (isExtension(e)) lateExtensions.push(eventRef(e, ctx));
        continue;
      }
      if (isComplexity(e) && COMPLEXITIES.includes(e.data.complexity as string)) {
        complexity = e.data.complexity as string;
        complexitySource = e.id;
        assumed = false;
        target = targetOf(complexity);
        deadlineDay = calendar.deadline(receipt.day, target, index.paused);
        deadlineSource = 'target';
        cited.push(e.id);
      } else if (isExtension(e)) {
        const v = revised(e);
        const parsed = typeof v === 'string' ? parseInstant(v, clock, 'end') : undefined;
        if (parsed && !('error' in parsed)) {
          deadlineDay = parsed.day;
          deadlineSource = 'extension';
          extensions.push(e.id);
          cited.push(e.id);
        }
      }
    }
    const concluded = end?.eventId !== undefined;
    const endDay = concluded && end ? end.day : (index.anchors.asOf?.day ?? receipt.day);
    if (concluded && end?.eventId) cited.push(end.eventId);
    const elapsed = calendar.elapsedWorkingDays(receipt.day, endDay, index.paused);
    const paused = pausedIn(ctx, calendar.dayZero(receipt.day), endDay);
    const state = concluded
      ? endDay <= deadlineDay
        ? 'met'
        : 'late'
      : (index.anchors.asOf?.day ?? 0) > deadlineDay
        ? 'overdue'
        : 'open';
    return {
      complexity,
      complexityAssumed: assumed,
      complexitySource,
      deadline: isoDateFromDay(deadlineDay),
      deadlineSource,
      dueAt: state === 'open' ? endOfDayIso(deadlineDay, clock) : undefined,
      elapsed,
      endDate: isoDateFromDay(endDay),
      endId: concluded ? end?.eventId : undefined,
      eventIds: orderedIds(ctx, [...cited, ...paused.eventIds, ...lateExtensions.map((x) => x.id)]),
      extensionIds: extensions,
      lateExtensions,
      measured: true,
      pausedWorkingDays: paused.days,
      receiptDate: isoDateFromDay(receipt.day),
      state,
      target,
    };
  };
}
