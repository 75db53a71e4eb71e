/**
 * The responses template's links between events (docs/engine.md): a reply naming its trigger,
 * trigger bounds, a withdrawal with no deadline, classes, and chains from another fact.
 * May 2024 in Scotland: Wed 1, Mon 6 (bank holiday), Tue 7 (3 working days after Wed 1).
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec } from '../../src/model/rule.js';
import {
  contactFrom as c,
  ev,
  itemsOf,
  measure,
  measureAll,
  replyTo as r,
  replies,
  reply,
} from './templates.helpers.js';

const opts = { asOf: '2024-05-20T12:00' };
const answers = (f: ReturnType<typeof measure>) => itemsOf(f).map((i) => [i.triggerId, i.responseId]);

describe('responses: a reply naming its trigger (replyField)', () => {
  const events = [
    c('c1', '2024-05-01T10:00'),
    c('c2', '2024-05-01T11:00'),
    r('r0', '2024-05-01T12:00', { inReplyTo: 'c2' }),
    r('r1', '2024-05-02T10:00', { inReplyTo: 'c1' }),
  ];

  it('answers each trigger by the reply naming it before any other', () => {
    expect(answers(measure(replies({ replyField: 'data.inReplyTo' }), events, opts))).toEqual([
      ['c1', 'r1'],
      ['c2', 'r0'],
    ]);
  });

  it('without it, by the first reply after the trigger', () => {
    expect(answers(measure(replies(), events, opts))).toEqual([
      ['c1', 'r0'],
      ['c2', 'r0'],
    ]);
  });

  it('falls back to the first reply when none names the trigger', () => {
    const unnamed = [c('c1', '2024-05-01T10:00'), r('r0', '2024-05-01T12:00'), r('r1', '2024-05-02T10:00')];
    expect(answers(measure(replies({ replyField: 'data.inReplyTo' }), unnamed, opts))).toEqual([
      ['c1', 'r0'],
    ]);
  });
});

describe('responses: trigger bounds', () => {
  const decision = (at: string) =>
    ev('dec', 'decision.issued', at, { decisionMakerRole: 'manager', outcome: 'upheld' });

  it('takes triggers strictly before triggerBefore and strictly after triggerAfter', () => {
    const events = [
      c('c1', '2024-05-01T10:00'),
      decision('2024-05-02T10:00'),
      c('c2', '2024-05-02T10:00'),
      c('c3', '2024-05-03T10:00'),
    ];
    expect(
      itemsOf(measure(replies({ triggerBefore: 'firstDecision' }), events, opts)).map((i) => i.triggerId),
    ).toEqual(['c1']);
    expect(
      itemsOf(measure(replies({ triggerAfter: 'firstDecision' }), events, opts)).map((i) => i.triggerId),
    ).toEqual(['c3']);
  });

  it('has no trigger after an anchor the case lacks', () => {
    const f = measure(replies({ triggerAfter: 'firstDecision' }), [c('c1', '2024-05-01T10:00')], opts);
    expect(f).toMatchObject({ total: 0, open: 0, missing: 0, eventIds: [] });
  });
});

describe('responses: withdrawn with no deadline', () => {
  it('sets aside a trigger withdrawn at any time before an answer', () => {
    const spec: FactSpec = {
      template: 'responses',
      trigger: { type: 'needs.requested' },
      response: { type: 'needs.met' },
      cancelledBy: { type: 'x-need.withdrawn' },
    };
    const q = ev('q', 'needs.requested', '2024-05-01T10:00', { need: 'braille' });
    const f = measure(spec, [q, ev('w', 'x-need.withdrawn', '2024-05-17T10:00')], opts);
    expect(f).toMatchObject({ cancelled: 1, judged: 0, open: 0 });
    expect(measure(spec, [q], opts)).toMatchObject({ cancelled: 0, open: 1 });
  });
});

describe('responses: classes', () => {
  it('lists the items of each class, and none for a class no answer is in', () => {
    const spec = replies({
      classify: {
        email: { where: { 'data.channel': 'email' } },
        phone: { where: { 'data.channel': 'phone' } },
      },
    });
    const f = measure(
      spec,
      [
        c('c1', '2024-05-01T10:00'),
        r('r1', '2024-05-02T10:00', { channel: 'email' }),
        c('c2', '2024-05-03T10:00'),
        r('r2', '2024-05-07T10:00', { channel: 'letter' }),
      ],
      opts,
    );
    expect(f.classes).toEqual({ email: 1, phone: 0 });
    const classified = f.classified as Record<string, { triggerId: string }[]>;
    expect(classified.email?.map((i) => i.triggerId)).toEqual(['c1']);
    expect(classified.phone).toEqual([]);
    expect(itemsOf(f)[1]).not.toHaveProperty('classes');
  });
});

describe('responses: chained from another fact', () => {
  const followUp = (at: 'deadline' | 'response', states: ('met' | 'open' | 'missing')[]): FactSpec => ({
    template: 'responses',
    trigger: { fromFact: 'first', states, at },
    response: reply,
    within: { workingDays: 5 },
  });

  it('takes only the items in the listed states', () => {
    const events = [c('c1', '2024-05-01T10:00'), r('r1', '2024-05-02T10:00'), c('c2', '2024-05-03T10:00')];
    const f = measureAll({ first: replies(), next: followUp('response', ['met']) }, events, opts);
    expect(itemsOf(f.next).map((i) => i.triggerId)).toEqual(['c1']);
  });

  it('has no chained trigger from a deadline an item lacks, or a response it lacks', () => {
    const noDeadline = replies({ within: undefined });
    const events = [c('c1', '2024-05-01T10:00')];
    const f = measureAll({ first: noDeadline, next: followUp('deadline', ['open']) }, events, opts);
    expect(f.next).toMatchObject({ total: 0 });
    const g = measureAll({ first: replies(), next: followUp('response', ['missing']) }, events, opts);
    expect(g.next).toMatchObject({ total: 0 });
  });

  it('refuses a chain to a fact not declared before it', () => {
    expect(() =>
      measureAll({ next: followUp('response', ['met']) }, [c('c1', '2024-05-01T10:00')], opts),
    ).toThrow('fact "first" must be declared before the facts chained to it');
  });
});
