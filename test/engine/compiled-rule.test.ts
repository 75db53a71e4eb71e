/**
 * compileRule called directly, as an embedder may: a broken rule is refused with an error naming
 * the rule and the part at fault (createRuleset refuses such a rule earlier, with its own issues,
 * so only a direct call reaches these), and a sound one compiles to findings whose `measured`
 * holds what the rule declares, in key order.
 */
import { describe, expect, it } from 'vitest';
import { compileRule, createRuleset, evaluateCase, loadRuleset, type RuleFile } from '../../src/index.js';

const shipped = await loadRuleset();
const options = { filters: shipped.manifest.filters, params: { processExplainedWithin: 5 } };

type Editable = RuleFile & Record<string, unknown>;
/** 1.2.1 (one responses fact `explained`, one check of four outcomes), edited. */
const rule121 = (edit: (rule: Editable) => void = () => {}): RuleFile => {
  const rule = structuredClone(shipped.rules.find((r) => r.ref === '1.2.1')) as Editable;
  edit(rule);
  return rule;
};
const check = (rule: RuleFile) => rule.checks[0] as RuleFile['checks'][number];
const outcome = (rule: RuleFile, k: number) =>
  check(rule).outcomes[k] as RuleFile['checks'][number]['outcomes'][number];
const compiling = (rule: RuleFile) => () => compileRule(rule, options);

describe('compileRule refuses a broken rule, naming the rule and the part', () => {
  it.each([
    [
      'its appliesWhen reads an undeclared fact',
      (r: Editable) => {
        (r.appliesWhen as { fact: string }).fact = 'nothingHere';
      },
      'rule 1.2.1: condition applies reads undeclared fact "nothingHere"',
    ],
    [
      'an outcome reads an undeclared fact',
      (r: Editable) => {
        outcome(r, 1).when = { fact: 'nothingHere', operator: 'equal', value: 1 };
      },
      'rule 1.2.1: condition check.0.outcome.1 reads undeclared fact "nothingHere"',
    ],
    [
      "a check's sentence reads an undeclared fact",
      (r: Editable) => {
        check(r).explain.pass = 'Sent on {nothingHere.at|date}.';
      },
      'rule 1.2.1: check "explained-in-time", explanation for pass reads undeclared fact "nothingHere"',
    ],
    [
      "an outcome's sentence reads an undeclared fact",
      (r: Editable) => {
        outcome(r, 0).explain = 'Late: {nothingHere.count}.';
      },
      'rule 1.2.1: check "explained-in-time", outcome 0 reads undeclared fact "nothingHere"',
    ],
    [
      "an outcome's dueAt names an undeclared fact",
      (r: Editable) => {
        outcome(r, 3).dueAt = 'nothingHere.dueAt';
      },
      `rule 1.2.1: check "explained-in-time", outcome 3's dueAt reads undeclared fact "nothingHere"`,
    ],
    [
      'the not_applicable sentence uses a filter that does not exist',
      (r: Editable) => {
        r.explain.not_applicable = '{case.received|dat}';
      },
      'rule 1.2.1: the not_applicable explanation: unknown filter "dat" in the template for "case.received"',
    ],
    [
      "an outcome's sentence uses a filter that does not exist",
      (r: Editable) => {
        outcome(r, 2).explain = 'Missing since {explained.first.startDate|dat}.';
      },
      'rule 1.2.1: check "explained-in-time", outcome 2: unknown filter "dat" in the template for "explained.first.startDate"',
    ],
    [
      'a check has no sentence for pass',
      (r: Editable) => {
        delete check(r).explain.pass;
      },
      'rule 1.2.1: check "explained-in-time" has no explanation for status pass',
    ],
    [
      'an outcome has no sentence and its check none for its status',
      (r: Editable) => {
        delete outcome(r, 3).explain;
      },
      'rule 1.2.1: check "explained-in-time" has no explanation for status pending',
    ],
    [
      'a fact takes a reserved name',
      (r: Editable) => {
        r.facts = { ...r.facts, case: r.facts.explained as RuleFile['facts'][string] };
      },
      'rule 1.2.1: fact name "case" is reserved',
    ],
    [
      'a fact names a filter the manifest lacks',
      (r: Editable) => {
        (r.facts.explained as { trigger: { use: string } }).trigger.use = 'nope';
      },
      'rule 1.2.1, fact "explained": unknown named filter "nope"',
    ],
  ])('%s', (_, edit, message) => {
    expect(compiling(rule121(edit))).toThrow(new Error(message));
  });

  it('and names the options when none are given', () => {
    expect(() => compileRule(rule121(), undefined as never)).toThrow(
      'compileRule: no options given: call compileRule(ruleFile, { filters: manifest.filters, params }).',
    );
  });
});

