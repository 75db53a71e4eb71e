import type { PeriodAnchor } from '../model/rule.js';
import type { CaseEvent } from './case-event.js';
import { type CaseIndex, eventById } from './case-index.js';
import { compileFilter, type FilterScope } from './filter.js';

/** The event whose instant places a finding in a period; none when the case lacks it. */
export type PeriodAnchorFn = (index: CaseIndex) => CaseEvent | undefined;

const _at = (index: CaseIndex, position: number | undefined) =>
  position === undefined ? undefined : index.events[position];

/** Named anchors: the case anchors that are events, and the stage anchors of the stage timeline. */
const _NAMED: Record<Exclude<PeriodAnchor, object>, PeriodAnchorFn> = {
  receipt: (index) => _eventOf(index, index.anchors.receipt?.eventId),
  closure: (index) => _eventOf(index, index.anchors.closure?.eventId),
  firstDecision: (index) => _eventOf(index, index.anchors.firstDecision?.eventId),
  outsideRemit: (index) => _eventOf(index, index.anchors.outsideRemit?.eventId),
  stage1Start: (index) => _at(index, index.stages.stage1?.start),
  stage1Response: (index) => _at(index, index.stages.stage1?.response),
  stage2Start: (index) => _at(index, index.stages.stage2?.start),
  stage2Response: (index) => _at(index, index.stages.stage2?.response),
};

const _eventOf = (index: CaseIndex, id: string | undefined) =>
  id === undefined ? undefined : eventById(index, id);

/**
 * Compiles a rule's `periodAnchor`: a named anchor (`receipt`, `stage2Start`, ...) or
 * `{ firstOf: filter }`, the first event in time order matching the filter.
 *
 * @example
 * compilePeriodAnchor('stage2Start', scope)(index)?.atMs;
 */
export function compilePeriodAnchor(spec: PeriodAnchor, scope: FilterScope): PeriodAnchorFn {
  if (typeof spec === 'string') return _NAMED[spec];
  const matches = compileFilter(spec.firstOf, scope);
  return (index) => index.events.find((e) => matches(e));
}
