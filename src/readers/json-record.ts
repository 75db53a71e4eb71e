import type { InputIssue } from '../model/issues.js';
import type { Assembler } from './assemble.js';
import type { ReadItem } from './types.js';

const _kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

/**
 * @internal One JSON record (an NDJSON line, an element of a JSON list) handed to the assembler:
 * an object with `events` is a whole case, any other object an event of a flat log (which needs
 * a `caseId` to be grouped). Objects are passed on as parsed (JSON.parse keeps `__proto__` as a
 * plain own key; nothing here merges them into other objects).
 * @example
 * jsonRecord({ caseId: 'C1', type: 'complaint.received', at: '2024-05-01' }, 3, assembler);
 */
export function jsonRecord(value: unknown, line: number, asm: Assembler): ReadItem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const problem: InputIssue = {
      code: 'invalid_type',
      path: [],
      message: `expected an event or a case (a JSON object), got ${_kind(value)}`,
    };
    return asm.orphan(line, [problem]);
  }
  const record = value as Record<string, unknown>;
  const caseId = Object.hasOwn(record, 'caseId') ? record.caseId : undefined;
  const isCase = Object.hasOwn(record, 'events');
  const what = isCase ? 'case' : 'event';
  let problem: InputIssue | undefined;
  if (caseId === undefined) {
    problem = { code: 'missing_value', path: ['caseId'], message: `the ${what} has no caseId` };
  } else if (typeof caseId !== 'string') {
    problem = {
      code: 'invalid_type',
      path: ['caseId'],
      message: `the ${what}'s caseId must be a string, not ${_kind(caseId)}`,
    };
  } else if (caseId.trim() === '') {
    problem = { code: 'missing_value', path: ['caseId'], message: `the ${what}'s caseId is empty` };
  }
  if (isCase) {
    const events = record.events;
    const count = Array.isArray(events) ? events.length : 0;
    if (problem !== undefined || typeof caseId !== 'string')
      return asm.orphan(line, problem ? [problem] : [], count);
    return asm.whole(record, caseId, count, line, []);
  }
  if (problem !== undefined || typeof caseId !== 'string') return asm.orphan(line, problem ? [problem] : []);
  return asm.event(caseId, record, line, []);
}