describe('compileRule accepts', () => {
  it("an outcome without a sentence of its own when its check has one for the outcome's status", () => {
    const rule = rule121((r) => {
      delete outcome(r, 0).explain;
      check(r).explain.fail = 'Explained late.';
    });
    expect(compiling(rule)).not.toThrow();
  });

  it('a sentence left undefined, as a rule built in code may have', () => {
    const rule = rule121((r) => {
      check(r).explain.insufficient_evidence = undefined;
    });
    expect(compiling(rule)).not.toThrow();
  });
});

const asOf = '2024-06-03T12:00:00+01:00';
const received = (id: string, at: string) => ({ id, type: 'complaint.received', at });
const history = {
  caseId: 'C-1',
  events: [
    received('e1', '2024-05-01T10:00:00+01:00'),
    {
      id: 'e2',
      type: 'communication.sent',
      at: '2024-05-03T10:00:00+01:00',
      data: { to: 'complainant', covers: ['investigation_process'] },
    },
  ],
};

/** The finding of `rule` (under the ref of a shipped rule it replaces) on `history`. */
async function findingOf(rule: RuleFile, detail: 'full' | 'findings' = 'full') {
  const rules = Object.fromEntries(shipped.rules.map((r) => [`${r.ref}.json`, r]));
  rules[`${rule.ref}.json`] = rule;
  const ruleset = createRuleset({ manifest: shipped.manifest, rules });
  const r = await evaluateCase(history, { untrusted: true, ruleset, asOf, detail, only: [rule.ref] });
  return r.findings[0];
}

const receipts = { template: 'occurrences', filter: { use: 'receipt' } } as const;

describe("a finding's measured (detail full)", () => {
  it('lists the facts and the parameters in key order, whatever order they are declared in', async () => {
    const rule = rule121((r) => {
      r.facts = { zeta: receipts, ...r.facts, alpha: receipts };
    });
    expect(Object.keys((await findingOf(rule))?.measured ?? {})).toEqual([
      'alpha',
      'explained',
      'parameters',
      'zeta',
    ]);
  });

  it('shows the resolved parameters under "parameters", over a fact of that name', async () => {
    const rule = rule121((r) => {
      r.facts = { ...r.facts, parameters: receipts };
    });
    const measured = (await findingOf(rule))?.measured;
    expect(Object.keys(measured ?? {})).toEqual(['explained', 'parameters']);
    expect(measured?.parameters).toEqual({ processExplainedWithin: 5 });
  });

  it('has no parameters for a rule that takes none, and a fact named so keeps its name', async () => {
    const none = shipped.rules.find((r) => r.ref === '1.2.3') as RuleFile;
    expect(none.parameters).toEqual([]);
    expect(Object.keys((await findingOf(none))?.measured ?? {})).toEqual(['contact', 'sent']);
    const named = structuredClone(none) as Editable;
    named.facts = { ...named.facts, parameters: receipts };
    expect((await findingOf(named))?.measured?.parameters).toMatchObject({ count: 1 });
  });
});

describe("a rule's period anchor", () => {
  it('may name a filter of the manifest', async () => {
    const rule = rule121((r) => {
      r.periodAnchor = { firstOf: { use: 'receipt' } };
    });
    expect((await findingOf(rule, 'findings'))?.periodAnchor).toBe('2024-05-01T10:00:00.000+01:00');
  });
});
