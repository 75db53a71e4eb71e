import { describe, expect, it } from 'vitest';
import { formatList, renderTemplate } from '../../src/engine/render.js';

const items = (...list: Record<string, unknown>[]) => renderTemplate('{x|items}', { x: list });

describe('renderTemplate', () => {
  it('keeps spaces in filter arguments, the last one included; trims only the path and filter names', () => {
    expect(renderTemplate('[{a|or:none }]', {})).toBe('[none ]');
    expect(renderTemplate('[{ a | wrap: ( : ) }]', { a: 'x' })).toBe('[ ( x ) ]');
  });

  it('says how many paused working days were not counted, and nothing for none', () => {
    expect(renderTemplate('{n|paused|wrap: (:)}', { n: 3 })).toBe(' (3 paused working days not counted)');
    expect(renderTemplate('{n|paused|wrap:, :}', { n: 1 })).toBe(', 1 paused working day not counted');
    expect(renderTemplate('[{n|paused|wrap: (:)}]', { n: 0 })).toBe('[]');
  });
});

describe('the items filter', () => {
  const met = { triggerId: 'e1', startDate: '2024-06-03', state: 'met', responseId: 'e2' };

  it('joins items by semicolons, with "and" before the last', () => {
    const a = { ...met, responseDate: '2024-06-04', elapsed: 1 };
    expect(items(a, { ...a, triggerId: 'e3' }, { ...a, triggerId: 'e5' })).toBe(
      'e1 (Mon 3 Jun 2024), answered by e2 on Tue 4 Jun 2024 (1 working day); ' +
        'e3 (Mon 3 Jun 2024), answered by e2 on Tue 4 Jun 2024 (1 working day); ' +
        'and e5 (Mon 3 Jun 2024), answered by e2 on Tue 4 Jun 2024 (1 working day)',
    );
  });

  it('words a trigger that met the requirement itself, and paused days left out', () => {
    expect(items({ ...met, responseId: 'e1', responseDate: '2024-06-03', elapsed: 0 })).toBe(
      'e1 (Mon 3 Jun 2024), which met the requirement itself',
    );
    expect(items({ ...met, responseDate: '2024-06-13', elapsed: 4, pausedWorkingDays: 3 })).toBe(
      'e1 (Mon 3 Jun 2024), answered by e2 on Thu 13 Jun 2024 (4 working days, 3 paused working days not counted)',
    );
  });

  it("names an anchor deadline by its event and date, and a deadline's time of day", () => {
    const anchor = { deadline: '2024-07-05T16:00:00.000+01:00', deadlineId: 'k1' };
    expect(items({ triggerId: 'e1', startDate: '2024-06-03', state: 'missing', ...anchor })).toBe(
      'e1 (Mon 3 Jun 2024), with nothing by k1 (Fri 5 Jul 2024)',
    );
    expect(items({ ...met, state: 'late', responseDate: '2024-07-08', elapsed: 25, ...anchor })).toBe(
      'e1 (Mon 3 Jun 2024), answered by e2 on Mon 8 Jul 2024, 25 working days later, after k1 (Fri 5 Jul 2024)',
    );
    const timed = { deadline: '2024-07-01T12:00:00.000+01:00' };
    expect(items({ ...met, state: 'late', responseDate: '2024-07-01', elapsed: 20, ...timed })).toBe(
      'e1 (Mon 3 Jun 2024), answered by e2 on Mon 1 Jul 2024, 20 working days later, after the deadline of 12:00 on Mon 1 Jul 2024',
    );
  });

  it('does not invent a deadline for an open item without one', () => {
    expect(items({ triggerId: 'e1', startDate: '2024-06-03', state: 'open', pausedWorkingDays: 2 })).toBe(
      'e1 (Mon 3 Jun 2024), not answered yet',
    );
    expect(items({ triggerId: 'e1', startDate: '2024-06-03', state: 'open', deadline: '2024-06-10' })).toBe(
      'e1 (Mon 3 Jun 2024), due by Mon 10 Jun 2024',
    );
  });
});

