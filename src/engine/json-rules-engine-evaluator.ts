import type { Engine } from 'json-rules-engine';
import type { Condition } from '../model/rule.js';
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
    let engine = engines.get(rule);
    if (!engine) {
      loaded ??= import('json-rules-engine');
      const { Engine } = await loaded;
      // Another call may have made it while the module loaded.
      engine = engines.get(rule);
      if (engine) return engine;
      engine = new Engine([], { allowUndefinedFacts: false });
      for (const stage of rule.stages) {
        engine.addRule({
          name: stage.key,
          conditions: _topLevel(structuredClone(stage.condition)) as never,
          event: { type: stage.key },
        });
      }
      engines.set(rule, engine);
    }
    return engine;
  };
  return {
    name: 'json-rules-engine',
    async evaluate(rule, facts): Promise<StageVerdicts> {
      if (rule.stages.length === 0) return [];
      // Facts are handed over as copies too: operators must not see (or keep) our objects.
      const { results, failureResults } = await (await engineFor(rule)).run(
        structuredClone(facts) as Record<string, unknown>,
      );
      const byKey = new Map<string, boolean>();
      for (const r of results) byKey.set(String(r.name), true);
      for (const r of failureResults) byKey.set(String(r.name), false);
      // A stage it gave no verdict for stays a hole, which judging reports as a defect.
      const verdicts = new Array<boolean>(rule.stages.length);
      rule.stages.forEach((s, i) => {
        const v = byKey.get(s.key);
        if (v !== undefined) verdicts[i] = v;
      });
      return verdicts;
    },
  };
}

/** json-rules-engine wants `all`, `any` or `not` at the top. */
function _topLevel(c: Condition): Condition {
  return 'all' in c || 'any' in c || 'not' in c ? c : { all: [c] };
}
