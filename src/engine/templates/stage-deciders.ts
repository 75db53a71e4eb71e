import type { FactSpec } from '../../model/rule.js';
import type { CaseEvent } from '../case-event.js';
import type { FactContext, FactFn } from '../fact-context.js';
import { orderedIds } from '../fact-context.js';
import type { StageSpan } from '../stage-timeline.js';

type Spec = Extract<FactSpec, { template: 'stageDeciders' }>;

/** The decisions recorded while one stage was current, and who made them. */
interface StageDecisions {
  decisions: number;
  /** Distinct `decisionMakerId`s, in time order. */
  makerIds: string[];
  /** Decisions that name no maker. */
  unnamed: number;
  responded: boolean;
  ids: string[];
}

/**
 * Who decided at each stage (`docs/engine.md`, stageDeciders): the `decision.issued` events
 * recorded while stage 1 was current (from its start to the stage 2 start) and while stage 2
 * was (from its start), their `decisionMakerId`s, and the ids both stages share.
 */
export function compileStageDeciders(_spec: Spec): FactFn {
  return (ctx) => _measure(ctx);
}

function _measure(ctx: FactContext) {
  const timeline = ctx.index.stages;
  const { stage1, stage2 } = timeline;
  if (!stage1 || !stage2) return { eventIds: [], exists: false };
  const events = ctx.index.events;
  const one = _decisions(events, stage1, stage2.start);
  const two = _decisions(events, stage2, events.length);
  const shared = one.makerIds.filter((id) => two.makerIds.includes(id));
  return {
    eventIds: orderedIds(ctx, [...one.ids, ...two.ids]),
    exists: true,
    shared,
    sharedCount: shared.length,
    stage1: _public(one),
    stage2: _public(two),
    unknownCount: _unknown(one) + _unknown(two),
  };
}

/** Decisions that cannot show who decided: those naming no one, or none at all after a response. */
const _unknown = (d: StageDecisions) => d.unnamed + (d.responded && d.decisions === 0 ? 1 : 0);

const _public = (d: StageDecisions) => ({
  decisions: d.decisions,
  makerIds: d.makerIds,
  responded: d.responded,
  unnamed: d.unnamed,
});

function _decisions(events: readonly CaseEvent[], span: StageSpan, until: number): StageDecisions {
  const out: StageDecisions = {
    decisions: 0,
    makerIds: [],
    unnamed: 0,
    responded: span.response !== undefined,
    ids: [],
  };
  for (let i = span.start; i < until; i++) {
    const e = events[i] as CaseEvent;
    if (e.type !== 'decision.issued') continue;
    out.decisions++;
    out.ids.push(e.id);
    const id = e.data.decisionMakerId;
    if (typeof id !== 'string' || id.trim() === '') out.unnamed++;
    else if (!out.makerIds.includes(id)) out.makerIds.push(id);
  }
  return out;
}
