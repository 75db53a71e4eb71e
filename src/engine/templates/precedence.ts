import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
import type { CaseEvent } from '../case-event.js';
import { _candidates, _orderedIds, _workingDays, type FactFn, type TemplateScope } from '../fact-context.js';
import { _compilePath, compileFilter } from '../filter.js';

type Spec = Extract<FactSpec, { template: 'precedence' }>;

/**
 * Precedence (`docs/engine.md`): for each trigger, the matching events before it (joined on
 * fields, optionally only those fewer than N working days before).
 */
export function compilePrecedence(spec: Spec, scope: TemplateScope): FactFn {
  const trigger = compileFilter(spec.trigger, scope);
  const prior = compileFilter(spec.prior, scope);
  const joins = Object.entries(spec.join ?? {}).map(([p, t]) => [_compilePath(p), _compilePath(t)] as const);
  const closerThan = spec.closerThan === undefined ? undefined : _workingDays(spec.closerThan, scope.params);
  return (ctx) => {
    const { calendar } = ctx;
    const priors: CaseEvent[] = [];
    for (const e of _candidates(ctx, prior)) if (prior(e)) priors.push(e);
    const items: Item[] = [];
    const withPriorItems: Item[] = [];
    const withoutPriorItems: Item[] = [];
    const withoutPriorIds: string[] = [];
    const priorIds: string[] = [];
    const ids: string[] = [];
    for (const t of _candidates(ctx, trigger)) {
      if (!trigger(t)) continue;
      const priorDates: string[] = [];
      const found: string[] = [];
      for (const p of priors) {
        if (!(p.atMs < t.atMs || (spec.inclusive === true && p.atMs === t.atMs)) || p === t) continue;
        if (!_joined(joins, p, t, Boolean(spec.joinWhenPresent))) continue;
        if (closerThan !== undefined && calendar.elapsedWorkingDays(p.day, t.day) >= closerThan) continue;
        priorDates.push(isoDateFromDay(p.day));
        found.push(p.id);
      }
      const item: Item = { priorDates, priorIds: found, triggerDate: isoDateFromDay(t.day), triggerId: t.id };
      items.push(item);
      ids.push(t.id);
      for (const id of found) ids.push(id);
      // The lists by kind are for conditions and templates; `measured` leaves them out.
      if (found.length > 0) {
        withPriorItems.push(item);
        for (const id of found) priorIds.push(id);
      } else {
        withoutPriorItems.push(item);
        withoutPriorIds.push(t.id);
      }
    }
    return {
      // Each prior once and in time order (priorIds repeats a prior that precedes several triggers).
      distinctPriorIds: _orderedIds(ctx, priorIds),
      eventIds: _orderedIds(ctx, ids),
      items,
      priorIds,
      triggers: items.length,
      withPrior: withPriorItems.length,
      withPriorItems,
      withoutPrior: withoutPriorItems.length,
      withoutPriorIds,
      withoutPriorItems,
    };
  };
}

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
