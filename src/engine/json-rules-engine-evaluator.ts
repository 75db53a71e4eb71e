import type { Engine } from 'json-rules-engine';
import type { CompiledRule } from './compiled-rule.js';
import type { ConditionEvaluator, StageVerdicts } from './evaluator.js';

/**
 * The reference evaluator: each rule's stages become json-rules-engine rules in an engine of
 * their own (so one failing rule cannot disturb another). json-rules-engine writes results into
 * the conditions it is given, so it only ever sees deep copies; our rules stay frozen.
 *
 * @example
 * const evaluator = createJsonRulesEngineEvaluator();
 * const verdicts = await evaluator.evaluate(compiledRule, facts);
 */
export function createJsonRulesEngineEvaluator(): ConditionEvaluator {
  const engines = new WeakMap<CompiledRule, Engine>();
  // Loaded on first use: most runs judge with the compiled rules and never load it. (The
  // CommonJS build turns the `import()` into a `require`.)
  let loaded: Promise<{ Engine: typeof Engine }> | undefined;
  const engineFor = async (rule: CompiledRule): Promise<Engine> => {
    loaded ??= import('json-rules-engine');
    const { Engine } = await loaded;
    let engine = engines.get(rule);
    // Stryker disable next-line ConditionalExpression: an engine made again gives the same verdicts, only slower
    if (engine) return engine;
    // json-rules-engine refuses a fact it is not given (allowUndefinedFacts is false by default).
    engine = new Engine();
    for (const stage of rule.stages) {
      engine.addRule({
        name: stage.key,
        // json-rules-engine wants `all`, `any` or `not` at the top.
        conditions: { all: [structuredClone(stage.condition)] } as never,
        event: { type: stage.key },
      });
    }
    engines.set(rule, engine);
    return engine;
  };
  return {
    name: 'json-rules-engine',
    async evaluate(rule, facts): Promise<StageVerdicts> {
      // Facts are handed over as copies too: operators must not see (or keep) our objects.
      const { results, failureResults } = await (await engineFor(rule)).run(
        structuredClone(facts) as Record<string, unknown>,
      );
      const byKey = new Map<string, boolean>();
      for (const r of results) byKey.set(String(r.name), true);
      for (const r of failureResults) byKey.set(String(r.name), false);
      // A stage it gave no verdict for stays undefined, which judging reports as a defect.
      return rule.stages.map((s) => byKey.get(s.key)) as boolean[];
    },
  };
}
