/**
 * The stageConfirmation template (docs/engine.md): the written confirmation of a stage response,
 * due by the stage clock's deadline, and the topics it must cover. May 2024 in Scotland: Wed 1,
 * Fri 3, Mon 6 (bank holiday), Fri 10; 5 working days from Wed 1 May end on Thu 9 May.
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec, Filter } from '../../src/model/rule.js';
import { type Ev, ev, measureAll, type RunOptions } from './templates.helpers.js';

const written: Filter = {
  type: 'communication.sent',
  where: { 'data.to': 'complainant', 'data.channel': { notIn: ['phone', 'in_person'] } },
};
const REQUIRED = ['decision', 'escalation_rights'];
const clock: FactSpec = { template: 'stageClock', stage: 'stage_1', within: 5 };
const letterSpec = (extra: Partial<Extract<FactSpec, { template: 'stageConfirmation' }>> = {}): FactSpec => ({
  template: 'stageConfirmation',
  stage: 'stage_1',
  deadlineFrom: 'clock',
  written,
  required: REQUIRED,
  remedy: { topics: ['remedy'], outcomes: ['upheld'] },
  outstanding: { topics: ['outstanding_actions'] },
  ...extra,
});
const confirm = (events: Ev[], o: RunOptions, extra = {}) =>
  measureAll({ clock, letter: letterSpec(extra) }, events, o).letter as Record<string, unknown>;

const rcv = ev('rcv', 'complaint.received', '2024-05-01T10:00');
const phone = (id: string, at: string, covers = ['decision']) =>
  ev(id, 'communication.sent', at, { to: 'complainant', channel: 'phone', covers });
const letter = (id: string, at: string, covers: string[]) =>
  ev(id, 'communication.sent', at, { to: 'complainant', channel: 'letter', covers });
const closed = (at: string) => ev('cl', 'case.closed', at);

describe('stageConfirmation: a response by phone with no letter yet', () => {
  const events = [rcv, phone('call', '2024-05-03T11:00')];

  it('is pending up to and on the due date, with the end of that day as dueAt', () => {
    for (const asOf of ['2024-05-08T12:00', '2024-05-09T17:00']) {
      expect(confirm(events, { asOf })).toEqual({
        deadline: '2024-05-09',
        dueAt: '2024-05-09T23:59:59.999+01:00',
        eventIds: ['call'],
        exists: true,
        leftEarly: false,
        missing: [],
        missingCount: 0,
        oral: true,
        required: REQUIRED,
        responseDate: '2024-05-03',
        responseId: 'call',
        state: 'open',
      });
    }
  });

  it('is missing the day after the due date, with no dueAt', () => {
    const f = confirm(events, { asOf: '2024-05-10T09:00' });
    expect(f).toMatchObject({ state: 'missing', oral: true, deadline: '2024-05-09', leftEarly: false });
    expect(f.dueAt).toBeUndefined();
  });

  it('is missing at once when the stage was closed without a letter, even before the due date', () => {
    const f = confirm([...events, closed('2024-05-07T10:00')], { asOf: '2024-05-08T12:00' });
    expect(f).toMatchObject({
      state: 'missing',
      deadline: '2024-05-09',
      leftEarly: true,
      leftDate: '2024-05-07',
    });
    expect(f.dueAt).toBeUndefined();
  });

  it('is missing at once when stage 2 started without a letter', () => {
    const toStage2 = ev('s2', 'case.stage_changed', '2024-05-07T10:00', { stage: 'stage_2' });
    expect(confirm([...events, toStage2], { asOf: '2024-05-08T12:00' })).toMatchObject({
      state: 'missing',
      leftEarly: true,
      leftDate: '2024-05-07',
    });
  });

  it('does not count a letter sent after the stage was closed', () => {
    const late = [...events, closed('2024-05-07T10:00'), letter('l1', '2024-05-08T10:00', REQUIRED)];
    expect(confirm(late, { asOf: '2024-05-08T12:00' }).state).toBe('missing');
  });

  it('counts a letter at the closure instant', () => {
    const same = [...events, closed('2024-05-07T10:00'), letter('l1', '2024-05-07T10:00', REQUIRED)];
    expect(confirm(same, { asOf: '2024-05-08T12:00' })).toMatchObject({
      state: 'met',
      confirmationId: 'l1',
    });
  });
});

describe('stageConfirmation: a letter', () => {
  it('is met by a written response itself, with its same-day enclosures', () => {
    const events = [
      rcv,
      letter('resp', '2024-05-03T11:00', ['decision']),
      letter('encl', '2024-05-03T11:05', ['escalation_rights']),
      letter('next', '2024-05-07T10:00', ['remedy']),
    ];
    expect(confirm(events, { asOf: '2024-05-20T12:00' })).toEqual({
      confirmationDate: '2024-05-03',
      confirmationId: 'resp',
      confirmationParts: ['resp', 'encl'],
      deadline: '2024-05-09',
      eventIds: ['resp', 'encl'],
      exists: true,
      missing: [],
      missingCount: 0,
      oral: false,
      required: REQUIRED,
      responseDate: '2024-05-03',
      responseId: 'resp',
      state: 'met',
    });
  });

  it('lists the topics the letter and its same-day parts left out', () => {
    const events = [rcv, phone('call', '2024-05-03T11:00'), letter('l1', '2024-05-08T10:00', ['decision'])];
    expect(confirm(events, { asOf: '2024-05-20T12:00' })).toMatchObject({
      state: 'met',
      oral: true,
      confirmationParts: ['l1'],
      eventIds: ['call', 'l1'],
      missing: ['escalation_rights'],
      missingCount: 1,
    });
  });

  it('needs a letter covering the decision: one without it is not the confirmation', () => {
    const events = [
      rcv,
      phone('call', '2024-05-03T11:00'),
      letter('other', '2024-05-07T10:00', ['escalation_rights']),
      letter('l1', '2024-05-08T10:00', ['decision']),
    ];
    expect(confirm(events, { asOf: '2024-05-20T12:00' })).toMatchObject({
      confirmationId: 'l1',
      confirmationParts: ['l1'],
    });
  });

  it('is met on the due date and late the day after', () => {
    const on = [rcv, phone('call', '2024-05-03T11:00'), letter('l1', '2024-05-09T16:00', REQUIRED)];
    expect(confirm(on, { asOf: '2024-05-20T12:00' }).state).toBe('met');
    const after = [rcv, phone('call', '2024-05-03T11:00'), letter('l1', '2024-05-10T09:00', REQUIRED)];
    expect(confirm(after, { asOf: '2024-05-20T12:00' })).toMatchObject({
      state: 'late',
      confirmationDate: '2024-05-10',
      deadline: '2024-05-09',
    });
  });

  it('is due by the end of a late response day, not the passed deadline', () => {
    const events = [rcv, phone('call', '2024-05-13T11:00')];
    expect(confirm(events, { asOf: '2024-05-13T12:00' })).toMatchObject({
      state: 'open',
      deadline: '2024-05-13',
      dueAt: '2024-05-13T23:59:59.999+01:00',
    });
    const letterSameDay = [...events, letter('l1', '2024-05-13T15:00', REQUIRED)];
    expect(confirm(letterSameDay, { asOf: '2024-05-20T12:00' }).state).toBe('met');
  });
});

describe('stageConfirmation: no stage response', () => {
  it('is open, then missing, while the stage is open', () => {
    expect(confirm([rcv], { asOf: '2024-05-09T12:00' })).toEqual({
      deadline: '2024-05-09',
      dueAt: '2024-05-09T23:59:59.999+01:00',
      eventIds: [],
      exists: true,
      missing: [],
      missingCount: 0,
      state: 'open',
    });
    const f = confirm([rcv], { asOf: '2024-05-10T12:00' });
    expect(f).toMatchObject({ state: 'missing', deadline: '2024-05-09' });
    expect(f.dueAt).toBeUndefined();
  });

  it('is noResponse when the stage ended without one', () => {
    expect(confirm([rcv, closed('2024-05-07T10:00')], { asOf: '2024-05-08T12:00' })).toEqual({
      eventIds: [],
      exists: true,
      state: 'noResponse',
    });
  });

  it('does not exist without the stage, or without the clock fact', () => {
    const received2 = ev('rcv', 'complaint.received', '2024-05-01T10:00', { stage: 'stage_2' });
    expect(confirm([received2], { asOf: '2024-05-08T12:00' })).toEqual({ eventIds: [], exists: false });
    const alone = measureAll({ letter: letterSpec() }, [rcv], { asOf: '2024-05-08T12:00' });
    expect(alone.letter).toEqual({ eventIds: [], exists: false });
  });
});

describe('stageConfirmation: the topics required', () => {
  const call = phone('call', '2024-05-03T11:00');
  const required = (events: Ev[], extra = {}) =>
    confirm(events, { asOf: '2024-05-04T12:00' }, extra).required as string[];

  it('adds the remedy for an outcome that calls for one', () => {
    const upheld = ev('d', 'decision.issued', '2024-05-03T10:00', {
      decisionMakerRole: 'manager',
      outcome: 'upheld',
    });
    const notUpheld = ev('d', 'decision.issued', '2024-05-03T10:00', {
      decisionMakerRole: 'manager',
      outcome: 'not_upheld',
    });
    expect(required([rcv, upheld, call])).toEqual([...REQUIRED, 'remedy']);
    expect(required([rcv, notUpheld, call])).toEqual(REQUIRED);
    expect(required([rcv, call])).toEqual(REQUIRED);
  });

  it('adds the remedy and outstanding actions for a remedy recommended in the stage and not implemented', () => {
    const rec = ev('rr', 'remedy.recommended', '2024-05-02T10:00', { remedyId: 'R1', kind: 'apology' });
    expect(required([rcv, rec, call])).toEqual([...REQUIRED, 'remedy', 'outstanding_actions']);
    const done = ev('ri', 'remedy.implemented', '2024-05-03T09:00', { remedyId: 'R1' });
    expect(required([rcv, rec, done, call])).toEqual([...REQUIRED, 'remedy']);
    const other = ev('ri', 'remedy.implemented', '2024-05-03T09:00', { remedyId: 'R2' });
    expect(required([rcv, rec, other, call])).toEqual([...REQUIRED, 'remedy', 'outstanding_actions']);
  });

  it('counts only remedies recommended by the response, and no remedy topic twice', () => {
    const after = ev('rr', 'remedy.recommended', '2024-05-03T12:00', { remedyId: 'R1', kind: 'apology' });
    expect(required([rcv, call, after])).toEqual(REQUIRED);
    const rec = ev('rr', 'remedy.recommended', '2024-05-02T10:00', { remedyId: 'R1', kind: 'apology' });
    expect(required([rcv, rec, call], { required: ['decision', 'remedy'] })).toEqual([
      'decision',
      'remedy',
      'outstanding_actions',
    ]);
  });

  it('adds outstanding actions, not the remedy, for a remedy recommended before the stage', () => {
    const rec = ev('rr', 'remedy.recommended', '2024-04-30T10:00', { remedyId: 'R1', kind: 'apology' });
    expect(required([rec, rcv, call])).toEqual([...REQUIRED, 'outstanding_actions']);
  });

  it('adds nothing without remedy or outstanding declared', () => {
    const rec = ev('rr', 'remedy.recommended', '2024-05-02T10:00', { remedyId: 'R1', kind: 'apology' });
    const upheld = ev('d', 'decision.issued', '2024-05-03T10:00', {
      decisionMakerRole: 'manager',
      outcome: 'upheld',
    });
    const events = [rcv, rec, upheld, call];
    expect(required(events, { remedy: undefined, outstanding: undefined })).toEqual(REQUIRED);
  });

  it('reads the base list from a parameter, and refuses one that is not a list of topics', () => {
    const o = { asOf: '2024-05-04T12:00', params: { topics: ['decision', 'decision_reasons'] } };
    const f = measureAll({ clock, letter: letterSpec({ required: { param: 'topics' } }) }, [rcv, call], o);
    expect(f.letter?.required).toEqual(['decision', 'decision_reasons']);
    for (const bad of [3, [1, 2], ['decision', 3]]) {
      const run = () =>
        measureAll({ clock, letter: letterSpec({ required: { param: 'topics' } }) }, [rcv, call], {
          asOf: '2024-05-04T12:00',
          params: { topics: bad as never },
        });
      expect(run).toThrow('parameter "topics" must be a list of topics');
    }
  });
});

describe('stageConfirmation: stage 2', () => {
  it('confirms the stage 2 response against the stage 2 clock', () => {
    const events = [
      rcv,
      letter('r1', '2024-05-03T11:00', ['decision']),
      ev('esc', 'case.stage_changed', '2024-05-07T10:00', { stage: 'stage_2' }),
      phone('call2', '2024-05-09T11:00'),
      letter('l2', '2024-05-10T10:00', ['decision', 'escalation_rights']),
    ];
    const f = measureAll(
      {
        clock: { template: 'stageClock', stage: 'stage_2', within: 5 },
        letter: letterSpec({ stage: 'stage_2' }),
      },
      events,
      { asOf: '2024-05-20T12:00' },
    ).letter;
    expect(f).toMatchObject({
      responseId: 'call2',
      confirmationId: 'l2',
      confirmationParts: ['l2'],
      deadline: '2024-05-14',
      state: 'met',
      missing: [],
    });
  });
});

describe('stageConfirmation: where the stage was left', () => {
  const call = phone('call', '2024-05-03T11:00');

  it('counts a stage change to closed as leaving the stage', () => {
    const toClosed = ev('sc', 'case.stage_changed', '2024-05-07T10:00', { stage: 'closed' });
    const events = [rcv, call, toClosed, letter('l1', '2024-05-08T10:00', REQUIRED)];
    expect(confirm(events, { asOf: '2024-05-08T12:00' }).state).toBe('missing');
  });

  it('does not count a letter after a closure, even with a stage 2 start after it', () => {
    const events = [
      rcv,
      call,
      closed('2024-05-07T10:00'),
      letter('l1', '2024-05-07T12:00', REQUIRED),
      ev('s2', 'case.stage_changed', '2024-05-08T10:00', { stage: 'stage_2' }),
    ];
    expect(confirm(events, { asOf: '2024-05-08T12:00' }).state).toBe('missing');
  });

  it('takes as parts only the written events of the letter date while the stage was current', () => {
    const events = [
      rcv,
      call,
      letter('l1', '2024-05-07T09:00', ['decision']),
      ev('leaflet', 'communication.sent', '2024-05-07T09:05', { to: 'complainant', channel: 'letter' }),
      closed('2024-05-07T10:00'),
      letter('after', '2024-05-07T12:00', ['escalation_rights']),
    ];
    expect(confirm(events, { asOf: '2024-05-08T12:00' })).toMatchObject({
      state: 'met',
      confirmationParts: ['l1', 'leaflet'],
      missing: ['escalation_rights'],
    });
  });

  it('leaves out of a stage 2 confirmation the stage 1 letters of the same date', () => {
    const events = [
      rcv,
      letter('r1', '2024-05-03T09:00', ['decision', 'escalation_rights']),
      ev('s2', 'case.stage_changed', '2024-05-03T10:00', { stage: 'stage_2' }),
      phone('call2', '2024-05-09T11:00'),
      letter('l2', '2024-05-09T12:00', ['decision']),
      letter('pre', '2024-05-09T12:05', []),
    ];
    const stage2 = (early: typeof events) =>
      measureAll(
        {
          clock: { template: 'stageClock', stage: 'stage_2', within: 5 },
          letter: letterSpec({ stage: 'stage_2' }),
        },
        early,
        { asOf: '2024-05-20T12:00' },
      ).letter;
    expect(stage2(events)).toMatchObject({
      confirmationParts: ['l2', 'pre'],
      missing: ['escalation_rights'],
    });
    // The same with the stage 2 response on the day stage 2 started: r1 still does not count.
    const sameDay = [
      rcv,
      letter('r1', '2024-05-03T09:00', ['decision', 'escalation_rights']),
      ev('s2', 'case.stage_changed', '2024-05-03T10:00', { stage: 'stage_2' }),
      letter('l2', '2024-05-03T12:00', ['decision']),
    ];
    expect(stage2(sameDay)).toMatchObject({ confirmationParts: ['l2'], missing: ['escalation_rights'] });
  });

  it('does not exist when its clock is of a stage the case does not have', () => {
    const f = measureAll(
      { clock: { template: 'stageClock', stage: 'stage_2', within: 5 }, letter: letterSpec() },
      [rcv, call],
      { asOf: '2024-05-08T12:00' },
    );
    expect(f.letter).toEqual({ eventIds: [], exists: false });
  });

  it('still requires outstanding actions for a remedy only followed up, not implemented', () => {
    const rec = ev('rr', 'remedy.recommended', '2024-04-30T10:00', { remedyId: 'R1', kind: 'apology' });
    const followed = ev('rf', 'remedy.followed_up', '2024-05-02T10:00', { remedyId: 'R1' });
    expect(confirm([rec, rcv, followed, call], { asOf: '2024-05-04T12:00' }).required).toEqual([
      ...REQUIRED,
      'outstanding_actions',
    ]);
  });
});
