import type { PeriodAnchor } from '../model/rule.js';
import type { CaseEvent } from './case-event.js';
import { type CaseIndex, eventById } from './case-index.js';
import { compileFilter, type FilterScope } from './filter.js';

/** The event whose instant places a finding in a period; none when the case lacks it. */
export type PeriodAnchorFn = (index: CaseIndex) => CaseEvent | undefined;

/** Named anchors: the case anchors that are events, and the stage anchors of the stage timeline. */
const _named =
  (anchor: Exclude<PeriodAnchor, object>): PeriodAnchorFn =>
  (index) => {
    const id = index.anchors[anchor]?.eventId;
    // Stryker disable next-line ConditionalExpression: eventById finds no event for an undefined id either
    return id === undefined ? undefined : eventById(index, id);
  };

/**
 * Compiles a rule's `periodAnchor`: a named anchor (`receipt`, `stage2Start`, ...) or
 * `{ firstOf: filter }`, the first event in time order matching the filter.
 *
 * @example
 * compilePeriodAnchor('stage2Start', scope)(index)?.atMs;
 */
export function compilePeriodAnchor(spec: PeriodAnchor, scope: FilterScope): PeriodAnchorFn {
  if (typeof spec === 'string') return _named(spec);
  const matches = compileFilter(spec.firstOf, scope);
  return (index) => index.events.find((e) => matches(e));
}
