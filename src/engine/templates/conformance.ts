import type { FactSpec } from '../../model/rule.js';
import type { CaseEvent } from '../case-event.js';
import { eventById } from '../case-index.js';
import {
  _candidates,
  _inBounds,
  _orderedIds,
  _ref,
  type EventRef,
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
    const candidates: CaseEvent[] = [];
    for (const e of _candidates(ctx, items)) if (items(e) && inBounds(e)) candidates.push(e);
    // Each judged item, and beside it the reference it is judged against (none without afterEach).
    let judged: CaseEvent[] = candidates;
    const judgedRefs: (CaseEvent | undefined)[] = [];
    const refIds: string[] = [];
    if (after) {
      judged = [];
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
        for (const e of candidates) {
          if (e.atMs <= startMs) continue;
          judged.push(e);
          judgedRefs.push(ref);
        }
      }
    }
    // An item judged against several references counts once, and violates if it fails any.
    const violating = new Set<string>();
    const judgedIds = new Set<string>();
    for (let i = 0; i < judged.length; i++) {
      const item = judged[i] as CaseEvent;
      judgedIds.add(item.id);
      if (!require(item, judgedRefs[i])) violating.add(item.id);
    }
    const zone = ctx.calendar.zone;
    const references = refIds.length;
    for (const id of judgedIds) refIds.push(id);
    const violatingItems: EventRef[] = [];
    for (const id of _orderedIds(ctx, violating)) {
      const e = eventById(ctx.index, id);
      if (e) violatingItems.push(_ref(e, zone));
    }
    return {
      conforming: judgedIds.size - violating.size,
      eventIds: _orderedIds(ctx, refIds),
      judged: judgedIds.size,
      references,
      violating: violating.size,
      violatingItems,
    };
  };
}
