/**
 * `selfAssessment()` from the library: the same rows as the command on the same log, a statements
 * object validated (an unknown provision is a ConfigError), and a ruleset without a provision
 * list refused by name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadRuleset, selfAssessment, UsageError } from '../../src/index.js';
import { SelfAssessmentSchema } from '../../src/self-assessment/document.js';
import { AS_OF, LOG, makeWorkspace, runSelfAssessmentCommand } from './_command.js';

let ws: ReturnType<typeof makeWorkspace>;
beforeAll(() => {
  ws = makeWorkspace();
});
afterAll(() => ws?.remove());

const period = { from: '2024-04-01', to: '2025-03-31' };
const cases = () => {
  const byCase = new Map<string, unknown[]>();
  for (const e of LOG) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
  return [...byCase].map(([caseId, events]) => ({ caseId, events }));
};

describe('selfAssessment()', () => {
  it('gives the rows and summary the command gives', async () => {
    const ruleset = await loadRuleset({ dir: ws.rules });
    const sa = await selfAssessment(cases(), { ruleset, period, asOf: AS_OF });
    const r = await runSelfAssessmentCommand([
      ws.log,
      '--ruleset',
      ws.rules,
      '--period',
      '2024-04-01..2025-03-31',
      '--as-of',
      AS_OF,
      '--quiet',
      '--format',
      'json',
    ]);
    const doc = SelfAssessmentSchema.parse(JSON.parse(r.stdout));
    expect(sa.rows).toEqual(doc.rows);
    expect(sa.summary).toEqual(doc.summary);
    expect(sa.period).toEqual(doc.meta.period);
    expect(sa.rejected).toEqual([]);
  });

  it('validates the statements, naming an unknown provision', async () => {
    const ruleset = await loadRuleset({ dir: ws.rules });
    await expect(
      selfAssessment(cases(), {
        ruleset,
        period,
        asOf: AS_OF,
        statements: { provisions: { '9.9': { comply: 'yes' } } },
      }),
    ).rejects.toThrow(ConfigError);
    const sa = await selfAssessment(cases(), {
      ruleset,
      period,
      asOf: AS_OF,
      statements: { provisions: { '1.1': { comply: 'no' } } },
    });
    expect(sa.rows[0]).toMatchObject({ comply: 'no', complySource: 'statement' });
  });

  it('refuses a ruleset that offers no self-assessment', async () => {
    const ruleset = await loadRuleset();
    await expect(selfAssessment(cases(), { ruleset, period, asOf: AS_OF })).rejects.toThrow(UsageError);
    await expect(selfAssessment(cases(), { ruleset, period, asOf: AS_OF })).rejects.toThrow(
      /offers no self-assessment/,
    );
  });
});
