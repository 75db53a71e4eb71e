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
    const events = candidateEvents(ctx, items);
    const refs = after ? _references(ctx, after, afterFilter) : undefined;
    // Stryker disable next-line ArrayDeclaration: an id of no event is left out of the evidence
    const ids: string[] = refs ? refs.map((r) => r.event.id) : [];
    // An item judged against several references counts once, and violates if it fails any.
    const violatingItems: EventRef[] = [];
    let judged = 0;
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as CaseEvent;
      if (!items(e) || !inBounds(e)) continue;
      const mark = _judge(e, refs, require);
      if (mark === _UNJUDGED) continue;
      judged++;
      ids.push(e.id);
      // Events are in time order, so the violating items are too.
      if (mark === _VIOLATES) violatingItems.push(eventRef(e, ctx));
    }
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

const _UNJUDGED = 0;
const _CONFORMS = 1;
const _VIOLATES = 3;

/** How an item fares: unjudged (after no reference), conforming, or violating `require` against any reference. */
function _judge(e: CaseEvent, refs: readonly Reference[] | undefined, require: EventPredicate): number {
  if (refs === undefined) return require(e, undefined) ? _CONFORMS : _VIOLATES;
  let mark = _UNJUDGED;
  for (let k = 0; k < refs.length; k++) {
    const r = refs[k] as Reference;
    if (e.atMs > r.startMs) mark |= require(e, r.event) ? _CONFORMS : _VIOLATES;
  }
  return mark;
}

type Reference = { event: CaseEvent; startMs: number };

/** The references of `afterEach`: each event with the instant after which items are judged against it. */
function _references(
  ctx: FactContext,
  after: NonNullable<Spec['afterEach']>,
  filter: EventPredicate | undefined,
): Reference[] {
  if (filter)
    return candidateEvents(ctx, filter).flatMap((e) => (filter(e) ? [{ event: e, startMs: e.atMs }] : []));
  const chain = after as Extract<NonNullable<Spec['afterEach']>, { fromFact: string }>;
  const source = ctx.facts[chain.fromFact];
  if (!source) throw new Error(`fact "${chain.fromFact}" must be declared before the facts chained to it`);
  const out: Reference[] = [];
  for (const it of source.items as ResponseItem[]) {
    const event = eventById(ctx.index, it.triggerId);
    if (!event || !chain.states.includes(it.state)) continue;
    const p = chainPoint(ctx, it, chain.at, event);
    if (p) out.push({ event, startMs: p.startMs });
  }
  return out;
}
