/**
 * Each filter of an explanation template as a reader of the explanation sees it (the text), and
 * the errors a rule author sees for a template that cannot be filled. The sentences of every
 * shipped rule are built from these filters.
 */
import { describe, expect, it } from 'vitest';
import { compileTemplate, renderTemplate } from '../../src/engine/render.js';

describe('filters', () => {
  it('day: a date without its year; dates: a list of dates', () => {
    expect(renderTemplate('{a|day}', { a: '2024-05-07' })).toBe('Tue 7 May');
    expect(renderTemplate('{a|day|or:no date}', {})).toBe('no date');
    expect(renderTemplate('{d|dates}', { d: ['2024-05-07', '2024-05-08'] })).toBe(
      'Tue 7 May 2024 and Wed 8 May 2024',
    );
  });

  it('list, lower and words: words as written, a value that is not a list or text passes through', () => {
    expect(renderTemplate('{l|list}', { l: ['a', 'b', 'c'] })).toBe('a, b and c');
    expect(renderTemplate('{l|list}', { l: 'a' })).toBe('a');
    expect(renderTemplate('{s|lower}', { s: 'Senior Officer' })).toBe('senior officer');
    expect(renderTemplate('{s|lower}', { s: 5 })).toBe('5');
    expect(renderTemplate('{s|words}', { s: 'achievable_outcomes' })).toBe('achievable outcomes');
    expect(renderTemplate('{s|words}', { s: 5 })).toBe('5');
  });

  it('or, if and unless keep a colon in their text', () => {
    expect(renderTemplate('{a|or:none: yet}', {})).toBe('none: yet');
    expect(renderTemplate('{a|or:none}', { a: null })).toBe('none');
    expect(renderTemplate('{a|if:yes: done}', { a: true })).toBe('yes: done');
    expect(renderTemplate('{a|unless:not: yet}', { a: 0 })).toBe('not: yet');
  });

  it('count and plural: the singular for one, the plural given or with an "s"', () => {
    expect(renderTemplate('{n|count:day}', { n: 1 })).toBe('1 day');
    expect(renderTemplate('{n|count:day}', { n: 2 })).toBe('2 days');
    expect(renderTemplate('{n|plural:reply:replies}', { n: [1, 2] })).toBe('replies');
  });

  it('wrap with only the text before, or none', () => {
    expect(renderTemplate('{a|wrap:(}', { a: 'x' })).toBe('(x');
    expect(renderTemplate('{a|wrap}', { a: 'x' })).toBe('x');
  });

  it('span and refs of nothing', () => {
    expect(renderTemplate('{r|span|or:no run}', {})).toBe('no run');
    expect(renderTemplate('[{r|refs}]', { r: [] })).toBe('[]');
  });

  it('priors of a trigger with no events before it', () => {
    expect(renderTemplate('{p|priors}', { p: [{ triggerId: 'e9', triggerDate: '2024-05-08' }] })).toBe(
      ' before e9 (Wed 8 May 2024)',
    );
  });
});

describe('the items filter, every state', () => {
  const item = { triggerId: 'e1', startDate: '2024-06-03', responseId: 'e2' };

  it('late with no count of days and no deadline', () => {
    expect(renderTemplate('{x|items}', { x: [{ ...item, state: 'late', responseDate: '2024-06-20' }] })).toBe(
      'e1 (Mon 3 Jun 2024), answered by e2 on Thu 20 Jun 2024',
    );
  });

  it('missing with a deadline the day it started names that day once', () => {
    const missing = { ...item, state: 'missing', deadline: '2024-06-03', pausedWorkingDays: 1 };
    expect(renderTemplate('{x|items}', { x: [missing] })).toBe(
      'e1 (Mon 3 Jun 2024), with nothing by its deadline that day (1 paused working day not counted)',
    );
  });

  it('met on a later day that is not a working day: the same working day', () => {
    const met = { ...item, state: 'met', startDate: '2024-06-07', responseDate: '2024-06-08', elapsed: 0 };
    expect(renderTemplate('{x|items}', { x: [met] })).toBe(
      'e1 (Fri 7 Jun 2024), answered by e2 on Sat 8 Jun 2024 (the same working day)',
    );
  });

  it('set aside names what set it aside', () => {
    expect(renderTemplate('{x|items}', { x: [{ ...item, state: 'cancelled', cancelledBy: 'w1' }] })).toBe(
      'e1 (Mon 3 Jun 2024), set aside by w1',
    );
  });
});

describe('"the same day"', () => {
  it('follows the date a placeholder named, not the text wrapped round it', () => {
    const v = { a: '2024-05-07', b: '2024-05-07' };
    expect(renderTemplate('Sent {a|date|wrap:on :}, decided on {b|date}.', v)).toBe(
      'Sent on Tue 7 May 2024, decided on the same day.',
    );
  });

  it('reads "the same day" right after "(", and nowhere but after "on" or "("', () => {
    const v = { a: '2024-05-07', b: '2024-05-07' };
    expect(renderTemplate('Sent on {a|date} ({b|date})', v)).toBe('Sent on Tue 7 May 2024 (the same day)');
    expect(renderTemplate('Sent on {a|date}, decided {b|date}', v)).toBe(
      'Sent on Tue 7 May 2024, decided Tue 7 May 2024',
    );
  });

  it('leaves a value that is not a date as it is', () => {
    expect(renderTemplate('on {a|date}, {d|dates}', { a: '2024-05-07', d: 5 })).toBe('on Tue 7 May 2024, 5');
  });
});

describe('a template that cannot be filled', () => {
  it('names the path that has no value, null included', () => {
    expect(() => renderTemplate('{a}', {})).toThrow('explanation template refers to "a", which has no value');
    expect(() => renderTemplate('{a}', { a: null })).toThrow('refers to "a", which has no value');
    expect(() => renderTemplate('{a.b}', { a: null })).toThrow('refers to "a.b", which has no value');
  });

  it('names a value that is not a date, and a span without dates', () => {
    expect(() => renderTemplate('{a|date}', { a: 5 })).toThrow('"5" is not a date');
    expect(() => renderTemplate('{r|span}', { r: {} })).toThrow('"undefined" is not a date');
    expect(() => renderTemplate('{r|span}', { r: { fromDate: '2024-05-07' } })).toThrow(
      '"undefined" is not a date',
    );
  });

  it('names an unknown filter when the template is read', () => {
    expect(() => compileTemplate('{a|nope}')).toThrow('unknown filter "nope" in the template for "a"');
  });
});