describe('verbs and vocabulary in prose', () => {
  const item = {
    triggerId: 'r1',
    startDate: '2024-06-03',
    state: 'met',
    responseId: 'i1',
    responseDate: '2024-06-10',
    elapsed: 5,
  };
  it('names what met an item with the verb given', () => {
    expect(renderTemplate('{f.items|items:implemented by}', { f: { items: [item] } })).toBe(
      'r1 (Mon 3 Jun 2024), implemented by i1 on Mon 10 Jun 2024 (5 working days)',
    );
  });
  it('writes vocabulary names as words, and alternatives with "or"', () => {
    const values = {
      p: { roles: ['ombudsman', 'senior_officer'], topics: ['scope', 'achievable_outcomes'] },
    };
    expect(renderTemplate('{p.roles|words|orList}; {p.topics|words|list}', values)).toBe(
      'ombudsman or senior officer; scope and achievable outcomes',
    );
  });
});

describe('an item met on its first day', () => {
  it('says it was answered the same day, rather than "0 working days" or the date again', () => {
    const item = {
      triggerId: 'c1',
      startDate: '2024-05-28',
      state: 'met',
      responseId: 's1',
      responseDate: '2024-05-28',
      elapsed: 0,
    };
    expect(renderTemplate('{f.items|items}', { f: { items: [item] } })).toBe(
      'c1 (Tue 28 May 2024), answered by s1 the same day',
    );
  });
});

describe('formatList', () => {
  // The definition it replaced: all but the last joined, then the last.
  const joined = (items: string[], sep = ', ', last = ' and ') =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(sep)}${last}${items[items.length - 1]}`;

  it.each([[[]], [['a']], [['a', 'b']], [['a', 'b', 'c']], [['a', '', 'c', 'd']]])('%j', (items) => {
    expect(formatList(items)).toBe(joined(items));
    expect(formatList(items, '; ', '; and ')).toBe(joined(items, '; ', '; and '));
  });
});

describe('a date the sentence has just named', () => {
  it('reads "the same day" after "on" or "(", and only within its sentence', () => {
    const v = { a: '2024-05-07', b: '2024-05-07', c: '2024-05-08' };
    expect(renderTemplate('Sent on {a|date}, decided on {b|date}.', v)).toBe(
      'Sent on Tue 7 May 2024, decided on the same day.',
    );
    expect(renderTemplate('Sent on {a|date}. Decided on {b|date}.', v)).toBe(
      'Sent on Tue 7 May 2024. Decided on Tue 7 May 2024.',
    );
    // Not when another date came between: "the same day" would name the wrong one.
    expect(renderTemplate('Sent on {a|date}, read on {c|date}, decided on {b|date}.', v)).toBe(
      'Sent on Tue 7 May 2024, read on Wed 8 May 2024, decided on Tue 7 May 2024.',
    );
  });

  it('groups cited items of one date, and names a trigger on the day of its last prior "the same day"', () => {
    const refs = [
      { id: 'e1', date: '2024-05-07' },
      { id: 'e2', date: '2024-05-07' },
      { id: 'e3', date: '2024-05-08' },
    ];
    expect(renderTemplate('{r|refs}', { r: refs })).toBe(
      'e1 and e2 (Tue 7 May 2024) and e3 (Wed 8 May 2024)',
    );
    const priors = [
      {
        triggerId: 'e9',
        triggerDate: '2024-05-08',
        priorIds: ['e1', 'e3'],
        priorDates: ['2024-05-07', '2024-05-08'],
      },
    ];
    expect(renderTemplate('{p|priors}', { p: priors })).toBe(
      'e1 (Tue 7 May 2024) and e3 (Wed 8 May 2024) before e9 (the same day)',
    );
  });

  it('span: a run over several days, or one day', () => {
    expect(renderTemplate('{r|span}', { r: { fromDate: '2024-05-07', toDate: '2024-05-10' } })).toBe(
      'from Tue 7 May 2024 to Fri 10 May 2024',
    );
    expect(
      renderTemplate('{r|span}', { r: { first: { date: '2024-05-07' }, last: { date: '2024-05-07' } } }),
    ).toBe('on Tue 7 May 2024');
  });
});
