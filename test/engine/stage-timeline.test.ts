/**
 * The stage timeline of a two-stage procedure, against the words of `mchp-scotland.md` ("Stages:
 * words used below"): where each stage starts, what answers it, how it ends, its outcome and the
 * track. Spans are shown by event id rather than position, so each case reads as its story.
 */
import { describe, expect, it } from 'vitest';
import { indexCase } from '../../src/engine/case-index.js';
import { normalizeCase } from '../../src/engine/normalize.js';
import { refusedRequests, type StageSpan } from '../../src/engine/stage-timeline.js';
import { parseInstant } from '../../src/time/instant.js';
import { calendar, type Ev, ev, ZONE } from './templates.helpers.js';

const asOf = parseInstant('2024-09-30T17:00', ZONE);
if ('error' in asOf) throw new Error(asOf.error);
const asOfMs = asOf.epochMs;

function indexed(events: Ev[]) {
  const n = normalizeCase({ caseId: 'S', events }, { zone: ZONE, asOfMs });
  if (!n.success) throw new Error(JSON.stringify(n.issues));
  return indexCase(n.case, calendar, asOfMs);
}

type Named = Record<string, string | undefined>;

/** Each stage with its events named by id, and the track: `{ stage1: { start: 'r', ... } }`. */
function stages(events: Ev[]) {
  const index = indexed(events);
  const id = (p: number | undefined) => (p === undefined ? undefined : index.events[p]?.id);
  const named = (s: StageSpan | undefined): Named | undefined =>
    s && {
      start: id(s.start),
      response: id(s.response),
      end: id(s.end),
      endKind: s.endKind,
      outcome: id(s.outcome),
    };
  const { stage1, stage2, track } = index.stages;
  return { stage1: named(stage1), stage2: named(stage2), track, state: index.state.stage };
}

const received = ev('r', 'complaint.received', '2024-05-01T09:00');
const decision = (id: string, at: string, to = 'complainant') =>
  ev(id, 'communication.sent', at, { to, covers: ['decision'] });
const request = (id: string, at: string) => ev(id, 'escalation.requested', at);
const refusal = (id: string, at: string, requestId?: string) =>
  ev(id, 'escalation.refused', at, requestId === undefined ? {} : { requestId });
const toStage = (id: string, at: string, stage: string) => ev(id, 'case.stage_changed', at, { stage });
const open = (start: string) => ({ start, endKind: 'open' });

describe('the stage 1 response', () => {
  it('is a decision sent to the representative as well as to the complainant', () => {
    expect(stages([received, decision('s1', '2024-05-03T10:00', 'representative')]).stage1).toMatchObject({
      response: 's1',
      endKind: 'response',
    });
  });

  it('is not a decision sent to the body or to anyone else', () => {
    for (const to of ['body', 'other']) {
      expect(stages([received, decision('s1', '2024-05-03T10:00', to)]).stage1).toMatchObject(open('r'));
    }
  });

  it('is not a record of a decision received, nor a decision that was not sent', () => {
    const got = stages([
      received,
      ev('in', 'communication.received', '2024-05-02T10:00', { from: 'complainant', covers: ['decision'] }),
      ev('d', 'decision.issued', '2024-05-03T10:00', {
        to: 'complainant',
        covers: ['decision'],
        outcome: 'upheld',
        decisionMakerRole: 'investigator',
      }),
    ]);
    expect(got.stage1).toMatchObject({ ...open('r'), outcome: 'd' });
    expect(got.stage1?.response).toBeUndefined();
  });
});

describe('how a stage ends without a response', () => {
  it('at a stage change to closed, as at case.closed', () => {
    for (const closing of [
      toStage('c', '2024-05-06T10:00', 'closed'),
      ev('c', 'case.closed', '2024-05-06T10:00'),
    ]) {
      expect(stages([received, closing])).toMatchObject({
        stage1: { start: 'r', end: 'c', endKind: 'closure' },
        stage2: undefined,
        state: 'stage_1',
      });
    }
  });

  it('not at a stage change to anything but closed or stage 2', () => {
    const got = stages([received, toStage('i', '2024-05-02T10:00', 'investigation')]);
    expect(got).toMatchObject({ stage1: open('r'), stage2: undefined, track: undefined });
  });

  it('stage 2 ends at a closure, and not at a later stage change to stage 2', () => {
    const got = stages([
      received,
      toStage('t', '2024-05-02T10:00', 'stage_2'),
      toStage('t2', '2024-05-03T10:00', 'stage_2'),
      toStage('c', '2024-05-06T10:00', 'closed'),
    ]);
    expect(got.stage1).toMatchObject({ start: 'r', end: 't', endKind: 'transfer' });
    expect(got.stage2).toMatchObject({ start: 't', end: 'c', endKind: 'closure' });
  });
});

describe('the stage 2 start (a): a stage change to stage 2', () => {
  it('after the stage 1 response: escalated', () => {
    const got = stages([
      received,
      decision('s1', '2024-05-03T10:00'),
      toStage('t', '2024-05-08T10:00', 'stage_2'),
    ]);
    expect(got).toMatchObject({ stage1: { response: 's1' }, stage2: open('t'), track: 'escalated' });
  });

  it('not a later receipt logged at stage 2', () => {
    const again = ev('r2', 'complaint.received', '2024-05-02T10:00', { stage: 'stage_2' });
    expect(stages([received, again])).toMatchObject({
      stage1: open('r'),
      stage2: undefined,
      state: 'stage_1',
    });
  });

  it('after a request made before the stage 1 response: escalated at the change, not at the request', () => {
    const got = stages([
      received,
      request('q', '2024-05-02T10:00'),
      decision('s1', '2024-05-03T10:00'),
      toStage('t', '2024-05-08T10:00', 'stage_2'),
    ]);
    expect(got).toMatchObject({ stage1: { response: 's1' }, stage2: open('t'), track: 'escalated' });
  });
});

