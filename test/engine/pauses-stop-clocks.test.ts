import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCase, loadRuleset } from '../../src/index.js';
import { FIXTURES_DIR } from '../support/fixtures.js';

const ruleset = await loadRuleset();
const fixture = JSON.parse(readFileSync(`${FIXTURES_DIR}indicators/1.3.1/pass-paused.json`, 'utf8'));

describe('calendar option pausesStopClocks', () => {
  it('by default leaves paused days out (the 1.3.1 fixture passes)', async () => {
    const r = await evaluateCase(fixture.case, { ruleset, asOf: fixture.asOf, only: ['1.3.1'] });
    expect(r.findings[0]?.status).toBe('pass');
  });

  it('when false counts paused days like any other: 29 working days from Mon 3 Jun to Fri 12 Jul 2024', async () => {
    const r = await evaluateCase(fixture.case, {
      ruleset,
      asOf: fixture.asOf,
      only: ['1.3.1'],
      config: { calendar: { pausesStopClocks: false } },
    });
    expect(r.findings[0]?.status).toBe('fail');
    expect(r.findings[0]?.measured).toMatchObject({
      time: { elapsed: 29, pausedWorkingDays: 0, deadline: '2024-07-01' },
    });
  });
});
