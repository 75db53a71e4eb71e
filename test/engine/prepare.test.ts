import { describe, expect, it } from 'vitest';
import { calendarIssuePath, withHolidayTypes } from '../../src/engine/calendar-config.js';
import { ConfigError, evaluateCase, loadRuleset, prepareEvaluation } from '../../src/index.js';
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
