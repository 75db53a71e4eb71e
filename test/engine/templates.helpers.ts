/**
 * Runs fact templates directly on a tiny case (shared by templates*.test.ts): normalize, index with
 * the Scottish calendar, compile each FactSpec and measure it. Events use local times (no offset),
 * read in Europe/London whatever the machine's zone.
 */
import { indexCase } from '../../src/engine/case-index.js';
import type { FactValue } from '../../src/engine/fact-context.js';
import { normalizeCase } from '../../src/engine/normalize.js';
import { compileFact } from '../../src/engine/templates/index.js';
import type { ParameterValue } from '../../src/model/config.js';
import { type FactSpec, FactSpecSchema, type Filter } from '../../src/model/rule.js';
import { createCalendar, type WorkingCalendar } from '../../src/time/calendar.js';
import { parseInstant } from '../../src/time/instant.js';

export const ZONE = 'Europe/London';
export const calendar = createCalendar({ zone: ZONE, holidays: { country: 'GB', state: 'SCT' } });

export interface Ev {
  id: string;
  type: string;
  at: string;
  data?: Record<string, unknown>;
}

/** An event: `ev('r1', 'communication.sent', '2024-05-07T16:30', { to: 'complainant' })`. */
export const ev = (id: string, type: string, at: string, data?: Record<string, unknown>): Ev =>
  data === undefined ? { id, type, at } : { id, type, at, data };

export interface RunOptions {
  asOf: string;
  attributes?: Record<string, unknown>;
  named?: Record<string, Filter>;
  params?: Record<string, ParameterValue>;
  /** Another calendar than the Scottish one (e.g. one where pauses do not stop clocks). */
  calendar?: WorkingCalendar;
}

/** Measures every fact in declaration order (a later fact may chain from an earlier one). */
export function measureAll(
  facts: Record<string, FactSpec>,
  events: Ev[],
  o: RunOptions,
): Record<string, FactValue> {
  const asOf = parseInstant(o.asOf, ZONE);
  if ('error' in asOf) throw new Error(asOf.error);
  const input = { caseId: 'T', events, ...(o.attributes ? { attributes: o.attributes } : {}) };
  const n = normalizeCase(input, { zone: ZONE, asOfMs: asOf.epochMs });
  if (!n.success) throw new Error(JSON.stringify(n.issues));
  const cal = o.calendar ?? calendar;
  const index = indexCase(n.case, cal, asOf.epochMs);
  const out: Record<string, FactValue> = {};
  for (const [name, spec] of Object.entries(facts)) {
    // Parsed first, so that every spec written here is one a rule file could declare.
    const compute = compileFact(FactSpecSchema.parse(spec), { named: o.named ?? {}, params: o.params ?? {} });
    out[name] = compute({ index, calendar: cal, asOfMs: asOf.epochMs, facts: out });
  }
  return out;
}

/** Measures one fact. */
export function measure(spec: FactSpec, events: Ev[], o: RunOptions): FactValue {
  return measureAll({ fact: spec }, events, o).fact as FactValue;
}

/** The items of a fact (responses, precedence), for indexed assertions. */
export const itemsOf = (f: FactValue | undefined) => (f?.items ?? []) as Record<string, unknown>[];

/** A contact from the complainant, the trigger of the responses tests. */
export const contact: Filter = { type: 'communication.received', where: { 'data.from': 'complainant' } };
/** A communication to the complainant, the response of the responses tests. */
export const reply: Filter = { type: 'communication.sent', where: { 'data.to': 'complainant' } };
export const contactFrom = (id: string, at: string, data: Record<string, unknown> = {}): Ev =>
  ev(id, 'communication.received', at, { from: 'complainant', ...data });
export const replyTo = (id: string, at: string, data: Record<string, unknown> = {}): Ev =>
  ev(id, 'communication.sent', at, { to: 'complainant', ...data });
/** Contacts answered by replies within 3 working days, with other options. */
export const replies = (extra: Partial<Extract<FactSpec, { template: 'responses' }>> = {}): FactSpec => ({
  template: 'responses',
  trigger: contact,
  response: reply,
  within: { workingDays: 3 },
  ...extra,
});

/** Remedies implemented by their own due date, else within 20 working days. */
export const remedies: Extract<FactSpec, { template: 'responses' }> = {
  template: 'responses',
  trigger: { type: 'remedy.recommended' },
  response: { type: 'remedy.implemented' },
  correlateBy: ['remedyId'],
  within: { deadlineField: 'data.dueAt', otherwiseWorkingDays: 20 },
};

/** Timeliness by complexity (with `complexityTargets`), ended by the closure or the first decision. */
export const timeliness: FactSpec = {
  template: 'timeliness',
  targets: 'targets',
  complexity: { type: 'case.complexity_assessed' },
  extension: { type: 'case.extension_notified' },
  revisedTargetField: 'data.revisedTargetAt',
  until: 'end',
};
export const complexityTargets = { targets: { simple: 5, standard: 20, complex: 40 } };

/** The evidence assessed as relevant before the first decision, to be listed in its evidenceRelied. */
export const evidenceKeys: FactSpec = {
  template: 'keysCovered',
  source: { type: 'evidence.assessed' },
  key: 'data.evidenceId',
  latestWhere: { where: { 'data.relevant': true } },
  before: 'firstDecision',
  listField: 'data.evidenceRelied',
};
