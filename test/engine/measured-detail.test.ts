import { describe, expect, it } from 'vitest';
import {
  conditionPaths,
  findingMeasured,
  measuredReads,
  pickMeasured,
  placeholderPaths,
  readIndex,
} from '../../src/engine/measured-detail.js';
import type { Condition, RuleFile } from '../../src/index.js';
import { evaluateCase, loadRuleset } from '../../src/index.js';

const ruleset = await loadRuleset();
const rule121 = ruleset.rules.find((r) => r.ref === '1.2.1') as RuleFile;

describe('measuredReads', () => {
  it("lists each path a rule's checks compare or explain, sorted, once each, without params, asOf, dueAt, list indices or the rule's own appliesWhen", () => {
    const paths = measuredReads(rule121).paths.map((p) => p.join('.'));
    expect(paths).toEqual([
      'case.closed',
      'case.closedDate',
      'explained.first.deadline',
      'explained.first.elapsed',
      'explained.first.nonWorkingDays',
      'explained.first.pausedWorkingDays',
      'explained.first.responseDate',
      'explained.first.responseId',
      'explained.first.startDate',
      'explained.late',
      'explained.missing',
      'explained.open',
    ]);
  });

  it("reads a fact compared with another fact, and not what the rule's own appliesWhen reads", () => {
    const rule = {
      ...rule121,
      appliesWhen: { fact: 'case', path: '$.decided', operator: 'equal', value: true },
      checks: [
        {
          id: 'c',
          description: 'd',
          outcomes: [
            {
              status: 'fail',
              when: { fact: 'a', path: '$.x', operator: 'greaterThan', value: { fact: 'b', path: '$.y' } },
              explain: '{a.x|count:day:days} {b.items.0.id} {params.p} {asOf.date|date}',
              dueAt: 'a.dueAt',
            },
          ],
          explain: { pass: '{a.z|or:none}' },
        },
      ],
      explain: { not_applicable: '{a.onlyWhenNotApplicable}' },
    } as RuleFile;
    expect(measuredReads(rule).paths.map((p) => p.join('.'))).toEqual(['a.x', 'a.z', 'b.y']);
  });

  it('parses condition JSONPaths and template placeholders', () => {
    expect(conditionPaths({ any: [{ fact: 'f', path: '$.a[0].b', operator: 'equal', value: 1 }] })).toEqual([
      ['f', 'a', '0', 'b'],
    ]);
    expect(conditionPaths({ not: { fact: 'f', operator: 'equal', value: 1 } })).toEqual([['f']]);
    expect(placeholderPaths('On { a.b |date}, {c|wrap: (:)}.')).toEqual([['a', 'b'], ['c']]);
  });
});

describe('pickMeasured', () => {
  const reads = {
    paths: [['f', 'first', 'date'], ['f', 'ids'], ['f', 'items'], ['f', 'n'], ['f', 'whole'], ['g']],
  };

  it('takes plain values, nested as in the facts, and leaves objects and lists (per-item values) out', () => {
    const values = {
      f: {
        first: { date: '2024-05-07', other: 1 },
        ids: ['e1', 'e2'],
        items: [{ id: 'e1' }],
        n: Number.NaN,
        whole: { a: 1 },
      },
      g: false,
    };
    const out = pickMeasured(reads, values);
    expect(out).toStrictEqual({ f: { first: { date: '2024-05-07' }, n: null }, g: false });
    expect(JSON.stringify(out)).toBe('{"f":{"first":{"date":"2024-05-07"},"n":null},"g":false}');
  });

  it('skips what is missing, and a path through a plain value or a list', () => {
    expect(pickMeasured(reads, { f: { first: 'x', ids: [] } })).toStrictEqual({});
    expect(pickMeasured({ paths: [['f', 'length']] }, { f: ['a'] })).toStrictEqual({});
  });
});

