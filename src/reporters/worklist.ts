/**
 * The worklist (`service-standards due`) as text, JSON, CSV or iCalendar. Pure: each returns the
 * whole document; the caller writes it.
 */
import { stringify } from 'csv-stringify/sync';
import ical from 'ical-generator';
import type { Worklist } from '../audit/due.js';

/** The worklist's output formats. */
export const WORKLIST_FORMATS = ['text', 'json', 'csv', 'ical'] as const;
export type WorklistFormat = (typeof WORKLIST_FORMATS)[number];

const _days = (n: number) => (n === 0 ? 'due today' : `${n} working day${n === 1 ? '' : 's'} left`);

/**
 * The worklist for a terminal: deadlines soonest first, then what waits on an event.
 *
 * @example
 * process.stdout.write(formatWorklistText(dueItems(results, options)));
 */
export function formatWorklistText(list: Worklist): string {
  const scope = list.within === undefined ? '' : ` within ${list.within} working days`;
  const lines = [`Due as of ${list.asOfDate}${scope}: ${list.due.length}`];
  for (const d of list.due) {
    lines.push(`  ${d.dueDay}  ${_days(d.workingDaysLeft)}  ${d.caseId}  ${d.ref} ${d.id}`, `    ${d.what}`);
  }
  lines.push('', `Due before an event not yet recorded: ${list.awaiting.length}`);
  for (const a of list.awaiting)
    lines.push(`  before ${a.waitsOn}  ${a.caseId}  ${a.ref} ${a.id}`, `    ${a.what}`);
  return `${lines.join('\n')}\n`;
}

/** The worklist as one JSON document. */
export function formatWorklistJson(list: Worklist): string {
  return `${JSON.stringify(list)}\n`;
}

/**
 * One CSV row per item (deadlines first, then undated items with an empty deadline), with a
 * header row, for a spreadsheet; a cell that a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) is given a leading `'`.
 */
export function formatWorklistCsv(list: Worklist): string {
  const header = ['caseId', 'ref', 'id', 'dueDate', 'dueAt', 'workingDaysLeft', 'waitsOn', 'what'];
  const rows = [
    ...list.due.map((d) => [d.caseId, d.ref, d.id, d.dueDate, d.dueAt, d.workingDaysLeft, '', d.what]),
    ...list.awaiting.map((a) => [a.caseId, a.ref, a.id, '', '', '', a.waitsOn, a.what]),
  ];
  // A case id from a hostile log (`=HYPERLINK(...)`) must not become a formula in a spreadsheet.
  return stringify([header, ...rows], { escape_formulas: true });
}

/**
 * One all-day iCalendar event per deadline, on its date, so a team can put its deadlines in a
 * calendar. Each event's UID is stable (case and indicator), so importing a later worklist updates
 * the same entries; `DTSTAMP` is the as-of instant, so the same run gives the same file.
 */
export function formatWorklistIcal(list: Worklist, options: { asOfMs: number }): string {
  const calendar = ical({
    name: `Complaint deadlines as of ${list.asOfDate}`,
    prodId: { company: 'service-standards', product: 'due', language: 'EN' },
  });
  for (const d of list.due) {
    calendar.createEvent({
      id: `${encodeURIComponent(d.caseId)}/${d.ref}@service-standards`,
      stamp: new Date(options.asOfMs),
      start: new Date(`${d.dueDate}T00:00:00Z`),
      allDay: true,
      summary: `${d.caseId}: ${d.ref} ${d.id} due`,
      description: d.what,
    });
  }
  return calendar.toString();
}
