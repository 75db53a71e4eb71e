import type { FactSpec } from '../../model/rule.js';
import { _candidates, _inBounds, _ref, type FactFn, type TemplateScope } from '../fact-context.js';
import { compileFilter } from '../filter.js';

type Spec = Extract<FactSpec, { template: 'occurrences' }>;

/**
 * Existence, absence, first and last occurrence and count of events matching a filter inside
 * optional anchor bounds (`docs/engine.md`, occurrences).
 */
export function compileOccurrences(spec: Spec, scope: TemplateScope): FactFn {
  const match = compileFilter(spec.filter, scope);
  return (ctx) => {
    const inBounds = _inBounds(ctx, spec);
    const found = _candidates(ctx, match).filter((e) => match(e) && inBounds(e));
    const first = found[0];
    const last = found[found.length - 1];
    const zone = ctx.calendar.zone;
    return {
      count: found.length,
      eventIds: found.map((e) => e.id),
      exists: found.length > 0,
      first: first ? _ref(first, zone) : undefined,
      ids: found.map((e) => e.id),
      last: last ? _ref(last, zone) : undefined,
    };
  };
}