describe('findingMeasured', () => {
  const reads = { paths: [['f', 'more'], ['f', 'n'], ['g']] };
  const values = { f: { n: 1, more: 2 }, g: 'x' };

  it('gives nothing at summary, and at findings nothing for not applicable or error', () => {
    const read = [false, true, false];
    expect(findingMeasured('summary', 'fail', reads, read, values)).toBeUndefined();
    expect(findingMeasured('findings', 'not_applicable', reads, read, values)).toBeUndefined();
    expect(findingMeasured('findings', 'error', reads, read, values)).toBeUndefined();
    expect(findingMeasured('findings', 'pass', reads, read, values)).toEqual({ f: { n: 1 } });
  });

  it('takes the paths marked read, in their order, and none when none is', () => {
    const some = findingMeasured('findings', 'fail', reads, [true, true, true], values);
    expect(JSON.stringify(some)).toBe('{"f":{"more":2,"n":1},"g":"x"}');
    expect(findingMeasured('findings', 'pass', reads, [], values)).toEqual({});
  });
});

describe('readIndex', () => {
  it("finds which of a rule's paths a condition or a template reads, without params, asOf or list indices", () => {
    const index = readIndex({
      paths: [
        ['a', 'x'],
        ['a', 'z'],
        ['b', 'y'],
        ['case', 'decided'],
      ],
    });
    const condition = { fact: 'a', path: '$.x', operator: 'greaterThan', value: { fact: 'b', path: '$.y' } };
    expect(index.condition(condition as Condition)).toEqual([0, 2]);
    expect(index.condition(undefined)).toEqual([]);
    expect(
      index.template('{b.y} {a.x|count:day:days} {a.x} {b.items.0.id} {params.p} {asOf.date|date}'),
    ).toEqual([0, 2]);
  });
});

describe("one finding's measured", () => {
  // Two outcomes, each with its own sentence; the pass sentence reads a third value.
  const rule = {
    ...rule121,
    parameters: [],
    facts: {
      sent: { template: 'occurrences', filter: { type: 'communication.sent' } },
      received: { template: 'occurrences', filter: { type: 'complaint.received' } },
    },
    appliesWhen: { fact: 'received', path: '$.count', operator: 'greaterThan', value: 0 },
    checks: [
      {
        id: 'sent',
        description: 'something was sent',
        appliesWhen: { fact: 'received', path: '$.exists', operator: 'equal', value: true },
        outcomes: [
          {
            status: 'fail',
            when: { fact: 'sent', path: '$.count', operator: 'equal', value: 0 },
            explain: 'Nothing was sent after {received.first.date|date}.',
          },
        ],
        explain: {
          pass: '{sent.count|count:communication was:communications were} sent, the last on {sent.last.date|date}.',
        },
      },
    ],
    explain: { not_applicable: 'No complaint was received.' },
    statuses: ['pass', 'fail', 'not_applicable'],
  } as unknown as RuleFile;
  const at = (day: number) => `2024-05-0${day}T09:00:00+01:00`;
  const received = { id: 'e1', type: 'complaint.received', at: at(1), data: { channel: 'email' } };
  const sent = { id: 'e2', type: 'communication.sent', at: at(2), data: { to: 'complainant' } };
  const judge = async (events: unknown[]) => {
    const r = await evaluateCase(
      { caseId: 'C-1', events },
      { untrusted: true, ruleset: { ...ruleset, rules: [rule] }, asOf: '2024-05-31T17:00:00+01:00' },
    );
    return r.findings[0];
  };

  it("holds what its checks' conditions and its own sentence read, not another outcome's sentence nor the rule's appliesWhen", async () => {
    const pass = await judge([received, sent]);
    expect(pass?.status).toBe('pass');
    expect(pass?.measured).toStrictEqual({
      received: { exists: true },
      sent: { count: 1, last: { date: '2024-05-02' } },
    });
    const fail = await judge([received]);
    expect(fail?.status).toBe('fail');
    expect(fail?.measured).toStrictEqual({
      received: { exists: true, first: { date: '2024-05-01' } },
      sent: { count: 0 },
    });
  });
  it('leaves out the conditions of the outcomes after the first that holds (the check never reads them)', async () => {
    const check = rule.checks[0] as RuleFile['checks'][number];
    const later = {
      status: 'insufficient_evidence',
      when: { fact: 'received', path: '$.count', operator: 'greaterThan', value: 5 },
      explain: 'More than five complaints were received.',
    } as const;
    const twoOutcomes = { ...rule, checks: [{ ...check, outcomes: [...check.outcomes, later] }] } as RuleFile;
    const judgeWith = async (events: unknown[]) =>
      (
        await evaluateCase(
          { caseId: 'C-1', events },
          {
            untrusted: true,
            ruleset: { ...ruleset, rules: [twoOutcomes] },
            asOf: '2024-05-31T17:00:00+01:00',
          },
        )
      ).findings[0];
    const fail = await judgeWith([received]);
    expect(fail?.status).toBe('fail');
    expect(fail?.measured).toStrictEqual({
      received: { exists: true, first: { date: '2024-05-01' } },
      sent: { count: 0 },
    });
    const pass = await judgeWith([received, sent]);
    expect(pass?.status).toBe('pass');
    expect(pass?.measured).toStrictEqual({
      received: { count: 1, exists: true },
      sent: { count: 1, last: { date: '2024-05-02' } },
    });
  });
});

