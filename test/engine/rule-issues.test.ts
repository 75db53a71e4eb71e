/**
 * What a rule that passes its schema still gets wrong, refused when the ruleset is created: each
 * issue names the rule file, the field, and the fact or filter at fault.
 */
import { describe, expect, it } from 'vitest';
import { ruleIssues } from '../../src/engine/rule-issues.js';
import { createRuleset, loadRuleset, type RuleFile, RulesetError } from '../../src/index.js';

const shipped = await loadRuleset();
type Editable = RuleFile & Record<string, unknown>;

/** Rule 1.2.1 (one fact, `explained`; one check) as edited. */
function rule121(edit: (rule: Editable) => void): RuleFile {
  const rule = structuredClone(shipped.rules.find((r) => r.ref === '1.2.1')) as Editable;
  edit(rule);
  return rule;
}

const undeclared = (name: string, facts: string) =>
  `reads "${name}", which is not a fact of the rule (its facts: ${facts})`;

describe('a template or condition reading a fact the rule does not declare', () => {
  it('is named with the rule file and field, listing the facts the rule has', () => {
    const rule = rule121((r) => {
      r.explain.not_applicable = 'Nothing to explain since {nowhere.date|date}.';
    });
    let error: unknown;
    try {
      createRuleset({
        manifest: shipped.manifest,
        rules: { ...Object.fromEntries(shipped.rules.map((r) => [`${r.ref}.json`, r])), '1.2.1.json': rule },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulesetError);
    expect((error as RulesetError).issues).toEqual([
      {
        code: 'invalid_template',
        path: ['explain', 'not_applicable'],
        message: undeclared('nowhere', 'explained'),
        file: '1.2.1.json',
      },
    ]);
  });

  it("names a check's own condition by its index", () => {
    const rule = rule121((r) => {
      const check = r.checks[0];
      if (check) check.appliesWhen = { fact: 'elsewhere', operator: 'equal', value: true };
    });
    expect(ruleIssues(rule)).toEqual([
      {
        code: 'invalid_condition',
        path: ['checks', 0, 'appliesWhen'],
        message: undeclared('elsewhere', 'explained'),
      },
    ]);
  });

  it("names an outcome's condition and explanation by their indexes, conditions first", () => {
    const rule = rule121((r) => {
      const outcome = r.checks[0]?.outcomes[1];
      if (!outcome) throw new Error('1.2.1 has a second outcome');
      outcome.when = { fact: 'later', operator: 'equal', value: 1 };
      outcome.explain = 'Due on {sooner.date|date}.';
    });
    expect(ruleIssues(rule)).toEqual([
      {
        code: 'invalid_condition',
        path: ['checks', 0, 'outcomes', 1, 'when'],
        message: undeclared('later', 'explained'),
      },
      {
        code: 'invalid_template',
        path: ['checks', 0, 'outcomes', 1, 'explain'],
        message: undeclared('sooner', 'explained'),
      },
    ]);
  });

  it('lists every fact of the rule, or says it has none', () => {
    const two = rule121((r) => {
      r.facts = { ...r.facts, receipts: { template: 'occurrences', filter: { use: 'receipt' } } } as never;
      r.appliesWhen = { fact: 'nowhere', operator: 'equal', value: 1 };
    });
    expect(ruleIssues(two).map((i) => i.message)).toEqual([undeclared('nowhere', 'explained, receipts')]);
    const none = rule121((r) => {
      r.facts = {};
    });
    expect(ruleIssues(none)[0]?.message).toBe(undeclared('explained', 'none'));
  });

  it("accepts the built-in facts (the case, the parameters, the assessment's date) everywhere", () => {
    const rule = rule121((r) => {
      r.explain.not_applicable =
        'Closed {case.closedDate|date}; target {params.processExplainedWithin}; as of {asOf.date|date}.';
      const check = r.checks[0];
      if (check) check.appliesWhen = { fact: 'case', path: '$.closed', operator: 'equal', value: true };
    });
    expect(ruleIssues(rule)).toEqual([]);
  });
});

describe('a template using a filter that does not exist', () => {
  it("is named by its field, with the filter's name", () => {
    const rule = rule121((r) => {
      const check = r.checks[0];
      if (check) check.explain.pass = 'Sent on {explained.first.responseDate|dat}.';
    });
    const [issue, ...rest] = ruleIssues(rule);
    expect(rest).toEqual([]);
    expect(issue?.code).toBe('invalid_template');
    expect(issue?.path).toEqual(['checks', 0, 'explain', 'pass']);
    expect(issue?.message).toMatch(/unknown filter "dat"/);
  });
});
