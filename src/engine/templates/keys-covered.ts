import type { FactSpec } from '../../model/rule.js';
import { eventById } from '../case-index.js';
import {
  anchorPoint,
  candidateEvents,
  type FactFn,
  orderedIds,
  type TemplateScope,
} from '../fact-context.js';
import { compileFilter, compilePath } from '../filter.js';

type Spec = Extract<FactSpec, { template: 'keysCovered' }>;

/**
 * Keys covered (`docs/engine.md`): the keys whose latest source event before the anchor matches
 * `latestWhere` must all be listed in the anchor event's list field.
 */
export function compileKeysCovered(spec: Spec, scope: TemplateScope): FactFn {
  const source = compileFilter(spec.source, scope);
  const latestWhere = compileFilter(spec.latestWhere, scope);
  const key = compilePath(spec.key);
  const list = compilePath(spec.listField);
  return (ctx) => {
    const anchor = anchorPoint(ctx, spec.before);
    const anchorEvent = anchor?.eventId ? eventById(ctx.index, anchor.eventId) : undefined;
    const latest = new Map<string, (typeof ctx.index.events)[number]>();
    for (const e of candidateEvents(ctx, source)) {
      if (anchor && e.atMs >= anchor.ms) break;
      const k = key(e);
      if (source(e) && typeof k === 'string') latest.set(k, e);
    }
    const required = [...latest.entries()].filter(([, e]) => latestWhere(e));
    const listed = anchorEvent ? list(anchorEvent) : undefined;
    const given = Array.isArray(listed);
    const relied = given ? (listed as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    const missing = given ? required.filter(([k]) => !relied.includes(k)).map(([k]) => k) : [];
    return {
      eventIds: orderedIds(ctx, [...required.map(([, e]) => e.id), ...(anchorEvent ? [anchorEvent.id] : [])]),
      listGiven: given,
      missing,
      missingCount: missing.length,
      relied,
      required: required.map(([k]) => k),
      requiredCount: required.length,
    };
  };
}
