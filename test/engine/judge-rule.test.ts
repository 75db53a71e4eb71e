/**
 * How one rule's finding is written from its facts and conditions (judgeRule), on small edits of
 * 1.2.1 (explain the investigation process within 5 working days): what a finding cites as
 * evidence, when it carries `dueAt` and `measured`, what the audit report's drill-down keeps
 * (`fullMeasured`), and the finding of a rule that throws.
 */
import { describe, expect, it } from 'vitest';
import {
  type CaseInput,
  createRuleset,
  type EvaluateCaseOptions,
  evaluateCase,
  loadRuleset,
  type RuleFile,
} from '../../src/index.js';

const shipped = await loadRuleset();
const asOf = '2024-06-03T12:00:00+01:00';

type Editable = RuleFile & Record<string, unknown>;
type Check = RuleFile['checks'][number];
const rule121 = (edit: (rule: Editable) => void = () => {}): RuleFile => {
  const rule = structuredClone(shipped.rules.find((r) => r.ref === '1.2.1')) as Editable;
  edit(rule);
  return rule;
};
/** Events of an `x-note` type, which no shipped rule reads. */
const notes = { template: 'occurrences', filter: { type: 'x-note' } } as const;
const withNotes = (r: Editable) => {
  r.facts = { ...r.facts, notes };
};

const at = (day: string) => `2024-${day}T10:00:00+01:00`;
const received = { id: 'e1', type: 'complaint.received', at: at('05-01') };
const explained = {
  id: 'e2',
  type: 'communication.sent',
  at: at('05-03'),
  data: { to: 'complainant', covers: ['investigation_process'] },
};
const note = { id: 'e3', type: 'x-note', at: at('05-02') };
const history = (...events: Record<string, unknown>[]): CaseInput =>
  ({ caseId: 'C-1', events }) as unknown as CaseInput;

/** The result of judging `history` against `rule` alone (in place of the shipped rule of its ref). */
async function judge(rule: RuleFile, input: CaseInput, options: Partial<EvaluateCaseOptions> = {}) {
  const rules = Object.fromEntries(shipped.rules.map((r) => [`${r.ref}.json`, r]));
  rules[`${rule.ref}.json`] = rule;
  const ruleset = createRuleset({ manifest: shipped.manifest, rules });
  const r = await evaluateCase(input, { ruleset, asOf, only: [rule.ref], ...options });
  const finding = r.findings[0];
  if (!finding) throw new Error('no finding');
  return { finding, fullMeasured: r.fullMeasured?.[0] };
}

describe('a rule that throws', () => {
  const broken = rule121((r) => {
    (r.checks[0] as Check).explain.pass = 'Sent on {explained.nothingHere|date}.';
  });

  it('gives an error finding that cites nothing and measures nothing', async () => {
    const { finding, fullMeasured } = await judge(broken, history(received, explained), { timeline: true });
    expect(finding.status).toBe('error');
    expect(finding.evidence).toEqual([]);
    expect(finding).not.toHaveProperty('measured');
    expect(fullMeasured).toEqual({});
    expect((await judge(broken, history(received, explained), { detail: 'full' })).finding.measured).toEqual(
      {},
    );
  });

  it('names the stage an evaluator gave no verdict for', async () => {
    const evaluator = { name: 'forgetful', evaluate: () => [true] };
    const { finding } = await judge(rule121(), history(received, explained), { evaluator });
    expect(finding.status).toBe('error');
    expect(finding.explanation).toBe(
      'This indicator could not be evaluated: the evaluator gave no verdict for check.0.outcome.0.',
    );
  });
});

describe("a finding's measured", () => {
  it('of a rule that does not apply is every fact at --detail full, and none otherwise', async () => {
    const rule = rule121(withNotes);
    const noReceipt = history(explained, note);
    const full = (await judge(rule, noReceipt, { detail: 'full' })).finding;
    expect(full.status).toBe('not_applicable');
    expect(Object.keys(full.measured ?? {})).toEqual(['explained', 'notes', 'parameters']);
    expect(full.measured?.notes).toMatchObject({ count: 1 });
    const findings = (await judge(rule, noReceipt, { detail: 'findings' })).finding;
    expect(findings).not.toHaveProperty('measured');
    expect(await judge(rule, noReceipt)).toEqual({ finding: findings, fullMeasured: undefined });
  });

  it('keeps what a check that does not apply reads to decide so, not what its outcomes read', async () => {
    const rule = rule121((r) => {
      withNotes(r);
      r.checks.push({
        id: 'noted',
        description: 'Notes are kept.',
        appliesWhen: { fact: 'notes', path: '$.count', operator: 'greaterThan', value: 5 },
        outcomes: [
          { status: 'fail', when: { fact: 'notes', path: '$.first.id', operator: 'equal', value: 'x' } },
        ],
        explain: { pass: 'Noted.', fail: 'Not noted.' },
      } as Check);
    });
    const { finding } = await judge(rule, history(received, explained, note));
    expect(finding.status).toBe('pass');
    expect(finding.measured?.notes).toEqual({ count: 1 });
  });
});

