/**
 * The conformance template chained from a responses fact (docs/engine.md): only the items in
 * the listed states become references, and a chain to an undeclared fact is refused.
 */
import { describe, expect, it } from 'vitest';
import type { FactSpec, Filter } from '../../src/model/rule.js';
import { ev, measureAll } from './templates.helpers.js';

const sentTo: Filter = { type: 'communication.sent', where: { 'data.to': 'complainant' } };
const sent = (id: string, at: string, format: string) =>
  ev(id, 'communication.sent', at, { to: 'complainant', format });
const need = (id: string, at: string, needId: string, what: string) =>
  ev(id, 'needs.requested', at, { needId, need: what });
const formatNeeds: FactSpec = {
  template: 'responses',
  trigger: { type: 'needs.requested' },
  response: { type: 'needs.met' },
  correlateBy: ['needId', 'need'],
};
const formats = (states: ('met' | 'open')[], fromFact = 'formatNeeds'): FactSpec => ({
  template: 'conformance',
  items: sentTo,
  require: { where: { 'data.format': '{ref.data.need}' } },
  afterEach: { fromFact, states, at: 'trigger' },
});
const opts = { asOf: '2024-06-30T12:00' };

describe('conformance chained from a responses fact', () => {
  const events = [
    need('n1', '2024-05-01T10:00', 'N1', 'large_print'),
    ev('m1', 'needs.met', '2024-05-02T10:00', { needId: 'N1' }),
    need('n2', '2024-05-03T10:00', 'N2', 'braille'), // never met: open
    sent('s1', '2024-05-07T10:00', 'large_print'),
  ];

  it('judges items only against the needs in the listed states', () => {
    const met = measureAll({ formatNeeds, formats: formats(['met']) }, events, opts).formats;
    expect(met).toMatchObject({ references: 1, judged: 1, conforming: 1, violating: 0 });
    expect(met?.eventIds).toEqual(['n1', 's1']);
    const both = measureAll({ formatNeeds, formats: formats(['met', 'open']) }, events, opts).formats;
    expect(both).toMatchObject({ references: 2, judged: 1, conforming: 0, violating: 1 });
    expect(both?.violatingItems).toMatchObject([{ id: 's1', date: '2024-05-07' }]);
  });

  it('refuses a chain to a fact not declared before it', () => {
    expect(() => measureAll({ formats: formats(['met'], 'formatNeeds') }, events, opts)).toThrow(
      'fact "formatNeeds" must be declared before the facts chained to it',
    );
  });
});

describe('conformance: which references count', () => {
  it('takes as references only the events matching afterEach, not others of their type', () => {
    const f = measureAll(
      {
        formats: {
          template: 'conformance',
          items: sentTo,
          require: { where: { 'data.format': '{ref.data.need}' } },
          afterEach: { type: 'needs.requested', where: { 'data.need': 'braille' } },
        },
      },
      [
        need('n1', '2024-05-01T10:00', 'N1', 'large_print'),
        need('n2', '2024-05-02T10:00', 'N2', 'braille'),
        sent('s1', '2024-05-07T10:00', 'braille'),
      ],
      opts,
    ).formats;
    expect(f).toMatchObject({ references: 1, judged: 1, conforming: 1, violating: 0 });
    expect(f?.eventIds).toEqual(['n2', 's1']);
  });

  it('has no reference from an item with no response when chained at the response', () => {
    const events = [
      need('n1', '2024-05-01T10:00', 'N1', 'large_print'),
      sent('s1', '2024-05-07T10:00', 'standard'),
    ];
    const chained: FactSpec = {
      template: 'conformance',
      items: sentTo,
      require: { where: { 'data.format': '{ref.data.need}' } },
      afterEach: { fromFact: 'formatNeeds', states: ['open'], at: 'response' },
    };
    const f = measureAll({ formatNeeds, formats: chained }, events, opts).formats;
    expect(f).toMatchObject({ references: 0, judged: 0, violating: 0 });
  });
});
