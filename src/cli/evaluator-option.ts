import type { ConditionEvaluator } from '../engine/evaluator.js';
import { createJsonRulesEngineEvaluator } from '../engine/json-rules-engine-evaluator.js';

/** The evaluators `check --evaluator` can name. */
export const EVALUATORS = ['compiled', 'json-rules-engine'] as const;
export type EvaluatorName = (typeof EVALUATORS)[number];

/**
 * The evaluator a name stands for: none for `compiled` (judging uses each rule's compiled tests),
 * json-rules-engine (the reference) for `json-rules-engine`.
 *
 * @example
 * evaluateCases(cases, { ruleset, asOf, evaluator: evaluatorNamed('json-rules-engine') });
 */
export function evaluatorNamed(name: EvaluatorName | undefined): ConditionEvaluator | undefined {
  return name === 'json-rules-engine' ? createJsonRulesEngineEvaluator() : undefined;
}