describe("a finding's evidence", () => {
  const notesCheck = {
    id: 'noted',
    description: 'Notes are kept.',
    appliesWhen: { fact: 'notes', path: '$.count', operator: 'equal', value: 0 },
    outcomes: [
      { status: 'fail', when: { fact: 'notes', path: '$.count', operator: 'greaterThan', value: 1 } },
    ],
    explain: { pass: 'Noted.', fail: 'Noted twice.' },
  } as Check;

  it('leaves out the facts of a check that does not apply when another check does', async () => {
    const rule = rule121((r) => {
      withNotes(r);
      r.checks.push(notesCheck);
    });
    const { finding } = await judge(rule, history(received, explained, note));
    expect(finding.status).toBe('pass');
    expect(finding.evidence).toEqual(['e1', 'e2']);
  });

  it("cites every check's facts when no check applies", async () => {
    const rule = rule121((r) => {
      withNotes(r);
      r.checks = [notesCheck];
    });
    const { finding } = await judge(rule, history(received, explained, note));
    expect(finding.status).toBe('not_applicable');
    expect(finding.evidence).toEqual(['e1', 'e3', 'e2']);
  });
});

describe("a finding's dueAt", () => {
  const pendingCheck = {
    id: 'awaited',
    description: 'The case is closed.',
    outcomes: [
      {
        status: 'pending',
        when: { fact: 'case', path: '$.closed', operator: 'notEqual', value: true },
        dueAt: 'explained.first.deadline',
      },
    ],
    explain: { pass: 'Closed.', pending: 'Open until {explained.first.deadline|date}.' },
  } as Check;
  const twoChecks = rule121((r) => {
    r.checks.push(pendingCheck);
  });

  it('is given when the finding is pending', async () => {
    const { finding } = await judge(twoChecks, history(received, explained));
    expect(finding.status).toBe('pending');
    expect(finding.dueAt).toBe('2024-05-09'); // five working days after 1 May, 6 May a bank holiday;
  });

  it('is left out when a check is pending but another fails, and when none is pending', async () => {
    const failing = await judge(twoChecks, history(received));
    expect(failing.finding.status).toBe('fail');
    expect(failing.finding).not.toHaveProperty('dueAt');
    const passing = await judge(rule121(), history(received, explained));
    expect(passing.finding.status).toBe('pass');
    expect(passing.finding).not.toHaveProperty('dueAt');
  });
});

describe("the audit report's drill-down (fullMeasured)", () => {
  it('keeps everything measured for a fail, whatever the detail, and nothing for a pass', async () => {
    const rule = rule121(withNotes);
    const late = history(received, note);
    const full = (await judge(rule, late, { detail: 'full' })).finding;
    expect(full.status).toBe('fail');
    const summary = await judge(rule, late, { detail: 'summary', timeline: true });
    expect(summary.fullMeasured).toEqual(full.measured);
    const findings = await judge(rule, late, { timeline: true });
    expect(findings.fullMeasured).toEqual(full.measured);
    expect((await judge(rule, history(received, explained), { timeline: true })).fullMeasured).toBeNull();
  });

  it("at --detail full is the finding's own measured, not a second copy", async () => {
    const { finding, fullMeasured } = await judge(rule121(), history(received), {
      detail: 'full',
      timeline: true,
    });
    expect(finding.status).toBe('fail');
    expect(fullMeasured).toBe(finding.measured);
  });
});

describe('a pending check with several outcomes', () => {
  const awaited = (outcomes: Check['outcomes']) =>
    rule121((r) => {
      r.checks.push({
        id: 'awaited',
        description: 'The case is closed.',
        outcomes,
        explain: { pass: 'Closed.', pending: 'Open.', fail: 'Not closed.' },
      } as Check);
    });
  const open = { fact: 'case', path: '$.closed', operator: 'notEqual', value: true } as const;

  it('falls due when its pending outcome does, not at the dueAt of a fail outcome after it', async () => {
    const rule = awaited([
      { status: 'pending', when: open, dueAt: 'explained.first.deadline' },
      { status: 'fail', when: open, dueAt: 'explained.first.startDate' },
    ]);
    const { finding } = await judge(rule, history(received, explained));
    expect(finding.status).toBe('pending');
    expect(finding.dueAt).toBe('2024-05-09');
  });

  it('falls due at the earliest of the pending outcomes that hold', async () => {
    const rule = awaited([
      { status: 'pending', when: open, dueAt: 'explained.first.deadline' },
      { status: 'pending', when: open, dueAt: 'explained.first.startDate' },
      { status: 'pending', when: open },
    ]);
    const { finding } = await judge(rule, history(received, explained));
    expect(finding.dueAt).toBe('2024-05-01');
  });
});

describe('a rule that does not apply', () => {
  // A fact only the checks read, which cannot be measured: chained to a fact declared after it.
  const unmeasurable = rule121((r) => {
    r.facts = {
      ...r.facts,
      chained: {
        template: 'responses',
        trigger: { fromFact: 'later', states: ['met'], at: 'response' },
        response: { type: 'x-note' },
        within: { workingDays: 5 },
      },
      later: notes,
    };
    (r.checks[0] as Check).outcomes.push({
      status: 'fail',
      when: { fact: 'chained', path: '$.missing', operator: 'greaterThan', value: 0 },
      explain: 'Not chained.',
    });
  });

  it('is not applicable, without measuring the facts only its checks need', async () => {
    const { finding } = await judge(unmeasurable, history(explained));
    expect(finding.status).toBe('not_applicable');
    expect(finding.explanation).toBe(
      'No complaint.received event is recorded, so there was no process to explain.',
    );
  });

  it('is an error once it applies', async () => {
    const { finding } = await judge(unmeasurable, history(received, explained));
    expect(finding).toMatchObject({
      status: 'error',
      explanation:
        'This indicator could not be evaluated: fact "later" must be declared before the facts chained to it.',
    });
  });
});
