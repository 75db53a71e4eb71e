import { z } from 'zod';
import { EventSchema } from './event.js';
import { COMPLEXITIES } from './vocabulary.js';

export type { CaseAttributes } from './contract.js';

/** Case-level attributes (`events.md`): `complexity`, `channel`, `subject` and any custom keys. */
export const CaseAttributesSchema = z.looseObject({
  complexity: z.enum(COMPLEXITIES).optional(),
  channel: z.string().optional(),
  subject: z.string().optional(),
});

/**
 * A whole case: `{ caseId, attributes?, events }`. Events inside may omit `caseId`; when they
 * carry one it must equal the case's.
 *
 * @example
 * CaseSchema.parse({ caseId: 'C1', events: [{ type: 'complaint.received', at: '2024-05-01' }] });
 */
export const CaseSchema = z.looseObject({
  caseId: z.string().min(1),
  attributes: CaseAttributesSchema.optional(),
  events: z.array(EventSchema),
});

/** The case without looking into its events (they are checked one by one, for step-wise errors). */
export const CaseEnvelopeSchema = z.looseObject({
  caseId: z.string().min(1),
  attributes: CaseAttributesSchema.optional(),
  events: z.array(z.unknown()),
});
