import type { InputIssue } from '../model/issues.js';
import type { Condition, RuleFile } from '../model/rule.js';
import { BUILTIN_FACTS } from './compiled-rule.js';
import { conditionFacts } from './conditions.js';
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
    // A status's key is there only with its text: the schema refuses an undefined one.
    for (const [status, text] of Object.entries(check.explain))
      out.push({ path: ['checks', i, 'explain', status], text: text as string });
    check.outcomes.forEach((o, k) => {
      if (o.explain !== undefined)
        out.push({ path: ['checks', i, 'outcomes', k, 'explain'], text: o.explain });
      // Read as compileRule reads it: the value of a fact's path, or nothing.
      if (o.dueAt) out.push({ path: ['checks', i, 'outcomes', k, 'dueAt'], text: `{${o.dueAt}|or:}` });
    });
  });
  return out;
}

const _undeclared = (name: string, rule: RuleFile) =>
  `reads "${name}", which is not a fact of the rule (its facts: ${Object.keys(rule.facts).join(', ') || 'none'})`;

function _templateIssue(rule: RuleFile, { path, text }: PlacedTemplate): InputIssue | undefined {
  const known = new Set<string>([...BUILTIN_FACTS, ...Object.keys(rule.facts)]);
  const unknown = templateFacts(text).find((name) => !known.has(name));
  if (unknown !== undefined)
    return {
      code: 'invalid_template',
      path,
      message: _undeclared(unknown, rule),
    };
  try {
    compileTemplate(text);
    return undefined;
  } catch (e) {
    return { code: 'invalid_template', path, message: (e as Error).message };
  }
}

/** Every condition of a rule, with its field. */
function _conditions(rule: RuleFile): { path: (string | number)[]; condition: Condition }[] {
  const out: { path: (string | number)[]; condition: Condition }[] = [];
  if (rule.appliesWhen) out.push({ path: ['appliesWhen'], condition: rule.appliesWhen });
  rule.checks.forEach((check, i) => {
    if (check.appliesWhen) out.push({ path: ['checks', i, 'appliesWhen'], condition: check.appliesWhen });
    check.outcomes.forEach((o, k) => {
      out.push({ path: ['checks', i, 'outcomes', k, 'when'], condition: o.when });
    });
  });
  return out;
}

/**
 * What a rule that passed its schema still gets wrong, found when the ruleset loads rather than
 * when a case is judged, each named by its field: a template that reads a fact the rule does not
 * declare or uses a filter that does not exist, and a condition that reads an undeclared fact.
 *
 * @example
 * ruleIssues(ruleFile); // [{ code: 'invalid_template', path: ['checks', 0, 'explain', 'pass'], ... }]
 */
export function ruleIssues(rule: RuleFile): InputIssue[] {
  const known = new Set<string>([...BUILTIN_FACTS, ...Object.keys(rule.facts)]);
  const conditions = _conditions(rule).flatMap(({ path, condition }) => {
    const unknown = conditionFacts(condition).find((name) => !known.has(name));
    return unknown === undefined
      ? []
      : [{ code: 'invalid_condition', path, message: _undeclared(unknown, rule) }];
  });
  return [...conditions, ..._templates(rule).flatMap((t) => _templateIssue(rule, t) ?? [])];
}
