/**
 * The worklist: what falls due next across cases. Every pending finding with a deadline, soonest
 * first, with the working days left; and, listed apart, the pending findings that fall due "before
 * the decision" (no date can be given until the decision is known).
 */
import type { Ruleset } from '../engine/ruleset.js';
import { requireRulesetValue } from '../engine/usage.js';
import type { CaseResult } from '../model/finding.js';
import type { Anchor } from '../model/rule.js';
import { requireIterable, requireObject } from '../model/usage-error.js';
import type { WorkingCalendar } from '../time/calendar-types.js';
import { isoDateFromDay } from '../time/days.js';
import { formatDay } from '../time/format.js';
import { localDayOf } from '../time/instant.js';

/** A pending finding with a deadline. */
export interface DueItem {
  caseId: string;
  ref: string;
  id: string;
  /** What is due: the finding's explanation. */
  what: string;
  /** The deadline, as the finding gives it (an ISO instant in the calendar's zone). */
  dueAt: string;
  /** The deadline's local date (`YYYY-MM-DD`) and as people read it (`Mon 17 Feb 2025`). */
  dueDate: string;
  dueDay: string;
  /** Working days from `asOf`'s local date to the deadline's: 0 when it falls due that day. */
  workingDaysLeft: number;
}

/** A pending finding that falls due before an event that has not happened yet. */
export interface AwaitingItem {
  caseId: string;
  ref: string;
  id: string;
  what: string;
  /** The event it waits on, as the rule names it: `the decision`, `the decision or closure`. */
  waitsOn: string;
}

/** What {@link dueItems} returns. */
export interface Worklist {
  /** `asOf`, as an ISO instant in the calendar's zone, and its local date. */
  asOfDate: string;
  within?: number | undefined;
  /** Soonest first (then by case id and ref). */
  due: DueItem[];
  /** By case id, then ref. */
  awaiting: AwaitingItem[];
}

/** Options of {@link dueItems}. */
export interface DueItemsOptions {
  /** The instant the results were judged as of (epoch ms). */
  asOfMs: number;
  /** The working calendar the results were judged on. */
  calendar: WorkingCalendar;
  /** The ruleset, to name what an undated pending finding waits on. */
  ruleset: Ruleset;
  /** Only deadlines at most this many working days ahead (undated items are always listed). */
  within?: number | undefined;
}

const _WAITS_ON: Record<Anchor, string> = {
  receipt: 'the receipt',
  closure: 'the closure',
  firstDecision: 'the decision',
  decisionOrClosure: 'the decision (or closure)',
  end: 'the end of the case',
  outsideRemit: 'the outside-remit decision',
  asOf: 'the as-of instant',
  stage1Start: 'the start of stage 1',
  stage1Response: 'the stage 1 response',
  stage2Start: 'the start of stage 2',
  stage2Response: 'the stage 2 response',
};

/** For each ref, what its undated pending outcomes wait on (the rule's `dueBefore`). */
function _waitsOnByRef(ruleset: Ruleset): Map<string, string> {
  const byRef = new Map<string, string>();
  for (const rule of ruleset.rules) {
    for (const check of rule.checks) {
      for (const outcome of check.outcomes ?? []) {
        if (outcome.status === 'pending' && outcome.dueBefore)
          byRef.set(rule.ref, _WAITS_ON[outcome.dueBefore]);
      }
    }
  }
  return byRef;
}

const _byDeadline = (a: DueItem, b: DueItem) =>
  a.dueAt !== b.dueAt
    ? Date.parse(a.dueAt) - Date.parse(b.dueAt)
    : a.caseId !== b.caseId
      ? a.caseId < b.caseId
        ? -1
        : 1
      : a.ref < b.ref
        ? -1
        : a.ref > b.ref
          ? 1
          : 0;

const _byCase = (a: AwaitingItem, b: AwaitingItem) =>
  a.caseId !== b.caseId ? (a.caseId < b.caseId ? -1 : 1) : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;

/**
 * Every pending finding that falls due, soonest first, with the working days left from `asOf`;
 * pending findings without a date are listed apart with the event they wait on.
 *
 * @example
 * const { due } = dueItems(results, { asOfMs, calendar: prepared.calendar, ruleset, within: 5 });
 * due[0]; // { caseId: 'C1', ref: '1.3.1', dueDay: 'Mon 17 Feb 2025', workingDaysLeft: 3, ... }
 */
export function dueItems(results: Iterable<CaseResult>, options: DueItemsOptions): Worklist {
  const call = 'dueItems(results, { asOfMs, calendar, ruleset })';
  requireIterable('dueItems', results, 'results', call);
  requireObject('dueItems', options, 'options', call);
  requireObject('dueItems', options.calendar, 'options.calendar', call);
  requireRulesetValue('dueItems', options.ruleset, 'options.ruleset');
  const { calendar, asOfMs, within } = options;
  const asOfDay = localDayOf(asOfMs, calendar.clock);
  const waitsOn = _waitsOnByRef(options.ruleset);
  const due: DueItem[] = [];
  const awaiting: AwaitingItem[] = [];
  for (const result of results) {
    for (const f of result.findings) {
      if (f.status !== 'pending') continue;
      const base = { caseId: result.caseId, ref: f.ref, id: f.id, what: f.explanation };
      if (f.dueAt === undefined) {
        awaiting.push({ ...base, waitsOn: waitsOn.get(f.ref) ?? 'an event not yet recorded' });
        continue;
      }
      const day = localDayOf(Date.parse(f.dueAt), calendar.clock);
      const workingDaysLeft = calendar.workingDaysBetween(asOfDay, day);
      if (within !== undefined && workingDaysLeft > within) continue;
      due.push({
        ...base,
        dueAt: f.dueAt,
        dueDate: isoDateFromDay(day),
        dueDay: formatDay(day),
        workingDaysLeft,
      });
    }
  }
  return {
    asOfDate: isoDateFromDay(asOfDay),
    within,
    due: due.sort(_byDeadline),
    awaiting: awaiting.sort(_byCase),
  };
}
