import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../../src/model/json-schemas.js';
import { CaseSchema, ConfigSchema, EventSchema } from '../../src/schemas.js';

// The same corpus goes through zod and through the published JSON Schema: they must agree.
const ajv = new Ajv2020.default({ strict: false, allErrors: true });

const events: [string, unknown, boolean][] = [
  ['minimal receipt', { caseId: 'C1', type: 'complaint.received', at: '2024-05-01T09:00:00Z' }, true],
  ['date only', { type: 'complaint.received', at: '2024-05-01' }, true],
  ['naive local time', { type: 'complaint.received', at: '2024-05-01T09:00' }, true],
  ['offset without colon', { type: 'complaint.received', at: '2024-05-01T09:00:00+0100' }, true],
  ['space separator and micros', { type: 'case.closed', at: '2011-10-11 13:45:40.276000+02:00' }, true],
  ['custom type with any data', { type: 'x-phone-note', at: '2024-05-01', data: { anything: [1, 2] } }, true],
  ['unknown type', { type: 'complaint.recieved', at: '2024-05-01' }, false],
  ['bad instant', { type: 'complaint.received', at: '1 May 2024' }, false],
  ['missing at', { type: 'complaint.received' }, false],
  ['empty caseId', { caseId: '', type: 'complaint.received', at: '2024-05-01' }, false],
  [
    'communication with topics',
    { type: 'communication.sent', at: '2024-05-02', data: { to: 'complainant', covers: ['progress'] } },
    true,
  ],
  [
    'communication to nobody',
    { type: 'communication.sent', at: '2024-05-02', data: { covers: ['progress'] } },
    false,
  ],
  [
    'unknown topic',
    { type: 'communication.sent', at: '2024-05-02', data: { to: 'complainant', covers: ['gossip'] } },
    false,
  ],
  [
    'extra data kept',
    { type: 'case.paused', at: '2024-05-02', data: { reason: 'awaiting_complainant', note: 1 } },
    true,
  ],
  [
    'complexity enum',
    { type: 'case.complexity_assessed', at: '2024-05-02', data: { complexity: 'hard' } },
    false,
  ],
  [
    'decision',
    {
      type: 'decision.issued',
      at: '2024-05-02',
      data: { decisionMakerRole: 'ombudsman', outcome: 'upheld' },
    },
    true,
  ],
  [
    'decision without outcome',
    { type: 'decision.issued', at: '2024-05-02', data: { decisionMakerRole: 'ombudsman' } },
    false,
  ],
  [
    'remedy with date due',
    {
      type: 'remedy.recommended',
      at: '2024-05-02',
      data: { remedyId: 'r', kind: 'apology', dueAt: '2024-06-01' },
    },
    true,
  ],
  [
    'remedy with bad due',
    { type: 'remedy.recommended', at: '2024-05-02', data: { remedyId: 'r', kind: 'apology', dueAt: 'soon' } },
    false,
  ],
  ['boolean as string', { type: 'publication.issued', at: '2024-05-02', data: { anonymised: 'yes' } }, false],
  [
    'actor',
    {
      type: 'communication.received',
      at: '2024-05-02',
      actor: { role: 'complainant' },
      data: { from: 'complainant' },
    },
    true,
  ],
  [
    'format',
    { type: 'communication.sent', at: '2024-05-02', data: { to: 'complainant', format: 'language:gd' } },
    true,
  ],
  [
    'bad format',
    { type: 'communication.sent', at: '2024-05-02', data: { to: 'complainant', format: 'tiny' } },
    false,
  ],
];

const configs: [string, unknown, boolean][] = [
  ['empty', {}, true],
  ['zone and parameters', { zone: 'Europe/London', parameters: { acknowledgeWithin: 5 } }, true],
  ['holiday list', { calendar: { holidays: { dates: [{ date: '2024-12-27', name: 'Closure' }] } } }, true],
  ['closures', { calendar: { closures: [{ from: '2024-12-24', to: '2025-01-03' }] } }, true],
  ['typo key', { zome: 'Europe/London' }, false],
  ['indicator off', { indicators: { 'L.4': { enabled: false } } }, true],
  ['bad threshold', { thresholds: { minCompliance: 140 } }, false],
  ['bad date', { calendar: { extraHolidays: [{ date: '27/12/2024' }] } }, false],
];

describe('zod and the published JSON Schemas agree', () => {
  const eventValidate = ajv.compile(toJsonSchema('event'));
  it.each(events)('event: %s', (_, input, valid) => {
    expect(EventSchema.safeParse(input).success).toBe(valid);
    expect(eventValidate(input)).toBe(valid);
  });

  const caseValidate = ajv.compile(toJsonSchema('case'));
  it.each(events)('case holding event: %s', (_, input, valid) => {
    const c = { caseId: 'C1', events: [input] };
    expect(CaseSchema.safeParse(c).success).toBe(valid);
    expect(caseValidate(c)).toBe(valid);
  });

  const configValidate = ajv.compile(toJsonSchema('config'));
  it.each(configs)('config: %s', (_, input, valid) => {
    expect(ConfigSchema.safeParse(input).success).toBe(valid);
    expect(configValidate(input)).toBe(valid);
  });
});
