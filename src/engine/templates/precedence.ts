import type { FactSpec } from '../../model/rule.js';
import { isoDateFromDay } from '../../time/days.js';
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
    const priors = _candidates(ctx, prior).filter((e) => prior(e));
    const items: { triggerId: string; triggerDate: string; priorIds: string[]; priorDates: string[] }[] = [];
    const ids: string[] = [];
    for (const t of _candidates(ctx, trigger)) {
      if (!trigger(t)) continue;
      const found = priors.filter(
        (p) =>
          (p.atMs < t.atMs || (spec.inclusive === true && p.atMs === t.atMs)) &&
          p !== t &&
          joins.every(([pp, tp]) => {
            const tv = tp(t);
            if (tv === undefined && spec.joinWhenPresent) return true;
            return tv !== undefined && pp(p) === tv;
          }) &&
          (closerThan === undefined || calendar.elapsedWorkingDays(p.day, t.day) < closerThan),
      );
      items.push({
        priorDates: found.map((p) => isoDateFromDay(p.day)),
        priorIds: found.map((p) => p.id),
        triggerDate: isoDateFromDay(t.day),
        triggerId: t.id,
      });
      ids.push(t.id, ...found.map((p) => p.id));
    }
    const withPrior = items.filter((i) => i.priorIds.length > 0);
    return {
      // Each prior once and in time order (priorIds repeats a prior that precedes several triggers).
      distinctPriorIds: _orderedIds(
        ctx,
        withPrior.flatMap((i) => i.priorIds),
      ),
      eventIds: _orderedIds(ctx, ids),
      items,
      priorIds: withPrior.flatMap((i) => i.priorIds),
      triggers: items.length,
      withPrior: withPrior.length,
      withPriorItems: withPrior,
      withoutPrior: items.length - withPrior.length,
      withoutPriorIds: items.filter((i) => i.priorIds.length === 0).map((i) => i.triggerId),
      withoutPriorItems: items.filter((i) => i.priorIds.length === 0),
    };
  };
}
