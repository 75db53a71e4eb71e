import type { FactSpec } from '../../model/rule.js';
import type { FactFn, TemplateScope } from '../fact-context.js';
import { compileConformance } from './conformance.js';
import { compileCoverage } from './coverage.js';
import { compileKeysCovered } from './keys-covered.js';
import { compileLongestGap } from './longest-gap.js';
import { compileNotices } from './notices.js';
import { compileOccurrences } from './occurrences.js';
import { compilePrecedence } from './precedence.js';
import { compileReadability } from './readability.js';
import { compileResponses } from './responses.js';
import { compileStageClock } from './stage-clock.js';
import { compileStageConfirmation } from './stage-confirmation.js';
import { compileStageDeciders } from './stage-deciders.js';
import { compileStageResponse } from './stage-response.js';
import { compileTimeliness } from './timeliness.js';

/** Compiles one declared fact into a function of a case (`docs/engine.md` defines each template). */
export function compileFact(spec: FactSpec, scope: TemplateScope): FactFn {
  switch (spec.template) {
    case 'occurrences':
      return compileOccurrences(spec, scope);
    case 'responses':
      return compileResponses(spec, scope);
    case 'longestGap':
      return compileLongestGap(spec, scope);
    case 'timeliness':
      return compileTimeliness(spec, scope);
    case 'stageClock':
      return compileStageClock(spec, scope);
    case 'stageResponse':
      return compileStageResponse(spec, scope);
    case 'notices':
      return compileNotices(spec, scope);
    case 'stageConfirmation':
      return compileStageConfirmation(spec, scope);
    case 'stageDeciders':
      return compileStageDeciders(spec);
    case 'coverage':
      return compileCoverage(spec, scope);
    case 'precedence':
      return compilePrecedence(spec, scope);
    case 'conformance':
      return compileConformance(spec, scope);
    case 'keysCovered':
      return compileKeysCovered(spec, scope);
    case 'readability':
      return compileReadability(spec, scope);
  }
}

const _EVENT_IDS: ReadonlySet<string> = new Set(['eventIds']);
// Lists derived from `items` (by state, by class): facts for conditions and templates, but
// repeating them in `measured` would only print every item again.
const _RESPONSES_DERIVED: ReadonlySet<string> = new Set([
  'eventIds',
  'metItems',
  'notMetItems',
  'openItems',
  'classified',
]);

const _PRECEDENCE_DERIVED: ReadonlySet<string> = new Set(['eventIds', 'withPriorItems', 'withoutPriorItems']);

/**
 * Keys of a fact's value left out of a finding's `measured`: `eventIds` (they are the finding's
 * `evidence`), and for `responses` and `precedence` the lists derived from `items`.
 *
 * @example
 * unmeasuredKeys({ template: 'occurrences', filter: { type: 'case.closed' } }); // Set { 'eventIds' }
 */
export function unmeasuredKeys(spec: FactSpec): ReadonlySet<string> {
  if (spec.template === 'responses') return _RESPONSES_DERIVED;
  if (spec.template === 'precedence') return _PRECEDENCE_DERIVED;
  return _EVENT_IDS;
}
