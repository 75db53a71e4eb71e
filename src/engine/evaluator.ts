import type { CompiledRule } from './compiled-rule.js';

/** The truth of each stage of a rule (`applies`, `check.0.outcome.1`, ...) for one case. */
export type StageVerdicts = ReadonlyMap<string, boolean>;

/**
 * Decides a rule's conditions against its measured facts. json-rules-engine is the reference
 * semantics ({@link createJsonRulesEngineEvaluator}); a faster evaluator must give the same
 * verdicts on every fixture and generated case.
 */
export interface ConditionEvaluator {
  readonly name: string;
  evaluate(rule: CompiledRule, facts: Readonly<Record<string, unknown>>): Promise<StageVerdicts>;
}
