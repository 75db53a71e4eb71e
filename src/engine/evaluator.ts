import type { CompiledRule } from './compiled-rule.js';

/** The truth of each stage of a rule (`applies`, `check.0.outcome.1`, ...) for one case. */
export type StageVerdicts = ReadonlyMap<string, boolean>;

/**
 * Decides a rule's conditions against its measured facts. json-rules-engine is the reference
 * semantics ({@link createJsonRulesEngineEvaluator}); a faster evaluator must give the same
 * verdicts on every fixture and generated case.
 *
 * @example
 * const evaluator: ConditionEvaluator = {
 *   name: 'always-true',
 *   evaluate: async (rule) => new Map(rule.stages.map((s) => [s.key, true])),
 * };
 */
export interface ConditionEvaluator {
  readonly name: string;
  evaluate(rule: CompiledRule, facts: Readonly<Record<string, unknown>>): Promise<StageVerdicts>;
  /**
   * The same verdicts at once, one per stage in `rule.stages` order, when this evaluator can
   * decide without waiting; `undefined` sends the rule to {@link ConditionEvaluator.evaluate}.
   * Optional: it saves a promise per rule on every case.
   */
  evaluateSync?(rule: CompiledRule, facts: Readonly<Record<string, unknown>>): readonly boolean[] | undefined;
}
