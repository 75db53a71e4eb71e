/**
 * Which keys of a fact's value stay out of a finding's `measured`: the event ids (the finding's
 * evidence), and the lists that only repeat a responses or precedence fact's items.
 */
import { describe, expect, it } from 'vitest';
import { unmeasuredKeys } from '../../src/engine/templates/index.js';
import type { FactSpec } from '../../src/model/rule.js';

const sorted = (keys: ReadonlySet<string>) => [...keys].sort();

describe('unmeasuredKeys', () => {
  it('leaves out the event ids of an ordinary fact', () => {
    const occurrences: FactSpec = { template: 'occurrences', filter: { type: 'case.closed' } };
    expect(sorted(unmeasuredKeys(occurrences))).toEqual(['eventIds']);
    expect(sorted(unmeasuredKeys({ template: 'stageDeciders' }))).toEqual(['eventIds']);
  });

  it('leaves out the item lists derived by state and class from a responses fact', () => {
    const responses: FactSpec = {
      template: 'responses',
      trigger: { type: 'needs.requested' },
      response: { type: 'needs.met' },
    };
    expect(sorted(unmeasuredKeys(responses))).toEqual([
      'classified',
      'eventIds',
      'metItems',
      'notMetItems',
      'openItems',
    ]);
  });

  it('leaves out the with- and without-prior lists of a precedence fact', () => {
    const precedence: FactSpec = {
      template: 'precedence',
      trigger: { type: 'decision.issued' },
      prior: { type: 'conflict.checked' },
    };
    expect(sorted(unmeasuredKeys(precedence))).toEqual(['eventIds', 'withPriorItems', 'withoutPriorItems']);
  });
});
