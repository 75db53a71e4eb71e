import { describe, expect, it } from 'vitest';
import { ConfigError, loadRuleset, MappingError, parseMapping, prepareEvaluation } from '../../src/index.js';
import { nearMiss } from '../../src/model/schema-issues.js';

const base = { columns: { caseId: 'c', activity: 'a', timestamp: 't' }, activities: [] };

function mappingMessages(value: unknown): string[] {
  try {
    parseMapping(value, 'm.json');
  } catch (e) {
    if (e instanceof MappingError) return e.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw e;
  }
  throw new Error('the mapping was accepted');
}

describe('schema errors name the field and the spelling meant', () => {
  it('suggests the allowed spelling of a misspelt field, even inside a union', () => {
    expect(mappingMessages({ ...base, filters: [{ column: 'x', equal: 'y' }] })).toEqual([
      'filters.0: `filters.0` has unknown field(s) `equal` (did you mean `equals`?); allowed: column, equals, not, in, pattern, all, any',
    ]);
    expect(mappingMessages({ ...base, timestampFormat: ['iso'] })[0]).toContain(
      '`timestampFormat` (did you mean `timestampFormats`?)',
    );
  });

  it('suggests the value meant for a misspelt choice or event type', () => {
    expect(mappingMessages({ ...base, caseAttributes: { x: { name: 'y', as: 'numbr' } } })).toEqual([
      'caseAttributes.x.as: `caseAttributes.x.as` is "numbr": did you mean "number"?',
    ]);
    expect(
      mappingMessages({ ...base, activities: [{ match: 'a', type: 'complaint.recieved' }] })[0],
    ).toContain('did you mean "complaint.received"?');
  });

  it('suggests nothing for a word that is not near any', () => {
    expect(nearMiss('zebra', ['column', 'equals'])).toBeUndefined();
    expect(mappingMessages({ ...base, zebra: 1 })[0]).toMatch(/unknown field\(s\) `zebra`; allowed: /);
  });

  it('files config errors under the field that is wrong', async () => {
    const ruleset = await loadRuleset();
    const issuesOf = (config: unknown) => {
      try {
        prepareEvaluation(ruleset, { config: config as never });
      } catch (e) {
        if (e instanceof ConfigError) return e.issues.map((i) => [i.path.join('.'), i.message]);
        throw e;
      }
      throw new Error('the config was accepted');
    };
    expect(issuesOf({ calendar: { holidays: { country: 'XX' } } })).toEqual([
      ['calendar.holidays.country', 'date-holidays does not know the country "XX"'],
    ]);
    expect(issuesOf({ zone: 'Mars/Base' })[0]?.[0]).toBe('zone');
    expect(issuesOf({ calendr: {} })[0]?.[1]).toContain('`calendr` (did you mean `calendar`?)');
  });

  it('counts the holiday types the config names (Swedish eves are bank days)', async () => {
    const ruleset = await loadRuleset();
    const cal = (holidayTypes?: string[]) =>
      prepareEvaluation(ruleset, {
        config: {
          zone: 'Europe/Stockholm',
          calendar: { holidays: { country: 'SE' }, ...(holidayTypes ? { holidayTypes } : {}) },
        } as never,
      }).calendar;
    const eves = ['2012-06-22', '2012-12-24', '2012-12-31'];
    const names = (c: ReturnType<typeof cal>) =>
      c
        .holidaysInYears(2012, 2012)
        .filter((h) => eves.includes(h.date))
        .map((h) => h.name);
    expect(names(cal())).toEqual([]);
    expect(names(cal(['public', 'bank']))).toEqual(['Midsummer Eve', 'Christmas Eve', "New Year's Eve"]);
  });
});

describe('custom event types', () => {
  it('accept any text after x-, a line break included (never an error, events.md)', async () => {
    const { EventTypeSchema, CustomEventTypeSchema } = await import('../../src/model/event.js');
    expect(EventTypeSchema.safeParse('x-two\nlines').success).toBe(true);
    expect(CustomEventTypeSchema.safeParse('x-\nafter a break').success).toBe(true);
    expect(EventTypeSchema.safeParse('x-').success).toBe(false);
  });
});

describe('rule files', () => {
  it('name a misspelt field with the spelling meant', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    const { createRuleset, RulesetError } = await import('../../src/index.js');
    const dir = new URL('../../rules/spso-css-0524/', import.meta.url);
    const manifest = JSON.parse(await readFile(new URL('ruleset.json', dir), 'utf8')) as { rules: string[] };
    const rules: Record<string, unknown> = {};
    for (const f of await readdir(dir))
      if (f !== 'ruleset.json') rules[f] = JSON.parse(await readFile(new URL(f, dir), 'utf8'));
    const first = manifest.rules[0] as string;
    const { description, ...rest } = rules[first] as { description: string };
    rules[first] = { ...rest, descripton: description };
    try {
      createRuleset({ manifest: manifest as never, rules: rules as never });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(RulesetError);
      const messages = (e as InstanceType<typeof RulesetError>).issues.map((i) => i.message).join('\n');
      expect(messages).toContain('`descripton` (did you mean `description`?)');
    }
  });
});
