import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
import type { CaseEvent } from '../case-event.js';
import {
  candidateEvents,
  type FactFn,
  orderedIds,
  resolveWorkingDays,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter, compilePath } from '../filter.js';

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
    const priors = candidateEvents(ctx, prior).filter((e) => prior(e));
    const items: Item[] = [];
    const ids: string[] = [];
    const priorIds: string[] = [];
    const withoutPriorIds: string[] = [];
    // The lists by kind are for conditions and templates (`measured` leaves them out): made only
    // when they have an item.
    let withPrior: Item[] | undefined;
    let withoutPrior: Item[] | undefined;
    const triggers = candidateEvents(ctx, trigger);
    for (let i = 0; i < triggers.length; i++) {
      const t = triggers[i] as CaseEvent;
      if (!trigger(t)) continue;
      const item: Item = {
        priorDates: [],
        priorIds: [],
        triggerDate: isoDateFromDay(t.day),
        triggerId: t.id,
      };
      ids.push(t.id);
      for (let k = 0; k < priors.length; k++) {
        const p = priors[k] as CaseEvent;
        if (
          (p.atMs < t.atMs || (spec.inclusive === true && p.atMs === t.atMs)) &&
          p !== t &&
          _joined(joins, p, t, Boolean(spec.joinWhenPresent)) &&
          (closerThan === undefined || calendar.elapsedWorkingDays(p.day, t.day) < closerThan)
        ) {
          item.priorDates.push(isoDateFromDay(p.day));
          item.priorIds.push(p.id);
          priorIds.push(p.id);
          ids.push(p.id);
        }
      }
      items.push(item);
      if (item.priorIds.length > 0) withPrior = _withItem(withPrior, item);
      else {
        withoutPrior = _withItem(withoutPrior, item);
        withoutPriorIds.push(t.id);
      }
    }
    return {
      // Each prior once and in time order (priorIds repeats a prior that precedes several triggers).
      distinctPriorIds: orderedIds(ctx, priorIds),
      eventIds: orderedIds(ctx, ids),
      items,
      priorIds,
      triggers: items.length,
      withPrior: withPrior?.length ?? 0,
      withPriorItems: withPrior ?? _NO_ITEMS,
      withoutPrior: withoutPriorIds.length,
      withoutPriorIds,
      withoutPriorItems: withoutPrior ?? _NO_ITEMS,
    };
  };
}

type Item = { priorDates: string[]; priorIds: string[]; triggerDate: string; triggerId: string };

const _NO_ITEMS = Object.freeze([]) as unknown as Item[];

/** The list with the item added; a list is made only for its first item. */
function _withItem(list: Item[] | undefined, item: Item): Item[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}

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
