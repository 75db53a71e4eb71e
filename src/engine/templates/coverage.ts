import type { FactSpec } from '../../model/rule.js';
import type { CaseEvent } from '../case-event.js';
import { candidateEvents, type FactFn, type TemplateScope, withinBounds } from '../fact-context.js';
import { compileFilter, compilePath } from '../filter.js';

type Spec = Extract<FactSpec, { template: 'coverage' }>;

/**
 * Topic coverage across several events (`docs/engine.md`, coverage): which of the required
 * values appear in a list field of any matching event within the bounds.
 */
export function compileCoverage(spec: Spec, scope: TemplateScope): FactFn {
  const match = compileFilter(spec.filter, scope);
  const get = compilePath(spec.field);
  return (ctx) => {
    const inBounds = withinBounds(ctx, spec);
    const covered = new Set<string>();
    const ids: string[] = [];
    const events = candidateEvents(ctx, match);
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as CaseEvent;
      if (!match(e) || !inBounds(e)) continue;
      const v = get(e);
      const values = Array.isArray(v) ? v : [v];
      const adds = spec.required.filter((r) => values.includes(r) && !covered.has(r));
      if (adds.length === 0) continue;
      for (const a of adds) covered.add(a);
      ids.push(e.id);
    }
    const missing = spec.required.filter((r) => !covered.has(r));
    return {
      complete: missing.length === 0,
      covered: spec.required.filter((r) => covered.has(r)),
      eventIds: ids,
      missing,
      missingCount: missing.length,
      required: spec.required,
    };
  };
}
