import type { FactSpec } from '../../model/rule.js';
import type { CaseEvent } from '../case-event.js';
import { eventById } from '../case-index.js';
import {
  candidateEvents,
  type EventRef,
  eventRef,
  type FactFn,
  type TemplateScope,
  takeOrderedIds,
  withinBounds,
} from '../fact-context.js';
import { compileFilter } from '../filter.js';
import { arrayFor, ScratchList } from '../scratch.js';
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
    const candidates = _items.start();
    for (const e of candidateEvents(ctx, items)) if (items(e) && inBounds(e)) candidates.push(e);
    const n = candidates.length;
    // Per item (in time order): 1 once judged, 2 once it has failed `require` against any reference.
    const marks = _marks(n);
    const ids = _ids.start();
    let references = 0;
    if (after) {
      // The references: each with the instant after which items are judged against it.
      const refs = _refs.start();
      const starts = _starts.start();
      if (afterFilter) {
        for (const e of candidateEvents(ctx, afterFilter))
          if (afterFilter(e)) {
            refs.push(e);
            starts.push(e.atMs);
          }
      } else {
        const chain = after as Extract<NonNullable<Spec['afterEach']>, { fromFact: string }>;
        const source = ctx.facts[chain.fromFact];
        if (!source)
          throw new Error(`fact "${chain.fromFact}" must be declared before the facts chained to it`);
        for (const it of source.items as ResponseItem[]) {
          const ref = eventById(ctx.index, it.triggerId);
          if (!ref || !chain.states.includes(it.state)) continue;
          const p = chainPoint(ctx, it, chain.at, ref);
          if (p) {
            refs.push(ref);
            starts.push(p.startMs);
          }
        }
      }
      references = refs.length;
      for (let r = 0; r < refs.length; r++) {
        const ref = refs.items[r] as CaseEvent;
        const startMs = starts.items[r] as number;
        ids.push(ref.id);
        for (let i = 0; i < n; i++) {
          const e = candidates.items[i] as CaseEvent;
          if (e.atMs <= startMs) continue;
          marks[i] = (marks[i] as number) | (require(e, ref) ? 1 : 3);
        }
      }
      refs.release();
      starts.release();
    } else {
      for (let i = 0; i < n; i++) marks[i] = require(candidates.items[i] as CaseEvent, undefined) ? 1 : 3;
    }
    // An item judged against several references counts once, and violates if it fails any.
    let judged = 0;
    let violating = 0;
    for (let i = 0; i < n; i++) {
      const m = marks[i] as number;
      if (m === 0) continue;
      judged++;
      if (m === 3) violating++;
      ids.push((candidates.items[i] as CaseEvent).id);
    }
    const zone = ctx.calendar.zone;
    // Candidates are in time order, so the violating items are too.
    const violatingItems = arrayFor<EventRef>(violating);
    for (let i = 0, v = 0; i < n; i++)
      if (marks[i] === 3) violatingItems[v++] = eventRef(candidates.items[i] as CaseEvent, zone);
    candidates.release();
    return {
      conforming: judged - violating,
      eventIds: takeOrderedIds(ctx, ids),
      judged,
      references,
      violating,
      violatingItems,
    };
  };
}

// Scratch space (one per list built here): facts are computed one at a time.
const _items = new ScratchList<CaseEvent>();
const _refs = new ScratchList<CaseEvent>();
const _starts = new ScratchList<number>();
const _ids = new ScratchList<string>();
let _markBuffer = new Uint8Array(64);

/** `n` cleared marks, in scratch space. */
function _marks(n: number): Uint8Array {
  if (_markBuffer.length < n) _markBuffer = new Uint8Array(Math.max(n, _markBuffer.length * 2));
  _markBuffer.fill(0, 0, n);
  return _markBuffer;
}
