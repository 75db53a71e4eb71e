import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
import type { CaseEvent } from '../case-event.js';
import {
  candidateEvents,
  type FactFn,
  orderedIds,
  resolveWorkingDays,
  type TemplateScope,
  takeOrderedIds,
} from '../fact-context.js';
import { compileFilter, compilePath } from '../filter.js';
import { ScratchList } from '../scratch.js';

type Spec = Extract<FactSpec, { template: 'precedence' }>;

/**
 * Precedence (`docs/engine.md`): for each trigger, the matching events before it (joined on
 * fields, optionally only those fewer than N working days before).
 */
export function compilePrecedence(spec: Spec, scope: TemplateScope): FactFn {
  const trigger = compileFilter(spec.trigger, scope);
  const prior = compileFilter(spec.prior, scope);
  const joins = Object.entries(spec.join ?? {}).map(([p, t]) => [compilePath(p), compilePath(t)] as const);
  const closerThan =
    spec.closerThan === undefined ? undefined : resolveWorkingDays(spec.closerThan, scope.params);
  return (ctx) => {
    const { calendar } = ctx;
    const priors = _priors.start();
    for (const e of candidateEvents(ctx, prior)) if (prior(e)) priors.push(e);
    const items = _items.start();
    const withPriorItems = _withPriorItems.start();
    const withoutPriorItems = _withoutPriorItems.start();
    const withoutPriorIds = _withoutPriorIds.start();
    const priorIds = _priorIds.start();
    const ids = _ids.start();
    for (const t of candidateEvents(ctx, trigger)) {
      if (!trigger(t)) continue;
      const priorDates = _priorDates.start();
      const found = _found.start();
      for (let i = 0; i < priors.length; i++) {
        const p = priors.items[i] as CaseEvent;
        if (!(p.atMs < t.atMs || (spec.inclusive === true && p.atMs === t.atMs)) || p === t) continue;
        if (!_joined(joins, p, t, Boolean(spec.joinWhenPresent))) continue;
        if (closerThan !== undefined && calendar.elapsedWorkingDays(p.day, t.day) >= closerThan) continue;
        priorDates.push(isoDateFromDay(p.day));
        found.push(p.id);
      }
      const item: Item = {
        priorDates: priorDates.take(),
        priorIds: found.take(),
        triggerDate: isoDateFromDay(t.day),
        triggerId: t.id,
      };
      items.push(item);
      ids.push(t.id);
      for (const id of item.priorIds) ids.push(id);
      // The lists by kind are for conditions and templates; `measured` leaves them out.
      if (item.priorIds.length > 0) {
        withPriorItems.push(item);
        for (const id of item.priorIds) priorIds.push(id);
      } else {
        withoutPriorItems.push(item);
        withoutPriorIds.push(t.id);
      }
    }
    priors.release();
    const itemList = items.take();
    const priorIdList = priorIds.take();
    const withPrior = withPriorItems.take();
    const withoutPrior = withoutPriorItems.take();
    return {
      // Each prior once and in time order (priorIds repeats a prior that precedes several triggers).
      distinctPriorIds: orderedIds(ctx, priorIdList),
      eventIds: takeOrderedIds(ctx, ids),
      items: itemList,
      priorIds: priorIdList,
      triggers: itemList.length,
      withPrior: withPrior.length,
      withPriorItems: withPrior,
      withoutPrior: withoutPrior.length,
      withoutPriorIds: withoutPriorIds.take(),
      withoutPriorItems: withoutPrior,
    };
  };
}

// Scratch lists (one per list built here): facts are computed one at a time.
const _priors = new ScratchList<CaseEvent>();
const _items = new ScratchList<Item>();
const _withPriorItems = new ScratchList<Item>();
const _withoutPriorItems = new ScratchList<Item>();
const _withoutPriorIds = new ScratchList<string>();
const _priorIds = new ScratchList<string>();
const _ids = new ScratchList<string>();
const _priorDates = new ScratchList<string>();
const _found = new ScratchList<string>();

type Item = { priorDates: string[]; priorIds: string[]; triggerDate: string; triggerId: string };

/** Every join holds: the prior's field equals the trigger's (or, with joinWhenPresent, the trigger has none). */
function _joined(
  joins: readonly (readonly [(e: CaseEvent) => unknown, (e: CaseEvent) => unknown])[],
  p: CaseEvent,
  t: CaseEvent,
  whenPresent: boolean,
): boolean {
  for (const [pp, tp] of joins) {
    const tv = tp(t);
    if (tv === undefined && whenPresent) continue;
    if (tv === undefined || pp(p) !== tv) return false;
  }
  return true;
}
