import type { FactSpec } from '../../model/rule.js';
import type { CaseEvent } from '../case-event.js';
import { candidateEvents, eventRef, type FactFn, type TemplateScope, withinBounds } from '../fact-context.js';
import { compileFilter } from '../filter.js';

type Spec = Extract<FactSpec, { template: 'occurrences' }>;

/**
 * Existence, absence, first and last occurrence and count of events matching a filter inside
 * optional anchor bounds (`docs/engine.md`, occurrences).
 */
export function compileOccurrences(spec: Spec, scope: TemplateScope): FactFn {
  const match = compileFilter(spec.filter, scope);
  return (ctx) => {
    const inBounds = withinBounds(ctx, spec);
    const ids: string[] = [];
    let first: CaseEvent | undefined;
    let last: CaseEvent | undefined;
    const events = candidateEvents(ctx, match);
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as CaseEvent;
      if (!match(e) || !inBounds(e)) continue;
      ids.push(e.id);
      first ??= e;
      last = e;
    }
    return {
      count: ids.length,
      // One list for both: `eventIds` is only read (the evidence), and `measured` leaves it out.
      eventIds: ids,
      exists: ids.length > 0,
      first: first ? eventRef(first, ctx) : undefined,
      ids,
      last: last ? eventRef(last, ctx) : undefined,
    };
  };
}
