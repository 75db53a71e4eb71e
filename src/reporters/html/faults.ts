/**
 * Which events a finding holds at fault, and which deadlines it missed or awaits, read from the
 * finding's public shape alone (`measured`, `dueAt`) and the facts its rule tests for that status
 * (`decidingFacts`): the late response and the deadline it missed, the missing step's deadline,
 * the communication that broke a rule, the update after too long a gap. Every other event the
 * finding cites is context. The measurements are read by their shape (one per template), never by
 * indicator; a report without measurements (trimmed detail) marks nothing.
 */
import type { Finding } from '../../model/finding.js';
import { isMarkedStatus } from '../../model/vocabulary.js';
import type { FactPath } from './words.js';

/** A deadline a finding missed (`missed`) or awaits, as a local date or an instant. */
export interface DeadlineMark {
  at: string;
  missed: boolean;
}

/** What a finding holds at fault: event ids, and deadlines. */
export interface FindingMarks {
  faults: string[];
  deadlines: DeadlineMark[];
}

type _Obj = Record<string, unknown>;
const _obj = (v: unknown): _Obj | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as _Obj) : undefined;
const _str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const _objs = (v: unknown): _Obj[] => (Array.isArray(v) ? v.map(_obj).filter((o): o is _Obj => !!o) : []);

/** Response states a path asks about: `$.late`, `$.missing`, `$.open`; else, by status. */
function _states(path: string | undefined, pending: boolean): readonly string[] {
  if (path === '$.late') return ['late'];
  if (path === '$.missing') return ['missing'];
  if (path === '$.open') return ['open'];
  return pending ? ['open'] : ['late', 'missing'];
}

function _readFact(fact: _Obj, path: string | undefined, pending: boolean, marks: FindingMarks): void {
  const fault = (id: unknown) => {
    const s = _str(id);
    if (s !== undefined && !pending) marks.faults.push(s);
  };
  const deadline = (at: unknown, missed: boolean) => {
    const s = _str(at);
    if (s !== undefined) marks.deadlines.push({ at: s, missed });
  };
  // responses: items with a state, a deadline and, when answered, the response.
  const items = _objs(fact.items).filter((i) => typeof i.state === 'string');
  if (items.length > 0) {
    const wanted = _states(path, pending);
    for (const item of items) {
      if (!wanted.includes(item.state as string)) continue;
      if (item.state === 'late') fault(item.responseId);
      deadline(item.deadline, item.state !== 'open');
    }
    return;
  }
  // timeliness: one clock, its end and its deadline.
  if (typeof fact.receiptDate === 'string' && typeof fact.state === 'string') {
    if (pending ? fact.state !== 'open' : fact.state !== 'late' && fact.state !== 'overdue') return;
    if (fact.state === 'late') fault(fact.endId);
    deadline(fact.deadline, fact.state !== 'open');
    return;
  }
  // precedence: triggers with (or without) the prior event the rule tests for.
  if (Array.isArray(fact.withoutPriorIds)) {
    if (path === '$.withPrior') {
      for (const item of _objs(fact.items)) {
        const priors = Array.isArray(item.priorIds) ? item.priorIds : [];
        if (priors.length === 0) continue;
        fault(item.triggerId);
        for (const id of priors) fault(id);
      }
    } else for (const id of fact.withoutPriorIds) fault(id);
    return;
  }
  // conformance and readability: the events that broke the rule.
  for (const v of _objs(fact.violatingItems)) fault(v.id);
  for (const v of _objs(fact.below)) fault(v.id);
  // longestGap: the event that ended too long a gap.
  for (const run of _objs(fact.exceededRuns)) fault(run.toId);
}

/**
 * The marks of one finding: nothing for a pass, a not-applicable or an insufficient-evidence
 * finding; for a fail or an error, the events at fault and the deadlines missed; for a pending
 * one, its due date. `deciding` are the facts its rule tests for its status (all of them when
 * undefined).
 */
export function findingMarks(finding: Finding, deciding: readonly FactPath[] | undefined): FindingMarks {
  const marks: FindingMarks = { faults: [], deadlines: [] };
  if (!isMarkedStatus(finding.status)) return marks;
  const pending = finding.status === 'pending';
  const measured = finding.measured ?? {};
  const looks: readonly FactPath[] = deciding ?? Object.keys(measured).map((fact) => ({ fact }));
  for (const { fact, path } of looks) {
    const value = _obj(measured[fact]);
    if (value) _readFact(value, path, pending, marks);
  }
  if (pending && marks.deadlines.length === 0 && finding.dueAt) {
    marks.deadlines.push({ at: finding.dueAt, missed: false });
  }
  const evidence = new Set(finding.evidence);
  const faults = [...new Set(marks.faults)].filter((id) => evidence.has(id));
  const seen = new Set<string>();
  const deadlines = marks.deadlines.filter((d) => {
    const key = `${d.at} ${d.missed}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { faults, deadlines };
}

/** The local date (YYYY-MM-DD) a deadline falls on: its date, or an instant's local date as written. */
export const deadlineDate = (at: string): string => at.slice(0, 10);

/**
 * Where a deadline sits among a case's events in time order: before the first event after it
 * (a date-only deadline is the end of that day; an instant, that instant, when the events' instants
 * are known). Events without a date do not move it.
 */
export function deadlinePosition(at: string, events: readonly { date: string; at?: string }[]): number {
  const instant = at.length > 10 ? Date.parse(at) : Number.NaN;
  const day = deadlineDate(at);
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as { date: string; at?: string };
    if (!Number.isNaN(instant) && e.at !== undefined) {
      if (Date.parse(e.at) > instant) return k;
    } else if (e.date !== '' && e.date > day) return k;
  }
  return events.length;
}

/** A deadline in the page's data: when, before which event (index; the count when after all), missed (1) or due (0). */
export type DeadlineRow = [at: string, position: number, missed: 0 | 1];

/** A finding's marks as indexes into its case's events (ids the events lack are left out). */
export function markRows(
  marks: FindingMarks,
  eventIndex: ReadonlyMap<string, number>,
  events: readonly { date: string; at?: string }[],
): [faults: number[], deadlines: DeadlineRow[]] {
  const faults = marks.faults.map((id) => eventIndex.get(id) ?? -1).filter((k) => k >= 0);
  const deadlines = marks.deadlines.map(
    (d): DeadlineRow => [d.at, deadlinePosition(d.at, events), d.missed ? 1 : 0],
  );
  return [faults, deadlines];
}
