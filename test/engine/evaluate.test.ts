import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ConditionEvaluator,
  ConfigError,
  createCompiledEvaluator,
  createRuleset,
  evaluateCase,
  evaluateCases,
  InvalidCaseError,
  loadRuleset,
  RulesetError,
  summarize,
} from '../../src/index.js';
import { deepFreeze } from '../support/fixtures.js';

const ruleset = deepFreeze(await loadRuleset());
const asOf = '2024-09-02T12:00:00+01:00';

const history = () => ({
  caseId: 'C-1',
  attributes: { channel: 'web' },
  events: [
    { id: 'e1', type: 'complaint.received', at: '2024-05-01T10:00:00+01:00' },
    {
      id: 'e2',
      type: 'communication.sent',
      at: '2024-05-03T10:00:00+01:00',
      data: { to: 'complainant', covers: ['investigation_process'] },
    },
    {
      id: 'e3',
      type: 'decision.issued',
      at: '2024-05-20T10:00:00+01:00',
      data: { decisionMakerRole: 'ombudsman', outcome: 'not_upheld', reasonsGiven: true },
    },
    { id: 'e4', type: 'case.closed', at: '2024-05-21T10:00:00+01:00' },
  ],
});

describe('evaluateCase', () => {
  it('gives one finding per enabled indicator, in ruleset order', async () => {
    const r = await evaluateCase(history(), { untrusted: true, ruleset, asOf });
    expect(r.findings.map((f) => f.ref)).toEqual(ruleset.rules.map((x) => x.ref));
    expect(r.caseId).toBe('C-1');
  });

  it('writes measured without evidence ids or derived lists, its keys in code-unit order at every depth', async () => {
    const r = await evaluateCase(history(), { untrusted: true, ruleset, asOf, detail: 'full' });
    const sorted = (v: unknown): boolean =>
      Array.isArray(v)
        ? v.every(sorted)
        : v === null || typeof v !== 'object'
          ? true
          : Object.keys(v).every((k, i, ks) => i === 0 || (ks[i - 1] as string) < k) &&
            Object.values(v).every(sorted);
    for (const f of r.findings) {
      expect(sorted(f.measured), f.ref).toBe(true);
      for (const [name, value] of Object.entries(f.measured ?? {})) {
        if (name === 'parameters') continue;
        for (const k of ['eventIds', 'notMetItems', 'openItems', 'classified'])
          expect(value).not.toHaveProperty(k);
      }
    }
    // The responses fact of 1.2.1 keeps its items (what the derived lists were made from).
    const explained = r.findings.find((f) => f.ref === '1.2.1')?.measured?.explained as Record<
      string,
      unknown
    >;
    expect(Object.keys(explained)).toEqual([...Object.keys(explained)].sort());
    expect(explained).toMatchObject({ met: 1, items: [{ triggerId: 'e1', responseId: 'e2', state: 'met' }] });
    expect(r.findings.find((f) => f.ref === '1.2.1')?.measured?.parameters).toEqual({
      processExplainedWithin: 5,
    });
  });

  it('requires asOf', async () => {
    await expect(evaluateCase(history(), { ruleset } as never)).rejects.toThrow(/options.asOf is missing/);
  });

  it('mutates neither the input, the ruleset nor the config (all frozen)', async () => {
    const input = deepFreeze(history());
    const config = deepFreeze({ parameters: { updateInterval: 15 } });
    const before = JSON.stringify([input, ruleset, config]);
    await evaluateCase(input, { untrusted: true, ruleset, asOf, config });
    expect(JSON.stringify([input, ruleset, config])).toBe(before);
  });

  it('is the same whatever the order of events in the input', async () => {
    const h = history();
    const reversed = { ...h, events: [...h.events].reverse() };
    const a = await evaluateCase(h, { untrusted: true, ruleset, asOf });
    const b = await evaluateCase(reversed, { untrusted: true, ruleset, asOf });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('keeps input order for events at the same instant', async () => {
    const h = history();
    const same = { ...h, events: h.events.map((e) => ({ ...e, at: '2024-05-01T10:00:00+01:00' })) };
    const r = await evaluateCase(same, { untrusted: true, ruleset, asOf });
    expect(r.findings.find((f) => f.ref === '1.2.1')?.status).toBe('pass');
  });

  it('leaves out and counts events after asOf', async () => {
    const r = await evaluateCase(history(), { untrusted: true, ruleset, asOf: '2024-05-10T00:00:00+01:00' });
    expect(r.eventsAfterAsOf).toBe(2);
    expect(r.findings.find((f) => f.ref === '1.3.1')?.status).toBe('pending');
  });

  it('rejects an invalid case whole, listing every problem with its path', async () => {
    const bad = {
      caseId: 'C-2',
      events: [
        { id: 'a', type: 'complaint.received', at: '2024-02-30T10:00:00Z' },
        { id: 'a', type: 'communication.sent', at: '2024-03-01', data: { covers: ['progress'] } },
        { type: 'complaint.recieved', at: '2024-03-01' },
      ],
    };
    const err = await evaluateCase(bad, { untrusted: true, ruleset, asOf }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidCaseError);
    const issues = (err as InvalidCaseError).issues.map((i) => `${i.path.join('.')}: ${i.code}`);
    expect(issues).toEqual([
      'events.0.at: invalid_instant',
      'events.1.id: duplicate_id',
      'events.1.data.to: invalid_value',
      'events.2.type: invalid_format',
    ]);
    expect((err as InvalidCaseError).issues[3]?.message).toBe(
      '`type`: unknown event type: use one of the canonical types (https://github.com/service-standards/service-standards/blob/main/docs/events.md#canonical-types), or an "x-" prefix for a custom one (got "complaint.recieved")',
    );
    // A data field's problem names the type's own section of docs/events.md, a heading there.
    expect((err as InvalidCaseError).issues[2]?.message).toMatch(
      /^`data.to` is required \(one of: .*\) \(communication\.sent's data: https:\/\/github\.com\/service-standards\/service-standards\/blob\/main\/docs\/events\.md#communicationsent\)$/,
    );
    expect(readFileSync(new URL('../../docs/events.md', import.meta.url), 'utf8')).toContain(
      '#### `communication.sent`\n',
    );
  });

  it('lists every problem once the shapes are right', async () => {
    const bad = {
      caseId: 'C-3',
      events: [
        { id: 'a', type: 'complaint.received', at: '2024-02-30T10:00:00Z' },
        { id: 'a', type: 'communication.sent', at: '2024-03-01', data: { covers: ['progress'] } },
        {
          id: 'b',
          type: 'case.extension_notified',
          at: '2024-03-01',
          data: { revisedTargetAt: '2024-13-01' },
        },
      ],
    };
    const err = (await evaluateCase(bad, { untrusted: true, ruleset, asOf }).catch(
      (e: unknown) => e,
    )) as InvalidCaseError;
    expect(err.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['events.0.at', 'invalid_instant'],
      ['events.1.id', 'duplicate_id'],
      ['events.1.data.to', 'invalid_value'],
      ['events.2.data.revisedTargetAt', 'invalid_instant'],
    ]);
    expect(err.issues[2]?.message).toMatch(/`data.to` is required/);
  });

  it('derives stable ids for events without one and cites them', async () => {
    const h = history();
    const noIds = { ...h, events: h.events.map(({ id: _id, ...e }) => e) };
    const r = await evaluateCase(noIds, { untrusted: true, ruleset, asOf });
    expect(r.findings.find((f) => f.ref === '1.2.1')?.evidence).toEqual(['C-1#1', 'C-1#2']);
  });

  it('pollutes nothing through __proto__ or constructor keys', async () => {
    const json = `{"caseId":"C-4","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},
      "events":[{"id":"e1","type":"complaint.received","at":"2024-05-01","__proto__":{"polluted":true},
      "data":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}]}`;
    const r = await evaluateCase(JSON.parse(json), { ruleset, asOf });
    expect(r.caseId).toBe('C-4');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('rules that throw', () => {
  it('yield an error finding and the others go on', async () => {
    const manifest = structuredClone(ruleset.manifest) as { rules: string[] };
    const rules = Object.fromEntries(ruleset.rules.map((r) => [`${r.ref}.json`, structuredClone(r)]));
    const broken = rules['1.2.1.json'] as { checks: { explain: Record<string, string> }[] };
    if (broken.checks[0]) broken.checks[0].explain.pass = 'Sent on {explained.nothingHere|date}.';
    const custom = createRuleset({ manifest, rules });
    const r = await evaluateCase(history(), { untrusted: true, ruleset: custom, asOf });
    const f = r.findings.find((x) => x.ref === '1.2.1');
    expect(f?.status).toBe('error');
    expect(f?.explanation).toMatch(
      /could not be evaluated: explanation template refers to "explained.nothingHere"/,
    );
    expect(r.status).toBe('error');
    expect(r.findings.filter((x) => x.status !== 'error').length).toBe(ruleset.rules.length - 1);
  });

  const brokenRuleset = (
    edit: (rule: Record<string, unknown> & { checks: Record<string, unknown>[] }) => void,
  ) => {
    const manifest = structuredClone(ruleset.manifest) as { rules: string[] };
    const rules = Object.fromEntries(ruleset.rules.map((r) => [`${r.ref}.json`, structuredClone(r)]));
    edit(rules['1.2.1.json'] as Record<string, unknown> & { checks: Record<string, unknown>[] });
    try {
      createRuleset({ manifest, rules });
    } catch (e) {
      return e;
    }
    throw new Error('the broken ruleset was accepted');
  };

  it.each([
    [
      'an undeclared fact',
      'Sent on {nothingHere.at|date}.',
      /reads "nothingHere", which is not a fact of the rule/,
    ],
    [
      'a filter that does not exist',
      'Sent on {explained.first|dat}.',
      /unknown filter "dat" in the template for "explained.first"/,
    ],
  ])(
    'refuse a template naming %s when the ruleset is created, naming the file and field',
    (_, template, message) => {
      const err = brokenRuleset((rule) => {
        (rule.checks[0] as { explain: Record<string, string> }).explain.pass = template;
      }) as RulesetError;
      expect(err).toBeInstanceOf(RulesetError);
      expect(err.issues).toEqual([
        {
          code: 'invalid_template',
          path: ['checks', 0, 'explain', 'pass'],
          message: expect.stringMatching(message),
          file: '1.2.1.json',
        },
      ]);
      expect(err.message).toMatch(/1\.2\.1\.json: checks\.0\.explain\.pass: /);
    },
  );

  it("refuse an outcome's dueAt naming an undeclared fact, naming its field", () => {
    const err = brokenRuleset((rule) => {
      const outcome = (rule.checks[0] as { outcomes: Record<string, unknown>[] }).outcomes[0];
      if (outcome) outcome.dueAt = 'nowhere.at';
    }) as RulesetError;
    expect(err.issues).toEqual([
      expect.objectContaining({ path: ['checks', 0, 'outcomes', 0, 'dueAt'], file: '1.2.1.json' }),
    ]);
  });

  it('refuse a condition reading an undeclared fact when the ruleset is created, naming its field', () => {
    const err = brokenRuleset((rule) => {
      rule.appliesWhen = { fact: 'nowhere', operator: 'equal', value: 1 };
    }) as RulesetError;
    expect(err.issues).toEqual([
      {
        code: 'invalid_condition',
        path: ['appliesWhen'],
        message: expect.stringMatching(/reads "nowhere", which is not a fact of the rule/),
        file: '1.2.1.json',
      },
    ]);
  });
});

describe('configuration', () => {
  it('overrides parameters and switches indicators off', async () => {
    const config = { parameters: { processExplainedWithin: 1 }, indicators: { '1.3.1': { enabled: false } } };
    const r = await evaluateCase(history(), { untrusted: true, ruleset, asOf, config, detail: 'full' });
    expect(r.findings.map((f) => f.ref)).not.toContain('1.3.1');
    const f = r.findings.find((x) => x.ref === '1.2.1');
    expect(f?.status).toBe('fail');
    expect(f?.measured?.parameters).toEqual({ processExplainedWithin: 1 });
  });

  it('overrides one complexity target without losing the others', async () => {
    const config = { parameters: { targets: { standard: 10 } } };
    const r = await evaluateCase(history(), { untrusted: true, ruleset, asOf, config, detail: 'full' });
    expect(r.findings.find((x) => x.ref === '1.3.1')?.measured?.parameters).toEqual({
      targets: { simple: 5, standard: 10, complex: 80 },
    });
  });

  it('rejects unknown parameters, bad values and unknown indicators with paths', async () => {
    const config = {
      parameters: { acknowledgeWitin: 3, updateInterval: -1 },
      indicators: { '9.9.9': { enabled: false } },
    };
    const err = (await evaluateCase(history(), { untrusted: true, ruleset, asOf, config }).catch(
      (e: unknown) => e,
    )) as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.issues.map((i) => i.path.join('.'))).toEqual([
      'parameters.acknowledgeWitin',
      'parameters.updateInterval',
      'indicators.9.9.9',
    ]);
  });

  it.each([
    ['toString', '{"parameters":{"toString":3}}'],
    ['constructor', '{"parameters":{"constructor":1}}'],
  ])('refuses a parameter named %s as unknown', async (name, json) => {
    const err = (await evaluateCase(history(), {
      untrusted: true,
      ruleset,
      asOf,
      config: JSON.parse(json),
    }).catch((e: unknown) => e)) as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.issues).toEqual([
      expect.objectContaining({ code: 'unknown_parameter', path: ['parameters', name] }),
    ]);
    expect(err.message).toContain(`unknown parameter "${name}"`);
  });

  it('refuses a __proto__ key anywhere in the config', async () => {
    const config = JSON.parse(
      '{"parameters":{"__proto__":{"acknowledgeWithin":9}},"indicators":{"1.2.1":{"__proto__":{}}}}',
    );
    const err = (await evaluateCase(history(), { untrusted: true, ruleset, asOf, config }).catch(
      (e: unknown) => e,
    )) as ConfigError;
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['parameters.__proto__', '"__proto__" is not allowed as a key'],
      ['indicators.1.2.1.__proto__', '"__proto__" is not allowed as a key'],
    ]);
  });

  it('rejects a typo in the config schema', async () => {
    await expect(
      evaluateCase(history(), { untrusted: true, ruleset, asOf, config: { zome: 'UTC' } as never }),
    ).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('evaluateCases and summarize', () => {
  it('streams, rejects invalid cases whole and goes on', async () => {
    async function* source() {
      yield history();
      yield { caseId: 'bad', events: [{ type: 'complaint.received', at: 'never' }] };
      yield { ...history(), caseId: 'C-9' };
    }
    const outcomes = [];
    for await (const o of evaluateCases(source(), { ruleset, asOf })) outcomes.push(o);
    expect(
      outcomes.map((o) => (o.kind === 'judged' ? o.result.caseId : `rejected:${o.rejected.caseId}`)),
    ).toEqual(['C-1', 'rejected:bad', 'C-9']);
    const results = outcomes.flatMap((o) => (o.kind === 'judged' ? [o.result] : []));
    const rejected = outcomes.flatMap((o) => (o.kind === 'rejected' ? [o.rejected] : []));
    const s = summarize(results, { ruleset, rejected });
    expect(s.cases).toBe(2);
    expect(s.events + s.rejected.reduce((n, r) => n + r.events, 0)).toBe(9);
    expect(s.findings).toBe(2 * ruleset.rules.length);
    const rate = s.indicators.find((i) => i.ref === '1.2.1');
    expect(rate?.byStatus.pass).toBe(2);
    expect(rate?.complianceRate).toBe(1);
  });
});

describe('duplicate ids', () => {
  it('are reported even when the first event is invalid in another way', async () => {
    const bad = {
      caseId: 'C-5',
      events: [
        { id: 'a', type: 'complaint.recieved', at: '2024-05-01' },
        { id: 'a', type: 'complaint.received', at: '2024-05-01' },
      ],
    };
    const err = (await evaluateCase(bad, { untrusted: true, ruleset, asOf }).catch(
      (e: unknown) => e,
    )) as InvalidCaseError;
    expect(err.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['events.0.type', 'invalid_format'],
      ['events.1.id', 'duplicate_id'],
    ]);
  });
});

describe('evaluators', () => {
  const compiled = createCompiledEvaluator();

  it('the default, the compiled tests as an evaluator, and one that makes us wait give the same findings', async () => {
    const waiting: ConditionEvaluator = {
      name: 'waiting',
      evaluate: async (r, f) => compiled.evaluate(r, f),
    };
    const byDefault = await evaluateCase(history(), { untrusted: true, ruleset, asOf });
    expect(await evaluateCase(history(), { untrusted: true, ruleset, asOf, evaluator: compiled })).toEqual(
      byDefault,
    );
    expect(await evaluateCase(history(), { untrusted: true, ruleset, asOf, evaluator: waiting })).toEqual(
      byDefault,
    );
    expect(byDefault.findings.some((f) => f.status === 'pass')).toBe(true);
  });

  it('a verdict missing for a stage the finding needs is an error finding', async () => {
    const none: ConditionEvaluator = {
      name: 'none',
      evaluate: async (rule) => new Array(rule.stages.length),
    };
    const r = await evaluateCase(history(), { untrusted: true, ruleset, asOf, evaluator: none });
    expect(r.findings.map((f) => f.status)).toEqual(r.findings.map(() => 'error'));
    for (const f of r.findings)
      expect(f.explanation).toMatch(/the evaluator gave no verdict for (applies|check\.\d+\.)/);
  });
});

describe('cases no rule can judge', () => {
  it('rejects alone a case whose events are null, an object or hold a null, and goes on', async () => {
    const bad = [
      { caseId: 'N1', events: null },
      { caseId: 'N2', events: { a: 1 } },
      { caseId: 'N3', events: [null] },
    ];
    const outcomes = [];
    for await (const o of evaluateCases([...bad, history()], { ruleset, asOf })) outcomes.push(o);
    expect(
      outcomes.map((o) =>
        o.kind === 'judged'
          ? o.result.caseId
          : `${o.rejected.caseId} ${o.rejected.problems.map((p) => p.path.join('.')).join(',')}`,
      ),
    ).toEqual(['N1 events', 'N2 events', 'N3 events.0', 'C-1']);
  });

  it('rejects a case with an instant outside the calendar years, naming the field, and goes on', async () => {
    const dated = (at: string, revisedTargetAt = '2024-06-01') => ({
      caseId: `Y-${at}`,
      events: [
        { id: 'r', type: 'complaint.received', at },
        { id: 'x', type: 'case.extension_notified', at: '2024-05-02', data: { revisedTargetAt } },
      ],
    });
    const source = [
      dated('0202-05-01T10:00:00Z'),
      dated('1899-12-31'),
      dated('9999-12-31'),
      dated('2024-05-01', '2300-01-01'),
      history(),
    ];
    const outcomes = [];
    for await (const o of evaluateCases(source, { ruleset, asOf })) outcomes.push(o);
    const problems = outcomes.map((o) =>
      o.kind === 'judged'
        ? o.result.caseId
        : o.rejected.problems.map((p) => `${p.path.join('.')}: ${p.message}`),
    );
    expect(problems).toEqual([
      [
        'events.0.at: "0202-05-01T10:00:00Z" is in the year 202: the working calendar covers 1900-2200 (a mistyped year?)',
      ],
      [
        'events.0.at: "1899-12-31" is in the year 1899: the working calendar covers 1900-2200 (a mistyped year?)',
      ],
      [
        'events.0.at: "9999-12-31" is in the year 9999: the working calendar covers 1900-2200 (a mistyped year?)',
      ],
      [
        'events.1.data.revisedTargetAt: "2300-01-01" is in the year 2300: the working calendar covers 1900-2200 (a mistyped year?)',
      ],
      'C-1',
    ]);
  });

  it('refuses an asOf outside the calendar years', async () => {
    await expect(evaluateCase(history(), { untrusted: true, ruleset, asOf: '0000-01-01' })).rejects.toThrow(
      'asOf: 0000-01-01 is in the year 0: the working calendar covers 1900-2200',
    );
  });
});