describe('the stage 2 start (b): a request after the stage 1 response that no refusal answers', () => {
  const answered = [received, decision('s1', '2024-05-03T10:00')];

  it('starts stage 2 at the request', () => {
    expect(stages([...answered, request('q', '2024-05-08T10:00')])).toMatchObject({
      stage2: open('q'),
      track: 'escalated',
    });
  });

  it('a refusal naming one request leaves the others standing, whichever came first', () => {
    const a = request('qa', '2024-05-08T10:00');
    const b = request('qb', '2024-05-09T10:00');
    expect(stages([...answered, a, b, refusal('x', '2024-05-10T10:00', 'qa')]).stage2).toMatchObject(
      open('qb'),
    );
    expect(stages([...answered, a, b, refusal('x', '2024-05-10T10:00', 'qb')]).stage2).toMatchObject(
      open('qa'),
    );
  });

  it('a refusal without a request id answers the latest request; one naming no request answers none', () => {
    const q = request('q', '2024-05-08T10:00');
    expect(stages([...answered, q, refusal('x', '2024-05-10T10:00')]).stage2).toBeUndefined();
    expect(stages([...answered, q, refusal('x', '2024-05-10T10:00', 'nope')]).stage2).toMatchObject(
      open('q'),
    );
  });

  it('a request without any stage 1 response starts no stage 2', () => {
    const got = stages([received, request('q', '2024-05-02T10:00')]);
    expect(got).toMatchObject({ stage1: open('r'), stage2: undefined, track: undefined, state: 'stage_1' });
  });

  it('a request before the stage 1 response, with no stage change, starts no stage 2', () => {
    const got = stages([
      received,
      request('q', '2024-05-02T10:00'),
      ev('ack', 'communication.sent', '2024-05-02T11:00', { to: 'complainant', covers: ['acknowledgement'] }),
      decision('s1', '2024-05-03T10:00'),
    ]);
    expect(got).toMatchObject({ stage1: { response: 's1', endKind: 'response' }, stage2: undefined });
  });
});

describe('the stage 2 start (c): a request to skip stage 1, agreed by a stage change', () => {
  it('starts stage 2 at the request, on the direct track', () => {
    const got = stages([
      received,
      request('q', '2024-05-02T10:00'),
      toStage('t', '2024-05-07T10:00', 'stage_2'),
    ]);
    expect(got).toMatchObject({
      stage1: { start: 'r', end: 'q', endKind: 'transfer' },
      stage2: open('q'),
      track: 'direct',
    });
  });

  it('not when a refusal came between: stage 2 starts at the change', () => {
    const got = stages([
      received,
      request('q', '2024-05-02T10:00'),
      refusal('x', '2024-05-03T10:00'),
      toStage('t', '2024-05-07T10:00', 'stage_2'),
    ]);
    expect(got).toMatchObject({
      stage1: { end: 't', endKind: 'transfer' },
      stage2: open('t'),
      track: 'direct',
    });
  });

  it('a refused request does not stand for a later one that was agreed', () => {
    const got = stages([
      received,
      request('q1', '2024-05-02T10:00'),
      refusal('x', '2024-05-03T10:00'),
      request('q2', '2024-05-06T10:00'),
      toStage('t', '2024-05-07T10:00', 'stage_2'),
    ]);
    expect(got).toMatchObject({ stage1: { end: 'q2' }, stage2: open('q2'), track: 'direct' });
  });
});

describe('the stage outcome', () => {
  const issued = (id: string, at: string, outcome: string) =>
    ev(id, 'decision.issued', at, { outcome, decisionMakerRole: 'investigator' });

  it('is the latest decision issued while the stage was current, not a closure outcome', () => {
    const got = stages([
      received,
      issued('d1', '2024-05-02T10:00', 'not_upheld'),
      decision('s1', '2024-05-03T10:00'),
      toStage('t', '2024-05-08T10:00', 'stage_2'),
      issued('d2', '2024-05-20T10:00', 'upheld'),
      decision('s2', '2024-05-21T10:00'),
      ev('c', 'case.closed', '2024-05-22T10:00', { outcome: 'resolved' }),
    ]);
    expect(got.stage1).toMatchObject({ response: 's1', outcome: 'd1' });
    expect(got.stage2).toMatchObject({
      start: 't',
      response: 's2',
      end: 's2',
      endKind: 'response',
      outcome: 'd2',
    });
  });

  it('none when no decision was issued', () => {
    expect(stages([received, decision('s1', '2024-05-03T10:00')]).stage1?.outcome).toBeUndefined();
  });
});

describe('refusedRequests', () => {
  it('leaves out a refusal that answers no logged request', () => {
    const index = indexed([received, refusal('x', '2024-05-03T10:00')]);
    expect([...refusedRequests(index.events)]).toEqual([]);
  });
});
