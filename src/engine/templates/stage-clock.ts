import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
import { formatDay } from '../../time/format.js';
import { parseInstant } from '../../time/instant.js';
import type { CaseEvent } from '../case-event.js';
import {
  endOfDayIso,
  endOfDayMs,
  type FactFn,
  orderedIds,
  resolveWorkingDays,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter, compilePath } from '../filter.js';
import { type StageSpan, stageTimeline } from '../stage-timeline.js';

type Spec = Extract<FactSpec, { template: 'stageClock' }>;

/** One extension notified during the stage, and what it did to the deadline. */
interface ExtensionItem {
  id: string;
  date: string;
  revisedDate?: string;
  /** Made on or before the deadline it would replace. */
  inTime: boolean;
  reasonGiven: boolean;
  beyondCap: boolean;
}

/**
 * The clock of one stage of a two-stage procedure (`docs/engine.md`, stageClock): from the stage
 * start, `within` working days, replaced by the stage's extensions made in time (never beyond
 * the `cap`), ended by the stage response, a transfer to stage 2 or a closure; or, with
 * `answeredBy`, by the first such event at or after the start (or the stage response).
 */
export function compileStageClock(spec: Spec, scope: TemplateScope): FactFn {
  const isExtension = spec.extension ? compileFilter(spec.extension, scope) : undefined;
  const isAnswer = spec.answeredBy ? compileFilter(spec.answeredBy, scope) : undefined;
  const revised = compilePath(spec.revisedTargetField ?? 'data.revisedTargetAt');
  const within = resolveWorkingDays(spec.within, scope.params);
  const capDays = spec.cap === undefined ? undefined : resolveWorkingDays(spec.cap, scope.params);
  return (ctx) => {
    const { index, calendar } = ctx;
    const zone = calendar.zone;
    const timeline = stageTimeline(index);
    const span: StageSpan | undefined = spec.stage === 'stage_1' ? timeline.stage1 : timeline.stage2;
    if (!span) return { eventIds: [], exists: false };
    const events = index.events;
    const start = events[span.start] as CaseEvent;
    const cap = capDays === undefined ? undefined : calendar.deadline(start.day, capDays, index.paused);
    let deadline = calendar.deadline(start.day, within, index.paused);
    let deadlineSource = 'target';
    const extensions: ExtensionItem[] = [];
    const faults: string[] = [];
    const cited = [start.id];
    const stageEnd = span.end ?? events.length;
    for (let i = span.start + 1; isExtension && i < stageEnd; i++) {
      const e = events[i] as CaseEvent;
      if (!isExtension(e)) continue;
      cited.push(e.id);
      const v = revised(e);
      const parsed = typeof v === 'string' ? parseInstant(v, zone, 'end') : undefined;
      const revisedDay = parsed && !('error' in parsed) ? parsed.day : undefined;
      const inTime = e.atMs <= endOfDayMs(deadline, zone);
      const reasonGiven = typeof e.data.reason === 'string' && e.data.reason.trim() !== '';
      const beyondCap = cap !== undefined && revisedDay !== undefined && revisedDay > cap;
      const item: ExtensionItem = { id: e.id, date: isoDateFromDay(e.day), inTime, reasonGiven, beyondCap };
      if (revisedDay !== undefined) item.revisedDate = isoDateFromDay(revisedDay);
      extensions.push(item);
      if (!inTime) faults.push(`${e.id} (${formatDay(e.day)}) was notified after the deadline had passed`);
      if (!reasonGiven) faults.push(`${e.id} (${formatDay(e.day)}) gave no reason`);
      if (beyondCap && cap !== undefined)
        faults.push(`${e.id} (${formatDay(e.day)}) set a date beyond the cap of ${formatDay(cap)}`);
      if (!inTime || revisedDay === undefined) continue;
      deadline = beyondCap && cap !== undefined ? cap : revisedDay;
      deadlineSource = beyondCap ? 'cap' : 'extension';
    }
    // The clock's end: the answer (with answeredBy), else how the stage ended.
    let endAt: number | undefined;
    let endKind: string;
    if (isAnswer) {
      endAt = span.response;
      for (let i = span.start + 1; i < (span.response ?? events.length); i++) {
        if (isAnswer(events[i] as CaseEvent)) {
          endAt = i;
          break;
        }
      }
      endKind = endAt === undefined ? 'open' : 'response';
    } else {
      endAt = span.end;
      endKind = span.endKind;
    }
    const end = endAt === undefined ? undefined : (events[endAt] as CaseEvent);
    if (end) cited.push(end.id);
    const asOfDay = index.anchors.asOf?.day ?? start.day;
    const endDay = end ? end.day : asOfDay;
    const inTime = endDay <= deadline;
    const state = _state(endKind, inTime);
    return {
      capDate: cap === undefined ? undefined : isoDateFromDay(cap),
      deadline: isoDateFromDay(deadline),
      deadlineSource,
      dueAt: state === 'open' ? endOfDayIso(deadline, zone) : undefined,
      elapsed: calendar.elapsedWorkingDays(start.day, endDay, index.paused),
      endDate: isoDateFromDay(endDay),
      endId: end?.id,
      endKind,
      eventIds: orderedIds(ctx, cited),
      exists: true,
      extensionCount: extensions.length,
      extensions,
      faultCount: faults.length,
      faults,
      startDate: isoDateFromDay(start.day),
      startId: start.id,
      startType: start.type,
      state,
      target: within,
      track: timeline.track,
    };
  };
}

function _state(endKind: string, inTime: boolean): string {
  switch (endKind) {
    case 'response':
      return inTime ? 'met' : 'late';
    case 'transfer':
      return inTime ? 'transferred' : 'transferredLate';
    case 'closure':
      return inTime ? 'closedUnanswered' : 'closedLate';
    default:
      return inTime ? 'open' : 'overdue';
  }
}
