import { describe, expect, it } from 'vitest';
import { calendarIssuePath, withHolidayTypes } from '../../src/engine/calendar-config.js';
import { ConfigError, createRuleset, evaluateCase, loadRuleset, prepareEvaluation } from '../../src/index.js';
import { dayFromIsoDate } from '../../src/time/days.js';
import { deepFreeze } from '../support/fixtures.js';

const ruleset = deepFreeze(await loadRuleset());

/** The ConfigError a configuration raises (fails the test if it raises none). */
function configError(config: unknown): ConfigError {
  try {
    prepareEvaluation(ruleset, { config: config as never });
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const paramsOf = (config: unknown, ref: string) =>
  prepareEvaluation(ruleset, { config: config as never }).rules.find((r) => r.ref === ref)?.params;

describe('parameter overrides are validated by unit', () => {
  it('accepts 0 working days and refuses negative, fractional and non-numeric ones, naming the parameter', () => {
    expect(paramsOf({ parameters: { acknowledgeWithin: 0 } }, '2.1.2')).toEqual({ acknowledgeWithin: 0 });
    for (const bad of [-1, 1.5, '3']) {
      const [issue, ...rest] = configError({ parameters: { acknowledgeWithin: bad } }).issues;
      expect(rest).toEqual([]);
      expect(issue).toEqual({
        code: 'invalid_parameter',
        path: ['parameters', 'acknowledgeWithin'],
        message: 'parameter "acknowledgeWithin" must be a whole number of working days (0 or more)',
      });
    }
  });

  it('names an unknown parameter and lists the known ones', () => {
    const [issue] = configError({ parameters: { acknowledgeWitin: 3 } }).issues;
    expect(issue?.code).toBe('unknown_parameter');
    expect(issue?.path).toEqual(['parameters', 'acknowledgeWitin']);
    expect(issue?.message).toMatch(
      /^unknown parameter "acknowledgeWitin"; known: processExplainedWithin, acknowledgeWithin, /,
    );
  });

  it('refuses a score that is not a number, and a role list that is not a list', () => {
    expect(configError({ parameters: { 'readability.minFleschReadingEase': '60' } }).issues[0]?.message).toBe(
      'parameter "readability.minFleschReadingEase" must be a number',
    );
    expect(configError({ parameters: { authorisedDecisionRoles: 'ombudsman' } }).issues[0]?.message).toBe(
      'parameter "authorisedDecisionRoles" must be a list of roles',
    );
  });

  it('merges a partial complexity map into the defaults, and refuses an unknown complexity', () => {
    expect(paramsOf({ parameters: { targets: { simple: 3 } } }, '1.3.1')).toEqual({
      targets: { simple: 3, standard: 20, complex: 80 },
    });
    expect(
      paramsOf({ indicators: { '1.3.1': { parameters: { targets: { complex: 40 } } } } }, '1.3.1'),
    ).toEqual({
      targets: { simple: 5, standard: 20, complex: 40 },
    });
    expect(configError({ parameters: { targets: { urgent: 3 } } }).issues[0]?.message).toBe(
      'parameter "targets" must map simple, standard and complex to whole numbers of working days',
    );
  });

  it('replaces a list parameter whole rather than merging it', () => {
    expect(paramsOf({ parameters: { authorisedDecisionRoles: ['chief_executive'] } }, '3.1.1')).toEqual({
      authorisedDecisionRoles: ['chief_executive'],
    });
  });
});

describe('the calendar configuration', () => {
  it('gives the holiday types to a country source only', () => {
    expect(withHolidayTypes({ country: 'SE' }, ['public', 'bank'])).toEqual({
      country: 'SE',
      types: ['public', 'bank'],
    });
    expect(withHolidayTypes({ country: 'SE' }, undefined)).toEqual({ country: 'SE' });
    const list = { dates: ['2024-12-25'] } as never;
    expect(withHolidayTypes(list, ['public'])).toBe(list);
  });

  it('applies configured holiday types to the prepared source', () => {
    const prepared = prepareEvaluation(ruleset, {
      config: { calendar: { holidayTypes: ['public', 'bank'] } },
    });
    expect(prepared.holidaySource).toEqual({ country: 'GB', state: 'SCT', types: ['public', 'bank'] });
    expect(prepareEvaluation(ruleset).holidaySource).toEqual({ country: 'GB', state: 'SCT' });
  });

  it('points a calendar error at the config field it is about', () => {
    expect(calendarIssuePath('date-holidays does not know the country "XX"')).toEqual([
      'calendar',
      'holidays',
      'country',
    ]);
    expect(calendarIssuePath('date-holidays does not know the region "Q"')).toEqual([
      'calendar',
      'holidays',
      'region',
    ]);
    expect(calendarIssuePath('Closure 2 ends before it starts')).toEqual(['calendar', 'closures']);
    expect(calendarIssuePath('a closure mentions the Weekend')).toEqual(['calendar', 'weekend']);
    expect(calendarIssuePath('unknown time Zone "Mars/Base"')).toEqual(['zone']);
    expect(calendarIssuePath('something else')).toEqual(['calendar']);
  });

  it('reports an unknown zone as an invalid calendar at `zone`', () => {
    const [issue] = configError({ zone: 'Mars/Olympus_Mons' }).issues;
    expect(issue?.code).toBe('invalid_calendar');
    expect(issue?.path).toEqual(['zone']);
  });
});

describe('the timeline counts working days from receipt only', () => {
  it('gives null before receipt, 0 on it and the working days after it', async () => {
    const result = await evaluateCase(
      {
        caseId: 'T-1',
        events: [
          {
            id: 'e0',
            type: 'communication.received',
            at: '2024-04-30T10:00:00+01:00',
            data: { from: 'complainant' },
          },
          { id: 'e1', type: 'complaint.received', at: '2024-05-01T10:00:00+01:00' },
          { id: 'e2', type: 'case.closed', at: '2024-05-03T10:00:00+01:00' },
        ],
      },
      { ruleset, asOf: '2024-09-02T12:00:00+01:00', timeline: true },
    );
    expect(result.timeline?.map((e) => [e.id, e.workingDaysSinceReceipt])).toEqual([
      ['e0', null],
      ['e1', 0],
      ['e2', 2],
    ]);
  });
});

describe('a refused configuration', () => {
  it('lists every problem under "invalid configuration", one a line, the whole config named "(config)"', () => {
    const err = configError('not a config');
    expect(err.name).toBe('ConfigError');
    expect(err.message).toMatch(/^invalid configuration:\n {2}\(config\): \S/);
    const two = configError({ parameters: { acknowledgeWithin: -1, updateInterval: 'soon' } });
    expect(two.message).toBe(
      [
        'invalid configuration:',
        '  parameters.acknowledgeWithin: parameter "acknowledgeWithin" must be a whole number of working days (0 or more)',
        '  parameters.updateInterval: parameter "updateInterval" must be a whole number of working days (0 or more)',
      ].join('\n'),
    );
  });

  it('refuses a "__proto__" key wherever it is, before anything else, and a null anywhere is no key', () => {
    const config = JSON.parse(
      '{"parameters":{"__proto__":{"x":1}},"calendar":{"closures":[{"__proto__":null,"from":"2024-05-01","to":"2024-05-02"}]}}',
    );
    expect(configError(config).issues).toEqual([
      {
        code: 'invalid_key',
        path: ['parameters', '__proto__'],
        message: '"__proto__" is not allowed as a key',
      },
      {
        code: 'invalid_key',
        path: ['calendar', 'closures', 0, '__proto__'],
        message: '"__proto__" is not allowed as a key',
      },
    ]);
    // A null is no object to look into: the schema refuses it, as it does any misplaced value.
    expect(configError({ calendar: { holidays: null } }).issues[0]?.path).toEqual(['calendar', 'holidays']);
  });

  it('quotes a misspelt value with the spelling meant', () => {
    expect(configError({ calendar: { holidayTypes: ['publik'] } }).issues[0]?.message).toMatch(
      /is "publik": did you mean "public"\?/,
    );
  });

  it('names an indicator that the configuration mentions but the ruleset lacks', () => {
    expect(configError({ indicators: { '9.9.9': { enabled: false } } }).issues).toEqual([
      {
        code: 'unknown_indicator',
        path: ['indicators', '9.9.9'],
        message: 'no indicator has ref or id "9.9.9"',
      },
    ]);
  });

  it("names an indicator's own parameter override by the indicator's ref", () => {
    expect(
      configError({ indicators: { '2.1.2': { parameters: { acknowledgeWithin: 1.5 } } } }).issues,
    ).toEqual([
      {
        code: 'invalid_parameter',
        path: ['indicators', '2.1.2', 'parameters', 'acknowledgeWithin'],
        message: 'parameter "acknowledgeWithin" must be a whole number of working days (0 or more)',
      },
    ]);
  });

  it('says what to pass when the ruleset is missing', () => {
    expect(() => prepareEvaluation(undefined as never)).toThrow(
      /^prepareEvaluation: the ruleset \(its first argument\) is missing: pass the ruleset/,
    );
  });
});

describe('a complexity map override', () => {
  it('refuses anything but a map of complexities to whole working days', () => {
    for (const bad of [[], 5, '', { simple: 3, urgent: 2 }, { simple: -1 }, { simple: 2.5 }]) {
      expect(configError({ parameters: { targets: bad } }).issues.map((i) => i.message)).toEqual([
        'parameter "targets" must map simple, standard and complex to whole numbers of working days',
      ]);
    }
  });
});

describe('the indicators kept', () => {
  const refsOf = (options: { only?: string[]; skip?: string[] }) =>
    prepareEvaluation(ruleset, options).rules.map((r) => r.ref);

  it('keeps an indicator named by its id, and all of them for an empty `only`', () => {
    expect(refsOf({ only: ['complaints-process-information'] })).toEqual(['2.1.2']);
    expect(refsOf({ only: [] })).toEqual(ruleset.rules.map((r) => r.ref));
  });

  it('leaves out what any `skip` selector names', () => {
    expect(refsOf({ skip: ['1', '3', 'L'] })).toEqual(['2.1.1', '2.1.2', '2.2.1', '2.2.2', '2.3.1']);
    expect(refsOf({ only: ['2'], skip: ['2.2', 'complaints-process-information'] })).toEqual([
      '2.1.1',
      '2.3.1',
    ]);
  });
});

describe('parameters of units no shipped rule uses', () => {
  const withUnits = createRuleset({
    manifest: {
      ...ruleset.manifest,
      parameters: {
        ...ruleset.manifest.parameters,
        shareResolved: { default: 50, unit: 'percent', basis: 'a test' },
        topicsCovered: { default: ['costs'], unit: 'topics', basis: 'a test' },
      },
    },
    rules: Object.fromEntries(ruleset.rules.map((r) => [`${r.ref}.json`, r])),
  });
  const problems = (parameters: Record<string, unknown>) => {
    try {
      prepareEvaluation(withUnits, { config: { parameters } as never });
      return [];
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      return e.issues.map((i) => i.message);
    }
  };

  it('takes a percentage from 0 to 100 only', () => {
    expect(problems({ shareResolved: 0 })).toEqual([]);
    expect(problems({ shareResolved: 100 })).toEqual([]);
    for (const bad of [-1, 100.5, '50'])
      expect(problems({ shareResolved: bad })).toEqual([
        'parameter "shareResolved" must be a percentage from 0 to 100',
      ]);
  });

  it('takes a list of topics only', () => {
    expect(problems({ topicsCovered: ['costs', 'delays'] })).toEqual([]);
    expect(problems({ topicsCovered: 'costs' })).toEqual([
      'parameter "topicsCovered" must be a list of topics',
    ]);
  });
});

describe('a rule that compiles only once prepared', () => {
  it('is refused as an invalid rule, named by its ref, the others not judged either', () => {
    const rules = Object.fromEntries(ruleset.rules.map((r) => [`${r.ref}.json`, structuredClone(r)]));
    const rule = rules['2.1.2.json'] as { facts: Record<string, unknown> };
    // `asOf` passes the ruleset's checks as a fact any template may read, but is the built-in one.
    rule.facts = { ...rule.facts, asOf: { template: 'occurrences', filter: { use: 'receipt' } } };
    const custom = createRuleset({ manifest: ruleset.manifest, rules });
    expect(() => prepareEvaluation(custom)).toThrow(ConfigError);
    try {
      prepareEvaluation(custom);
    } catch (e) {
      expect((e as ConfigError).issues).toEqual([
        {
          code: 'invalid_rule',
          path: ['rules', '2.1.2'],
          message: 'rule 2.1.2: fact name "asOf" is reserved',
        },
      ]);
    }
  });
});

describe('the calendar configured', () => {
  const day = (iso: string) => dayFromIsoDate(iso);
  const calendarOf = (calendar: Record<string, unknown>) =>
    prepareEvaluation(ruleset, { config: { calendar } as never }).calendar;

  it("takes each setting given, and the ruleset's or the usual default for the others", () => {
    const cal = calendarOf({ extraHolidays: [{ date: '2024-05-08' }] });
    expect(cal.isWorkingDay(day('2024-05-08'))).toBe(false);
    expect(cal.isWorkingDay(day('2024-05-09'))).toBe(true);
    expect(cal.isWorkingDay(day('2024-05-11'))).toBe(false);
    expect(cal.countReceiptDay).toBe(false);
    expect(cal.pausesStopClocks).toBe(true);
    expect(
      calendarOf({ closures: [{ from: '2024-05-08', to: '2024-05-09' }] }).isWorkingDay(day('2024-05-09')),
    ).toBe(false);
    const friSat = calendarOf({ weekend: [5, 6] });
    expect([friSat.isWorkingDay(day('2024-05-10')), friSat.isWorkingDay(day('2024-05-12'))]).toEqual([
      false,
      true,
    ]);
    expect(calendarOf({ countReceiptDay: true }).countReceiptDay).toBe(true);
    expect(calendarOf({ pausesStopClocks: false }).pausesStopClocks).toBe(false);
  });
});
