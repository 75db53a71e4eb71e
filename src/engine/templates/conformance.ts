import type { FactSpec } from '../../model/rule.js';
import type { CaseEvent } from '../case-event.js';
import { eventById } from '../case-index.js';
import {
  _candidates,
  _inBounds,
  _orderedIds,
  _ref,
  type FactFn,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter } from '../filter.js';
import { _chainPoint, type ResponseItem } from './responses.js';

type Spec = Extract<FactSpec, { template: 'conformance' }>;

/**
 * Conformance (`docs/engine.md`): every matching item must also match `require`; with
 * `afterEach`, only items after each such event are judged, and `{ref.<path>}` values in
 * `require` compare with that event.
 */
export function compileConformance(spec: Spec, scope: TemplateScope): FactFn {
  const items = compileFilter(spec.items, scope);
  const require = compileFilter(spec.require, scope);
  const after = spec.afterEach;
  const afterFilter = after && !('fromFact' in after) ? compileFilter(after, scope) : undefined;
  return (ctx) => {
    const inBounds = _inBounds(ctx, spec);
    const candidates = _candidates(ctx, items).filter((e) => items(e) && inBounds(e));
    // Each judged item with the reference it is judged against (none without afterEach).
    const judged: { item: CaseEvent; ref?: CaseEvent }[] = [];
    const refIds: string[] = [];
    if (!after) {
      for (const e of candidates) judged.push({ item: e });
    } else {
      const refs: { ref: CaseEvent; startMs: number }[] = [];
      if (afterFilter) {
        for (const e of _candidates(ctx, afterFilter))
          if (afterFilter(e)) refs.push({ ref: e, startMs: e.atMs });
      } else {
        const chain = after as Extract<NonNullable<Spec['afterEach']>, { fromFact: string }>;
        const source = ctx.facts[chain.fromFact];
        if (!source)
          throw new Error(`fact "${chain.fromFact}" must be declared before the facts chained to it`);
        for (const it of source.items as ResponseItem[]) {
          const ref = eventById(ctx.index, it.triggerId);
          if (!ref || !chain.states.includes(it.state)) continue;
          const p = _chainPoint(ctx, it, chain.at, ref);
          if (p) refs.push({ ref, startMs: p.startMs });
        }
      }
      for (const { ref, startMs } of refs) {
        refIds.push(ref.id);
        for (const e of candidates) if (e.atMs > startMs) judged.push({ item: e, ref });
      }
    }
    const violating = new Set(
      judged.filter(({ item, ref }) => !require(item, ref)).map(({ item }) => item.id),
    );
    const judgedIds = [...new Set(judged.map((j) => j.item.id))];
    const zone = ctx.calendar.zone;
    return {
      conforming: judgedIds.length - violating.size,
      eventIds: _orderedIds(ctx, [...refIds, ...judgedIds]),
      judged: judgedIds.length,
      references: refIds.length,
      violating: violating.size,
      violatingItems: _orderedIds(ctx, violating).flatMap((id) => {
        const e = eventById(ctx.index, id);
        return e ? [_ref(e, zone)] : [];
      }),
    };
  };
}
