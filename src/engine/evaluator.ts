import type { CompiledRule } from './compiled-rule.js';
import type { FactValues } from './conditions.js';

/** The truth of each stage of a rule (`applies`, `check.0.outcome.1`, ...), in `rule.stages` order. */
export type StageVerdicts = readonly boolean[];

/**
 * Decides a rule's conditions another way than its compiled tests (which judging uses by
 * default): json-rules-engine, the reference ({@link createJsonRulesEngineEvaluator}), or one of
 * your own. It must give a verdict for every stage.
 *
 * @example
 * const evaluator: ConditionEvaluator = {
 *   name: 'always-true',
 *   evaluate: async (rule) => rule.stages.map(() => true),
 * };
 */
export interface ConditionEvaluator {
  readonly name: string;
  evaluate(rule: CompiledRule, facts: FactValues): Promise<StageVerdicts> | StageVerdicts;
}

/**
 * The rule's own compiled tests as an evaluator: what judging does by default, for comparing
 * with another evaluator.
 *
 * @example
 * const result = await evaluateCase(input, { ruleset, asOf, evaluator: createCompiledEvaluator() });
 */
export function createCompiledEvaluator(): ConditionEvaluator {
  return { name: 'compiled', evaluate: (rule, facts) => rule.stages.map((s) => s.test(facts)) };
}
