import type { ParameterValue } from '../model/config.js';
import type { InputIssue } from '../model/issues.js';
import type { RuleFile, RulesetManifest } from '../model/rule.js';
import { BUILTIN_FACTS, compileRule } from './compiled-rule.js';
import { compileTemplate, templateFacts } from './render.js';

/** A template of a rule and the field that holds it. */
interface PlacedTemplate {
  path: (string | number)[];
  text: string;
}

/** Every template of a rule, with its field: the explanations, and when pending outcomes fall due. */
function _templates(rule: RuleFile): PlacedTemplate[] {
  const out: PlacedTemplate[] = [];
  if (rule.explain.not_applicable !== undefined)
    out.push({ path: ['explain', 'not_applicable'], text: rule.explain.not_applicable });
  rule.checks.forEach((check, i) => {
    for (const [status, text] of Object.entries(check.explain))
      if (text !== undefined) out.push({ path: ['checks', i, 'explain', status], text });
    check.outcomes.forEach((o, k) => {
      if (o.explain !== undefined)
        out.push({ path: ['checks', i, 'outcomes', k, 'explain'], text: o.explain });
      // Read as compileRule reads it: the value of a fact's path, or nothing.
      if (o.dueAt) out.push({ path: ['checks', i, 'outcomes', k, 'dueAt'], text: `{${o.dueAt}|or:}` });
    });
  });
  return out;
}

function _templateIssue(rule: RuleFile, { path, text }: PlacedTemplate): InputIssue | undefined {
  const known = new Set<string>([...BUILTIN_FACTS, ...Object.keys(rule.facts)]);
  const unknown = templateFacts(text).find((name) => !known.has(name));
  if (unknown !== undefined)
    return {
      code: 'invalid_template',
      path,
      message: `reads "${unknown}", which is not a fact of the rule (its facts: ${Object.keys(rule.facts).join(', ') || 'none'})`,
    };
  try {
    compileTemplate(text);
    return undefined;
  } catch (e) {
    return { code: 'invalid_template', path, message: (e as Error).message };
  }
}

/**
 * What a rule that passed its schema still gets wrong, found when the ruleset loads rather than
 * when a case is judged: each template that reads a fact the rule does not declare or uses a
 * filter that does not exist, named by its field; failing those, anything else the rule's
 * compilation refuses with the ruleset's default parameters (a reserved fact name, a condition
 * reading an undeclared fact, a status without an explanation).
 *
 * @example
 * ruleIssues(ruleFile, manifest); // [{ code: 'invalid_template', path: ['checks', 0, 'explain', 'pass'], ... }]
 */
export function ruleIssues(rule: RuleFile, manifest: RulesetManifest): InputIssue[] {
  const issues = _templates(rule).flatMap((t) => _templateIssue(rule, t) ?? []);
  if (issues.length > 0) return issues;
  const params: Record<string, ParameterValue> = {};
  for (const p of rule.parameters)
    if (Object.hasOwn(manifest.parameters, p)) params[p] = manifest.parameters[p]?.default as ParameterValue;
  try {
    compileRule(rule, { filters: manifest.filters, params });
    return [];
  } catch (e) {
    return [{ code: 'invalid_rule', path: [], message: (e as Error).message }];
  }
}