describe('findings at each detail', () => {
  const history = {
    caseId: 'C-1',
    events: [
      { id: 'e1', type: 'complaint.received', at: '2024-05-01T09:00:00+01:00', data: { channel: 'email' } },
      {
        id: 'e2',
        type: 'communication.sent',
        at: '2024-05-02T09:00:00+01:00',
        data: { to: 'complainant', covers: ['investigation_process'] },
      },
    ],
  };
  const asOf = '2024-05-31T17:00:00+01:00';

  it("default to what each finding's conditions and sentences read, with no measured on not applicable findings", async () => {
    const r = await evaluateCase(history, { untrusted: true, ruleset, asOf });
    const f = r.findings.find((x) => x.ref === '1.2.1');
    expect(f?.status).toBe('pass');
    expect(f?.measured).toStrictEqual({
      case: { closed: false },
      explained: {
        // The pass sentence gives the working days, not the deadline (only a late one does);
        // the closed days it reads are a per-item list, left to --detail full.
        first: {
          elapsed: 1,
          pausedWorkingDays: 0,
          responseDate: '2024-05-02',
          responseId: 'e2',
          startDate: '2024-05-01',
        },
        late: 0,
        missing: 0,
        open: 0,
      },
    });
    for (const x of r.findings) {
      if (x.status === 'not_applicable') expect(x.measured, x.ref).toBeUndefined();
      else expect(x.measured, x.ref).not.toHaveProperty('parameters');
    }
  });

  it('keep every measurement and the parameters at full, and none at summary', async () => {
    const full = await evaluateCase(history, { untrusted: true, ruleset, asOf, detail: 'full' });
    const f = full.findings.find((x) => x.ref === '1.2.1');
    expect(f?.measured).toMatchObject({
      parameters: { processExplainedWithin: 5 },
      explained: { items: [{ responseId: 'e2' }] },
    });
    expect(full.findings.every((x) => x.measured !== undefined)).toBe(true);
    const summary = await evaluateCase(history, { untrusted: true, ruleset, asOf, detail: 'summary' });
    expect(summary.findings.every((x) => x.measured === undefined)).toBe(true);
    expect(summary.findings.map((x) => [x.status, x.explanation, x.evidence])).toEqual(
      full.findings.map((x) => [x.status, x.explanation, x.evidence]),
    );
  });
});

describe('paths through lists and missing values', () => {
  it('reads a list index of any length in a condition path', () => {
    expect(conditionPaths({ fact: 'f', path: '$.items[12].id', operator: 'equal', value: 1 })).toEqual([
      ['f', 'items', '12', 'id'],
    ]);
  });

  it('takes nothing from a path through null', () => {
    expect(pickMeasured({ paths: [['f', 'first', 'date']] }, { f: { first: null } })).toStrictEqual({});
    expect(pickMeasured({ paths: [['f', 'first']] }, { f: { first: null } })).toStrictEqual({
      f: { first: null },
    });
  });
});
