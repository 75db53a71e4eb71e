import type { FactSpec } from '../../model/rule.js';
import type { CaseEvent } from '../case-event.js';
import { eventById } from '../case-index.js';
import {
  candidateEvents,
  type EventRef,
  eventRef,
  type FactContext,
  type FactFn,
  orderedIds,
  type TemplateScope,
  withinBounds,
} from '../fact-context.js';
import { compileFilter, type EventPredicate } from '../filter.js';
import { chainPoint, type ResponseItem } from './responses.js';

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
    const inBounds = withinBounds(ctx, spec);
    const candidates = candidateEvents(ctx, items).filter((e) => items(e) && inBounds(e));
    const refs = after ? _references(ctx, after, afterFilter) : undefined;
    const ids: string[] = refs ? refs.map((r) => r.event.id) : [];
    // Per item (in time order): 1 once judged, 3 once it has failed `require` against any reference.
    const marks = new Uint8Array(candidates.length);
    candidates.forEach((e, i) => {
      if (refs === undefined) marks[i] = require(e, undefined) ? 1 : 3;
      else
        for (const r of refs)
          if (e.atMs > r.startMs) marks[i] = (marks[i] as number) | (require(e, r.event) ? 1 : 3);
    });
    // An item judged against several references counts once, and violates if it fails any.
    const violatingItems: EventRef[] = [];
    let judged = 0;
    candidates.forEach((e, i) => {
      if (marks[i] === 0) return;
      judged++;
      ids.push(e.id);
      // Candidates are in time order, so the violating items are too.
      if (marks[i] === 3) violatingItems.push(eventRef(e, ctx));
    });
    return {
      conforming: judged - violatingItems.length,
      eventIds: orderedIds(ctx, ids),
      judged,
      references: refs?.length ?? 0,
      violating: violatingItems.length,
      violatingItems,
    };
  };
}

/** The references of `afterEach`: each event with the instant after which items are judged against it. */
function _references(
  ctx: FactContext,
  after: NonNullable<Spec['afterEach']>,
  filter: EventPredicate | undefined,
): { event: CaseEvent; startMs: number }[] {
  if (filter)
    return candidateEvents(ctx, filter).flatMap((e) => (filter(e) ? [{ event: e, startMs: e.atMs }] : []));
  const chain = after as Extract<NonNullable<Spec['afterEach']>, { fromFact: string }>;
  const source = ctx.facts[chain.fromFact];
  if (!source) throw new Error(`fact "${chain.fromFact}" must be declared before the facts chained to it`);
  const out: { event: CaseEvent; startMs: number }[] = [];
  for (const it of source.items as ResponseItem[]) {
    const event = eventById(ctx.index, it.triggerId);
    if (!event || !chain.states.includes(it.state)) continue;
    const p = chainPoint(ctx, it, chain.at, event);
    if (p) out.push({ event, startMs: p.startMs });
  }
  return out;
}
