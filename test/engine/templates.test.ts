/**
 * The fact templates other than responses (templates-responses.test.ts), measured directly against
 * values worked out by hand from the Scottish calendar (docs/engine.md, "Fact templates").
 * May 2024: Wed 1, Fri 3, Mon 6 (bank holiday), Fri 10, Fri 17, Fri 24, Mon 27 (bank holiday),
 * Fri 31; June: Mon 3. December 2024: Mon 2 (St Andrew's Day substitute), Wed 25, Thu 26;
 * January 2025: Wed 1, Thu 2.
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec, Filter } from '../../src/model/rule.js';
import {
  complexityTargets,
  ev,
  evidenceKeys,
  itemsOf,
  measure,
  measureAll,
  timeliness,
} from './templates.helpers.js';

const sentTo: Filter = { type: 'communication.sent', where: { 'data.to': 'complainant' } };
const rcv = (at = '2024-05-01T10:00', data?: Record<string, unknown>) =>
  ev('rcv', 'complaint.received', at, data);
const sent = (id: string, at: string, data: Record<string, unknown> = {}) =>
  ev(id, 'communication.sent', at, { to: 'complainant', ...data });
const closed = (at: string) => ev('cl', 'case.closed', at);
const decision = (id: string, at: string, data: Record<string, unknown> = {}) =>
  ev(id, 'decision.issued', at, { decisionMakerRole: 'manager', outcome: 'upheld', ...data });

describe('occurrences', () => {
  const events = [
    rcv(),
    sent('s1', '2024-05-03T10:00'),
    sent('s2', '2024-05-10T09:30'),
    closed('2024-05-21T10:00'),
    sent('s3', '2024-05-21T10:00'), // the closure's instant
    sent('s4', '2024-05-22T10:00'),
  ];
  const opts = { asOf: '2024-06-01T12:00' };
  const occ = (bounds: object, filter: Filter = sentTo): FactSpec => ({
    template: 'occurrences',
    filter,
    ...bounds,
  });

  it('counts, with first and last, inside anchor bounds', () => {
    expect(measure(occ({ before: 'closure' }), events, opts)).toEqual({
      count: 2,
      exists: true,
      first: { id: 's1', at: '2024-05-03T10:00:00.000+01:00', date: '2024-05-03' },
      last: { id: 's2', at: '2024-05-10T09:30:00.000+01:00', date: '2024-05-10' },
      ids: ['s1', 's2'],
      eventIds: ['s1', 's2'],
    });
    expect(measure(occ({ onOrBefore: 'closure' }), events, opts).ids).toEqual(['s1', 's2', 's3']);
    expect(measure(occ({ after: 'closure' }), events, opts).ids).toEqual(['s4']);
  });

  it('imposes no bound for a missing anchor, and has no first/last without a match', () => {
    expect(measure(occ({ before: 'firstDecision' }), events, opts).count).toBe(4);
    const none = measure(occ({}, { type: 'decision.issued' }), events, opts);
    expect(none).toMatchObject({ count: 0, exists: false, ids: [], eventIds: [] });
    expect(none.first).toBeUndefined();
    expect(none.last).toBeUndefined();
  });
});

describe('longestGap', () => {
  const gap = (extra: Partial<Extract<FactSpec, { template: 'longestGap' }>> = {}): FactSpec => ({
    template: 'longestGap',
    from: 'receipt',
    until: 'end',
    marks: sentTo,
    interval: 10,
    ...extra,
  });

  it('measures each run between receipt, marks and closure', () => {
    // 1 May → Fri 10 May: 6; → Fri 31 May: 14 (Mon 27 a holiday); → Fri 7 Jun: 5.
    const f = measure(
      gap(),
      [
        rcv(),
        sent('m0', '2024-05-01T10:00'), // at the receipt's instant: not strictly after it
        sent('m1', '2024-05-10T10:00'),
        sent('m2', '2024-05-31T10:00'),
        closed('2024-06-07T10:00'),
        sent('m3', '2024-06-10T10:00'),
      ],
      { asOf: '2024-06-30T12:00' },
    );
    expect(f).toMatchObject({ measured: true, runs: 3, marks: 2, exceeded: 1, open: false });
    expect(f.longest).toEqual({
      days: 14,
      pausedWorkingDays: 0,
      fromId: 'm1',
      fromDate: '2024-05-10',
      toId: 'm2',
      toDate: '2024-05-31',
    });
    expect((f.exceededRuns as { fromId: string }[]).map((x) => x.fromId)).toEqual(['m1']);
    expect(f.dueAt).toBeUndefined();
    expect(f.eventIds).toEqual(['rcv', 'm1', 'm2', 'cl']);
  });

  it('gives an open case the dueAt of its current run (across Christmas)', () => {
    // Received Mon 2 Dec 2024 (a holiday): day 0 Tue 3 Dec; → Wed 11 Dec: 6; → Mon 23 Dec: 8;
    // → Tue 7 Jan 2025: Tue 24, Fri 27, Mon 30, Tue 31, Fri 3, Mon 6, Tue 7 = 7; dueAt: 7 Jan.
    const f = measure(
      gap({ interval: 7 }),
      [rcv('2024-12-02T10:00'), sent('m1', '2024-12-11T10:00'), sent('m2', '2024-12-23T10:00')],
      { asOf: '2025-01-07T12:00' },
    );
    expect(f).toMatchObject({ open: true, runs: 3, exceeded: 1, dueAt: '2025-01-07T23:59:59.999+00:00' });
    expect(f.longest).toMatchObject({ days: 8, fromId: 'm1', toId: 'm2' });
    expect((f.exceededRuns as object[])[0]).toMatchObject({ fromId: 'm1' });
  });

  it('leaves paused working days out of a run', () => {
    // Paused Mon 13 May 09:00, resumed Mon 20 May 09:00: 14-17 May paused (4 working days).
    // Thu 9 May → Fri 24 May: 11 working days less 4 = 7, within an interval of 8.
    const f = measure(
      gap({ interval: 8 }),
      [
        rcv(),
        sent('m1', '2024-05-09T10:00'),
        ev('p', 'case.paused', '2024-05-13T09:00'),
        ev('u', 'case.resumed', '2024-05-20T09:00'),
        closed('2024-05-24T10:00'),
      ],
      { asOf: '2024-06-30T12:00' },
    );
    expect(f).toMatchObject({ runs: 2, exceeded: 0 });
    expect(f.longest).toEqual({
      days: 7,
      pausedWorkingDays: 4,
      fromId: 'm1',
      fromDate: '2024-05-09',
      toId: 'cl',
      toDate: '2024-05-24',
    });
    expect(f.eventIds).toEqual(['rcv', 'm1', 'p', 'u', 'cl']);
  });

  it('is not measured when an anchor is missing', () => {
    const f = measure(gap({ from: 'firstDecision' }), [rcv()], { asOf: '2024-06-30T12:00' });
    expect(f).toMatchObject({ measured: false, runs: 0 });
  });
});

describe('timeliness', () => {
  const spec = timeliness;
  const params = complexityTargets;
  const assessed = (at: string, complexity: string) =>
    ev('a1', 'case.complexity_assessed', at, { complexity });
  const extended = (at: string, revisedTargetAt: string) =>
    ev('x1', 'case.extension_notified', at, { revisedTargetAt });

  it('assumes standard complexity: 20 working days from Wed 1 May is Fri 31 May', () => {
    const f = measure(spec, [rcv(), closed('2024-05-30T16:00')], { asOf: '2024-06-30T12:00', params });
    expect(f).toMatchObject({
      complexity: 'standard',
      complexityAssumed: true,
      target: 20,
      receiptDate: '2024-05-01',
      deadline: '2024-05-31',
      deadlineSource: 'target',
      endId: 'cl',
      endDate: '2024-05-30',
      elapsed: 19,
      pausedWorkingDays: 0,
      state: 'met',
      extensionIds: [],
      lateExtensions: [],
      eventIds: ['rcv', 'cl'],
    });
    expect(f.complexitySource).toBeUndefined();
    expect(f.dueAt).toBeUndefined();
  });

  it('recomputes the deadline for a complexity reassessed before it', () => {
    // Simple on receipt: Thu 9 May. Complex on 9 May itself: 40 working days, Fri 28 Jun.
    const f = measure(
      spec,
      [rcv(undefined, { complexity: 'simple' }), assessed('2024-05-09T16:00', 'complex')],
      {
        asOf: '2024-06-03T12:00',
        params,
      },
    );
    expect(f).toMatchObject({
      complexity: 'complex',
      complexityAssumed: false,
      complexitySource: 'a1',
      target: 40,
      deadline: '2024-06-28',
      state: 'open',
      dueAt: '2024-06-28T23:59:59.999+01:00',
      endDate: '2024-06-03',
      elapsed: 21,
      eventIds: ['rcv', 'a1'],
    });
    expect(f.endId).toBeUndefined();
  });

  it('ignores a reassessment after the deadline has passed', () => {
    const f = measure(
      spec,
      [rcv(undefined, { complexity: 'simple' }), assessed('2024-05-10T09:00', 'complex')],
      {
        asOf: '2024-05-13T12:00',
        params,
      },
    );
    expect(f).toMatchObject({
      complexity: 'simple',
      complexitySource: 'complaint.received',
      target: 5,
      deadline: '2024-05-09',
      state: 'overdue',
      elapsed: 7,
    });
    expect(f.dueAt).toBeUndefined();
  });

  it('takes an extension notified on the deadline day, not one notified after it', () => {
    const attributes = { complexity: 'standard' };
    const opts = { asOf: '2024-06-30T12:00', params, attributes };
    // Closed Thu 13 Jun: 20 working days to 31 May, then 3-7 and 10-13 Jun = 29.
    const inTime = measure(
      spec,
      [rcv(), extended('2024-05-31T16:00', '2024-06-14'), closed('2024-06-13T10:00')],
      opts,
    );
    expect(inTime).toMatchObject({
      complexitySource: 'case attribute',
      complexityAssumed: false,
      deadline: '2024-06-14',
      deadlineSource: 'extension',
      extensionIds: ['x1'],
      lateExtensions: [],
      elapsed: 29,
      state: 'met',
      eventIds: ['rcv', 'x1', 'cl'],
    });
    const late = measure(
      spec,
      [rcv(), extended('2024-06-03T10:00', '2024-06-14'), closed('2024-06-13T10:00')],
      opts,
    );
    expect(late).toMatchObject({
      deadline: '2024-05-31',
      deadlineSource: 'target',
      extensionIds: [],
      lateExtensions: [{ id: 'x1', at: '2024-06-03T10:00:00.000+01:00', date: '2024-06-03' }],
      state: 'late',
      eventIds: ['rcv', 'x1', 'cl'],
    });
  });
});

describe('coverage', () => {
  const spec = (bounds: object = {}): FactSpec => ({
    template: 'coverage',
    filter: sentTo,
    field: 'data.covers',
    required: ['acknowledgement', 'investigation_process', 'contact_details'],
    ...bounds,
  });
  const events = [
    rcv(),
    sent('s1', '2024-05-01T15:00', { covers: ['acknowledgement'] }),
    sent('s2', '2024-05-03T10:00', { covers: ['investigation_process', 'acknowledgement'] }),
    sent('s3', '2024-05-07T10:00', { covers: ['acknowledgement'] }), // adds nothing
    ev('s4', 'communication.sent', '2024-05-08T10:00', { to: 'body', covers: ['contact_details'] }),
    closed('2024-05-21T10:00'),
    sent('s5', '2024-05-22T10:00', { covers: ['contact_details'] }),
  ];
  const opts = { asOf: '2024-06-30T12:00' };

  it('collects topics over several events, citing those that first covered one', () => {
    expect(measure(spec({ before: 'closure' }), events, opts)).toEqual({
      required: ['acknowledgement', 'investigation_process', 'contact_details'],
      covered: ['acknowledgement', 'investigation_process'],
      missing: ['contact_details'],
      missingCount: 1,
      complete: false,
      eventIds: ['s1', 's2'],
    });
    expect(measure(spec(), events, opts)).toMatchObject({
      complete: true,
      missingCount: 0,
      eventIds: ['s1', 's2', 's5'],
    });
  });
});

describe('precedence', () => {
  const opts = { asOf: '2024-06-30T12:00' };

  it('joins prior and trigger fields, only when present with joinWhenPresent', () => {
    const check = (id: string, at: string, personId: string) =>
      ev(id, 'conflict_of_interest.checked', at, { personId, conflict: false });
    const events = [
      check('k1', '2024-05-01T10:00', 'p1'),
      check('k2', '2024-05-02T10:00', 'p2'),
      decision('d1', '2024-05-10T10:00', { decisionMakerId: 'p1' }),
      decision('d2', '2024-05-13T10:00', { decisionMakerId: 'p3' }),
      decision('d3', '2024-05-14T10:00'), // no decision maker named
      check('k3', '2024-05-15T10:00', 'p3'), // after d2
    ];
    const spec: FactSpec = {
      template: 'precedence',
      trigger: { type: 'decision.issued' },
      prior: { type: 'conflict_of_interest.checked' },
      join: { 'data.personId': 'data.decisionMakerId' },
    };
    const strict = measure(spec, events, opts);
    expect(strict).toMatchObject({
      triggers: 3,
      withPrior: 1,
      withoutPrior: 2,
      withoutPriorIds: ['d2', 'd3'],
    });
    const lenient = measure({ ...spec, joinWhenPresent: true }, events, opts);
    expect(lenient).toMatchObject({
      withPrior: 2,
      priorIds: ['k1', 'k1', 'k2'],
      withoutPriorIds: ['d2'],
      eventIds: ['k1', 'k2', 'd1', 'd2', 'd3'],
    });
    expect(itemsOf(lenient).map((i) => i.priorIds)).toEqual([['k1'], [], ['k1', 'k2']]);
  });

  it('counts only priors fewer than N working days before (closerThan), same instant if inclusive', () => {
    // Decision Fri 10 May: advice Wed 1 May is 6 working days before, Fri 3 May 4.
    const advice = (id: string, at: string) => ev(id, 'advice.received', at, { independent: true });
    const events = [
      advice('a1', '2024-05-01T10:00'),
      advice('a2', '2024-05-03T10:00'),
      advice('a3', '2024-05-10T10:00'),
      decision('d', '2024-05-10T10:00'),
    ];
    const spec: FactSpec = {
      template: 'precedence',
      trigger: { type: 'decision.issued' },
      prior: { type: 'advice.received' },
      closerThan: 5,
    };
    expect(measure(spec, events, opts).priorIds).toEqual(['a2']);
    expect(measure({ ...spec, inclusive: true }, events, opts).priorIds).toEqual(['a2', 'a3']);
    const six = measure({ ...spec, closerThan: { param: 'window' } }, events, {
      ...opts,
      params: { window: 6 },
    });
    expect(six.priorIds).toEqual(['a2']);
    const seven = measure({ ...spec, closerThan: { param: 'window' } }, events, {
      ...opts,
      params: { window: 7 },
    });
    expect(seven.priorIds).toEqual(['a1', 'a2']);
  });
});

describe('conformance', () => {
  const opts = { asOf: '2024-06-30T12:00' };
  const need = (id: string, at: string, data: Record<string, unknown>) => ev(id, 'needs.requested', at, data);

  it('judges items strictly after each reference, comparing with {ref.data.need}', () => {
    const f = measure(
      {
        template: 'conformance',
        items: sentTo,
        require: { where: { 'data.format': '{ref.data.need}' } },
        afterEach: { type: 'needs.requested' },
      },
      [
        sent('s0', '2024-05-01T10:00', { format: 'standard' }),
        need('n1', '2024-05-02T10:00', { need: 'large_print' }),
        sent('s1', '2024-05-02T10:00', { format: 'standard' }), // n1's instant: not after it
        sent('s2', '2024-05-03T10:00', { format: 'large_print' }),
        sent('s3', '2024-05-07T10:00'),
        need('n2', '2024-05-08T10:00', { need: 'braille' }),
        sent('s4', '2024-05-09T10:00', { format: 'large_print' }), // conforms to n1, not n2
      ],
      opts,
    );
    expect(f).toEqual({
      judged: 3,
      conforming: 1,
      violating: 2,
      violatingItems: [
        { id: 's3', at: '2024-05-07T10:00:00.000+01:00', date: '2024-05-07' },
        { id: 's4', at: '2024-05-09T10:00:00.000+01:00', date: '2024-05-09' },
      ],
      references: 2,
      eventIds: ['n1', 's2', 's3', 'n2', 's4'],
    });
  });

  it('judges every item within bounds without afterEach', () => {
    const f = measure(
      {
        template: 'conformance',
        items: sentTo,
        require: { where: { 'data.contactName': { exists: true } } },
        before: 'closure',
      },
      [
        sent('s1', '2024-05-02T10:00', { contactName: 'A' }),
        sent('s2', '2024-05-03T10:00'),
        closed('2024-05-10T10:00'),
        sent('s3', '2024-05-13T10:00'),
      ],
      opts,
    );
    expect(f).toMatchObject({ judged: 2, conforming: 1, violating: 1, references: 0 });
    expect((f.violatingItems as { id: string }[]).map((v) => v.id)).toEqual(['s2']);
  });

  it('chains afterEach from the responses of a responses fact (1.5.2)', () => {
    const f = measureAll(
      {
        formatNeeds: {
          template: 'responses',
          trigger: { type: 'needs.requested' },
          response: { type: 'needs.met' },
          correlateBy: ['needId', 'need'],
        },
        formats: {
          template: 'conformance',
          items: sentTo,
          require: { where: { 'data.format': '{ref.data.need}' } },
          afterEach: { fromFact: 'formatNeeds', states: ['met'], at: 'response' },
        },
      },
      [
        need('n1', '2024-05-01T10:00', { needId: 'N1', need: 'large_print' }),
        sent('s1', '2024-05-02T10:00', { format: 'standard' }), // before the need was met
        ev('m1', 'needs.met', '2024-05-03T10:00', { needId: 'N1' }),
        sent('s2', '2024-05-03T15:00', { format: 'large_print' }),
        sent('s3', '2024-05-07T10:00', { format: 'standard' }),
      ],
      opts,
    ).formats;
    expect(f).toMatchObject({ judged: 2, violating: 1, references: 1, eventIds: ['n1', 's2', 's3'] });
    expect(f?.violatingItems).toMatchObject([{ id: 's3', date: '2024-05-07' }]);
  });
});

describe('keysCovered', () => {
  const spec = evidenceKeys;
  const assessed = (id: string, at: string, evidenceId: string, relevant: boolean) =>
    ev(id, 'evidence.assessed', at, { evidenceId, relevant });
  const history = (list?: string[]) => [
    assessed('x1', '2024-05-01T10:00', 'E1', true),
    assessed('x2', '2024-05-02T10:00', 'E2', true),
    assessed('x3', '2024-05-03T10:00', 'E2', false), // E2's latest: not relevant
    assessed('x4', '2024-05-03T11:00', 'E3', false),
    assessed('x5', '2024-05-07T10:00', 'E3', true), // E3's latest: relevant
    decision('dec', '2024-05-10T10:00', list ? { evidenceRelied: list } : {}),
    assessed('x6', '2024-05-13T10:00', 'E4', true), // after the decision
  ];
  const opts = { asOf: '2024-06-30T12:00' };

  it('requires the keys whose latest assessment matches, and lists those missing', () => {
    expect(measure(spec, history(['E1', 'E9']), opts)).toEqual({
      required: ['E1', 'E3'],
      requiredCount: 2,
      listGiven: true,
      relied: ['E1', 'E9'],
      missing: ['E3'],
      missingCount: 1,
      eventIds: ['x1', 'x5', 'dec'],
    });
  });

  it('reports a decision without a list as listGiven false, nothing missing', () => {
    expect(measure(spec, history(), opts)).toMatchObject({
      requiredCount: 2,
      listGiven: false,
      relied: [],
      missing: [],
      missingCount: 0,
    });
  });
});

describe('readability', () => {
  it('scores given values and long enough texts, not short or excluded ones', () => {
    // t1: 16 words, 3 sentences, 17 syllables: 206.835 - 1.015 * 16/3 - 84.6 * 17/16 = 111.53.
    // t2: 5 words (4+5+5+4+5 = 23 syllables), 1 sentence: 206.835 - 5.075 - 389.16 = -187.40.
    const hard = 'Comprehensive consideration necessitated additional documentation.';
    const f = measure(
      {
        template: 'readability',
        filter: sentTo,
        exclude: { where: { 'data.format': { startsWith: 'language:' } } },
        minWords: 5,
        minScore: { param: 'minEase' },
      },
      [
        sent('g', '2024-05-01T10:00', { readability: { fleschReadingEase: 45 } }),
        sent('t1', '2024-05-02T10:00', {
          text: 'We got your letter. We will write back to you soon. Thank you for your time.',
        }),
        sent('t2', '2024-05-03T10:00', { text: hard }),
        sent('short', '2024-05-07T10:00', { text: 'Thank you.' }),
        sent('gd', '2024-05-08T10:00', { text: hard, format: 'language:gd' }),
        ev('body', 'communication.sent', '2024-05-09T10:00', { to: 'body', text: hard }),
      ],
      { asOf: '2024-06-30T12:00', params: { minEase: 60 } },
    );
    const t2 = {
      id: 't2',
      date: '2024-05-03',
      score: -187.4,
      source: 'text',
      words: 5,
      sentences: 1,
      syllables: 23,
    };
    expect(f).toEqual({
      communications: 5,
      judged: 3,
      minScore: 60,
      scores: [
        { id: 'g', date: '2024-05-01', score: 45, source: 'given' },
        {
          id: 't1',
          date: '2024-05-02',
          score: 111.5,
          source: 'text',
          words: 16,
          sentences: 3,
          syllables: 17,
        },
        t2,
      ],
      below: [{ id: 'g', date: '2024-05-01', score: 45, source: 'given' }, t2],
      belowCount: 2,
      lowest: t2,
      eventIds: ['g', 't1', 't2'],
    });
  });
});
