import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
import type { CaseEvent } from '../case-event.js';
import {
  endOfDayIso,
  type FactContext,
  type FactFn,
  orderedIds,
  resolveWorkingDays,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter, type EventPredicate } from '../filter.js';
import { refusedRequests } from '../stage-timeline.js';

type Spec = Extract<FactSpec, { template: 'notices' }>;

/** One trigger (a refusal), the instant its clock counts from, and the notice that explained it. */
interface NoticeItem {
  triggerId: string;
  startDate: string;
  /** The escalation request the clock counts from, with `from: request`. */
  requestId?: string;
  deadline: string;
  responseId?: string;
  responseDate?: string;
  elapsed?: number;
  state: 'met' | 'late' | 'missing' | 'open';
}

/**
 * Each trigger (a refusal) explained by a notice within `within` working days of the trigger, or
 * of the escalation request it answers (`docs/engine.md`, notices): the first notice at or after
 * the trigger (or the receipt) answers it.
 */
export function compileNotices(spec: Spec, scope: TemplateScope): FactFn {
  const isTrigger = compileFilter(spec.trigger, scope);
  const isNotice = compileFilter(spec.notice, scope);
  const within = resolveWorkingDays(spec.within, scope.params);
  return (ctx) => _measure(spec, ctx, isTrigger, isNotice, within);
}

function _measure(
  spec: Spec,
  ctx: FactContext,
  isTrigger: EventPredicate,
  isNotice: EventPredicate,
  within: number,
) {
  const { index, calendar } = ctx;
  const events = index.events;
  const until = spec.beforeStage1Response ? (index.stages.stage1?.response ?? events.length) : events.length;
  const requests = spec.from === 'request' ? refusedRequests(events) : undefined;
  const receipt = events.findIndex((e) => e.type === 'complaint.received');
  const asOfDay = index.anchors.asOf?.day ?? 0;
  const items: NoticeItem[] = [];
  const cited: string[] = [];
  let earliestOpen: number | undefined;
  for (let t = 0; t < until; t++) {
    const trigger = events[t] as CaseEvent;
    if (!isTrigger(trigger)) continue;
    const r = requests?.get(t);
    const from = r === undefined ? trigger : (events[r] as CaseEvent);
    const deadline = calendar.deadline(from.day, within, index.paused);
    const windowStart = spec.noticeFrom === 'receipt' && receipt >= 0 ? receipt : t;
    let n = windowStart;
    while (n < events.length && !(n !== t && isNotice(events[n] as CaseEvent))) n++;
    const notice = events[n];
    const item: NoticeItem = {
      triggerId: trigger.id,
      startDate: isoDateFromDay(trigger.day),
      deadline: isoDateFromDay(deadline),
      state: notice ? (notice.day <= deadline ? 'met' : 'late') : asOfDay > deadline ? 'missing' : 'open',
    };
    if (r !== undefined) item.requestId = from.id;
    if (notice) {
      item.responseId = notice.id;
      item.responseDate = isoDateFromDay(notice.day);
      // A notice sent before the trigger (at or after the receipt) explained it the same day.
      item.elapsed =
        notice.day > trigger.day ? calendar.elapsedWorkingDays(trigger.day, notice.day, index.paused) : 0;
    }
    if (item.state === 'open' && (earliestOpen === undefined || deadline < earliestOpen))
      earliestOpen = deadline;
    cited.push(from.id, trigger.id, ...(notice ? [notice.id] : []));
    items.push(item);
  }
  const by = (s: NoticeItem['state']) => items.filter((i) => i.state === s);
  const open = by('open');
  return {
    dueAt: earliestOpen === undefined ? undefined : endOfDayIso(earliestOpen, calendar.clock),
    eventIds: orderedIds(ctx, cited),
    items,
    late: by('late').length,
    met: by('met').length,
    missing: by('missing').length,
    notMet: by('late').length + by('missing').length,
    notMetItems: items.filter((i) => i.state === 'late' || i.state === 'missing'),
    open: open.length,
    openItems: open,
    total: items.length,
  };
}
