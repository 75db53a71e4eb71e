import fc from 'fast-check';
import { COMPLAINT_STAGES } from '../../src/model/vocabulary.js';
import { caseArb, type GeneratedCase } from './case-arbitrary.js';

/**
 * {@link caseArb} with the stages of a two-stage procedure (the MCHP's, the housing code's) mixed
 * in: a receipt sometimes at stage 1 or straight to stage 2, a stage change sometimes an
 * escalation to stage 2, so that the staged rulesets judge more than "not applicable".
 */
export const stagedCaseArb: fc.Arbitrary<GeneratedCase> = fc
  .tuple(caseArb, fc.array(fc.nat(5), { minLength: 8, maxLength: 8 }))
  .map(([generated, dice]) => {
    const roll = (i: number) => dice[i % dice.length] ?? 0;
    const events = generated.input.events.map((e, i) => {
      const data = (e.data ?? {}) as Record<string, unknown>;
      if (e.type === 'complaint.received' && roll(i) < 3)
        return { ...e, data: { ...data, stage: COMPLAINT_STAGES[roll(i + 1) % 2] } };
      if (e.type === 'case.stage_changed' && roll(i) < 3)
        return { ...e, data: { ...data, stage: 'stage_2', from: 'stage_1', reason: 'escalated' } };
      return e;
    });
    return { ...generated, input: { ...generated.input, events } };
  });
