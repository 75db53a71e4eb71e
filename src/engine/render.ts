import { requireObject, requireString } from '../model/usage-error.js';
import { dayFromIsoDate } from '../time/days.js';
import { formatDay, formatDayShort } from '../time/format.js';

/**
 * Fills an explanation template with measured values: `{path|filter:arg|...}`.
 *
 * A date that repeats the date its sentence named last (by `date`) is written "the same day"
 * after "on " or "(". Filters: `date` (Tue 7 May 2024), `span` (a run's `fromDate` to `toDate`, or a list fact's
 * `first.date` to `last.date`: "from Tue 7 May 2024 to Fri 10 May 2024", or "on Tue 7 May 2024"
 * for one day), `day` (Tue 7 May), `dates` (a list of dates), `list`
 * (a, b and c), `ids` (ids of cited items), `count:day:days` (3 days), `plural:day:days`,
 * `or:text` (when empty), `wrap:before:after` (only when not empty), `if:text` / `unless:text`
 * (text when the value is truthy / falsy), `closedDays` (" (Mon 6 May 2024 was not a working day)"),
 * `paused` ("3 paused working days not counted", nothing for 0: use with `wrap`), `items`
 * (triggers of a responses fact and how each was answered, joined by "; " and "; and "), `lower`,
 * `refs` (cited items as "e9 (Mon 3 Jun 2024)"), `priors` (items of a precedence fact as
 * "e6 (Fri 24 May 2024) before e9 (Mon 3 Jun 2024)", one per trigger, joined by "; ").
 * Arguments are taken as written, spaces included (only the path and filter names are trimmed).
 * A path that resolves to nothing without `or` is a defect in the rule, so it throws.
 *
 * @example
 * renderTemplate('Sent on {reply.first.responseDate|date}.', { reply: { first: { responseDate: '2024-05-07' } } });
 * // 'Sent on Tue 7 May 2024.'
 */
export function renderTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  const call = "renderTemplate('Sent on {sentAt|date}.', { sentAt: '2024-05-07' })";
  requireString('renderTemplate', template, 'template', call);
  requireObject('renderTemplate', values, 'values', call);
  return compileTemplate(template)(values);
}

/**
 * A template parsed once, ready to render many times. `asOf`, when given, is what `{asOf...}`
 * placeholders read instead of `values.asOf` (a rule's conditions read `asOf` in epoch ms, its
 * explanations as text).
 */
export type TemplateRenderer = (
  values: Readonly<Record<string, unknown>>,
  asOf?: Readonly<Record<string, unknown>>,
) => string;

/** A placeholder of a template, parsed once: the path's segments and the filters in order. */
interface _Placeholder {
  path: string;
  segments: readonly string[];
  filters: readonly _Filter[];
  handlesEmpty: boolean;
  /** It writes dates (a filter of {@link _NAMES_DATES}). */
  namesDates: boolean;
}

/** A filter of a placeholder: its name, its arguments, and them as one text (`or:a:b` gives "a:b"). */
interface _Filter {
  name: string;
  args: string[];
  text: string;
}

/**
 * Filters whose text names dates; `closedDays` is left out: its note is an aside naming a day to
 * say it was closed, not a date the sentence goes on from.
 */
const _NAMES_DATES: ReadonlySet<string> = new Set(['date', 'span', 'dates', 'refs', 'priors', 'items']);

/**
 * A placeholder's text with the date the sentence named last (`last`), if the text names it
 * again, written "the same day" where that reads well (after "on " or "(").
 */
function _sameDay(out: string, text: string, last: string | undefined): string {
  const at = last === undefined ? -1 : text.indexOf(last);
  if (at < 0) return text;
  const head = text.slice(0, at);
  if (_beginsSentence(head)) return text;
  const before = (at >= 3 ? head : out + head).slice(-3);
  if (before !== 'on ' && !before.endsWith('(')) return text;
  return `${head}the same day${text.slice(at + (last as string).length)}`;
}

/** Whether text holds the start of a new sentence (". " or "; "). */
const _beginsSentence = (text: string) => text.includes('. ') || text.includes('; ');

/**
 * Parses a template once into literal text and placeholders; rendering then only resolves
 * values. Throws for a filter that does not exist, so that a rule's mistake shows when it loads.
 *
 * @example
 * const render = compileTemplate('Sent on {reply.first.responseDate|date}.');
 * render({ reply: { first: { responseDate: '2024-05-07' } } }); // 'Sent on Tue 7 May 2024.'
 */
export function compileTemplate(template: string): TemplateRenderer {
  const literals: string[] = [];
  const holes: _Placeholder[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{([^{}]+)\}/g)) {
    literals.push(template.slice(last, m.index));
    last = m.index + m[0].length;
    // Only the path and the filter names are trimmed: arguments are text, spaces included.
    const [rawPath = '', ...rawFilters] = (m[1] as string).split('|');
    const path = rawPath.trim();
    const filters = rawFilters.map((f) => {
      const [rawName = '', ...args] = f.split(':');
      const name = rawName.trim();
      if (!_FILTERS.has(name)) throw new Error(`unknown filter "${name}" in the template for "${path}"`);
      return { name, args, text: args.join(':') };
    });
    holes.push({
      path,
      segments: path.split('.'),
      filters,
      handlesEmpty: filters.some((f) => _HANDLES_EMPTY.includes(f.name)),
      namesDates: filters.some((f) => _NAMES_DATES.has(f.name)),
    });
  }
  const tail = template.slice(last);
  if (holes.length === 0) return () => tail;
  return (values, asOf) => {
    let out = '';
    // The date the sentence being written named last, by a `date` filter (for "the same day").
    let lastDate: string | undefined;
    for (let i = 0; i < holes.length; i++) {
      const h = holes[i] as _Placeholder;
      let value: unknown =
        asOf !== undefined && h.segments[0] === 'asOf'
          ? _resolve(asOf, h.segments, 1)
          : _resolve(values, h.segments);
      let date: string | undefined;
      for (const f of h.filters) {
        value = _apply(f, value, h.path);
        if (f.name === 'date' && typeof value === 'string') date = value;
      }
      if (!h.handlesEmpty && (value === undefined || value === null)) {
        throw new Error(`explanation template refers to "${h.path}", which has no value`);
      }
      const literal = literals[i] as string;
      if (_beginsSentence(literal)) lastDate = undefined;
      out += literal;
      if (h.namesDates && typeof value === 'string') {
        value = _sameDay(out, value, lastDate);
        // Dates inside a list are not tracked: the next date is compared with this one only.
        lastDate = date !== undefined && !_beginsSentence(value as string) ? date : undefined;
      }
      out += value === undefined || value === null ? '' : String(value);
    }
    return out + tail;
  };
}

/** The filters {@link renderTemplate} knows (`_apply`). */
const _FILTERS: ReadonlySet<string> = new Set([
  'date',
  'span',
  'day',
  'dates',
  'list',
  'ids',
  'count',
  'plural',
  'or',
  'wrap',
  'if',
  'unless',
  'closedDays',
  'paused',
  'items',
  'lower',
  'words',
  'orList',
  'refs',
  'priors',
]);

/** Filters that turn a missing value into text (possibly empty) rather than an error. */
const _HANDLES_EMPTY = ['or', 'wrap', 'if', 'unless', 'closedDays', 'paused'];

/** The first segment of each placeholder's path: the facts a template reads. */
export function templateFacts(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string);
}

function _resolve(values: Readonly<Record<string, unknown>>, segments: readonly string[], from = 0): unknown {
  let v: unknown = values;
  for (let i = from; i < segments.length; i++) {
    const p = segments[i] as string;
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<string, unknown>)[p];
  }
  return v;
}

const _isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function _dateOf(v: unknown, short: boolean): string {
  if (typeof v !== 'string') throw new Error(`"${String(v)}" is not a date`);
  const day = dayFromIsoDate(v.slice(0, 10));
  return short ? formatDayShort(day) : formatDay(day);
}

/** "a", "a and b", "a, b and c"; or, with "; " and "; and ", "a; b; and c". */
export function formatList(items: readonly string[], separator = ', ', lastSeparator = ' and '): string {
  const n = items.length;
  if (n === 0) return '';
  let out = items[0] as string;
  for (let i = 1; i < n; i++) out += (i === n - 1 ? lastSeparator : separator) + (items[i] as string);
  return out;
}

/** "3 paused working days not counted", or nothing for none. */
function _pausedText(v: unknown): string {
  const n = Number(v ?? 0);
  return n > 0 ? `${n} paused working day${n === 1 ? '' : 's'} not counted` : '';
}

/** " (text)", or nothing for no text. */
const _parenthesized = (text: string) => (text ? ` (${text})` : '');

function _apply(filter: _Filter, v: unknown, path: string): unknown {
  const { name, args } = filter;
  switch (name) {
    case 'date':
      return v === undefined ? v : _dateOf(v, false);
    case 'day':
      return v === undefined ? v : _dateOf(v, true);
    case 'span':
      return v === undefined ? v : _span(v as _Span);
    case 'dates':
      return Array.isArray(v) ? formatList(v.map((d) => _dateOf(d, false))) : v;
    case 'list':
      return Array.isArray(v) ? formatList(v.map(String)) : v;
    case 'ids':
      return Array.isArray(v)
        ? formatList(
            v.map((x) =>
              x && typeof x === 'object'
                ? String((x as { id?: unknown; triggerId?: unknown }).triggerId ?? (x as { id?: unknown }).id)
                : String(x),
            ),
          )
        : v;
    case 'count':
    case 'plural': {
      if (v === undefined) return v; // left to `or`/`wrap`, else a missing value
      const n = Array.isArray(v) ? v.length : Number(v);
      const word = n === 1 ? (args[0] ?? '') : (args[1] ?? `${args[0]}s`);
      return name === 'count' ? `${n} ${word}` : word;
    }
    case 'or':
      return _isEmpty(v) ? filter.text : v;
    case 'wrap':
      return _isEmpty(v) ? '' : `${args[0] ?? ''}${String(v)}${args[1] ?? ''}`;
    case 'if':
      return _isEmpty(v) || v === false || v === 0 ? '' : filter.text;
    case 'unless':
      return _isEmpty(v) || v === false || v === 0 ? filter.text : '';
    case 'closedDays': {
      if (!Array.isArray(v) || v.length === 0) return '';
      const list = formatList(v.map((d) => _dateOf(d, false)));
      return v.length === 1 ? ` (${list} was not a working day)` : ` (${list} were not working days)`;
    }
    case 'paused':
      return _pausedText(v);
    case 'items':
      // Items contain commas, so they are joined by semicolons.
      return Array.isArray(v)
        ? formatList(
            v.map((x) => _describeItem(x as Record<string, unknown>, args[0])),
            '; ',
            '; and ',
          )
        : v;
    case 'lower':
      return typeof v === 'string' ? v.toLowerCase() : v;
    case 'words':
      // Vocabulary names read as words in prose: achievable_outcomes → achievable outcomes.
      return Array.isArray(v)
        ? v.map((x) => String(x).replaceAll('_', ' '))
        : typeof v === 'string'
          ? v.replaceAll('_', ' ')
          : v;
    case 'orList':
      return Array.isArray(v) ? formatList(v.map(String), ', ', ' or ') : v;
    case 'refs':
      return Array.isArray(v) ? _describeRefs(v as Record<string, unknown>[]) : v;
    case 'priors':
      return Array.isArray(v) ? v.map((x) => _describePriors(x as Record<string, unknown>)).join('; ') : v;
    default:
      throw new Error(`unknown filter "${name}" in the template for "${path}"`);
  }
}

/**
 * One trigger of a responses fact, in words: what it was, when, and how it was answered. Each
 * state works out only the parts it prints (explanations describe every item of a case).
 */
function _describeItem(i: Record<string, unknown>, verb = 'answered by'): string {
  const start = `${String(i.triggerId)} (${_dateOf(i.startDate, false)})`;
  switch (i.state) {
    case 'met': {
      if (i.responseId === i.triggerId) return `${start}, which met the requirement itself`;
      // Answered on the day it started: "the same day" says it all.
      const when = i.responseDate === i.startDate ? '' : _elapsedText(i);
      const pausedText = _pausedText(i.pausedWorkingDays);
      return `${start}, ${_answered(i, verb)}${_parenthesized(when && pausedText ? `${when}, ${pausedText}` : when || pausedText)}`;
    }
    case 'late': {
      const elapsed = _elapsedText(i);
      const due = _describeDeadline(i);
      return `${start}, ${_answered(i, verb)}${elapsed ? `, ${elapsed} later` : ''}${_pausedNote(i)}${due ? `, after ${_byDeadline(i, due)}` : ''}`;
    }
    case 'missing':
      // Due the day it started (a remedy due the day it was offered): the date is named once.
      if (i.deadline === i.startDate)
        return `${start}, with nothing by its deadline that day${_pausedNote(i)}`;
      return `${start}, with nothing by ${_byDeadline(i, _describeDeadline(i))}${_pausedNote(i)}`;
    case 'open': {
      const due = _describeDeadline(i);
      return due ? `${start}, due by ${due}${_pausedNote(i)}` : `${start}, not answered yet`;
    }
    default:
      return `${start}, set aside by ${String(i.cancelledBy)}`;
  }
}

/** "3 working days", "1 working day", "the same working day", or nothing when not measured. */
function _elapsedText(i: Record<string, unknown>): string {
  if (typeof i.elapsed !== 'number') return '';
  if (i.elapsed === 0) return 'the same working day';
  return `${i.elapsed} working day${i.elapsed === 1 ? '' : 's'}`;
}

/** " (3 paused working days not counted)", or nothing. */
const _pausedNote = (i: Record<string, unknown>) => _parenthesized(_pausedText(i.pausedWorkingDays));

/** An anchor is named as itself ("by e9 (date)"); a day or a time as "the deadline of ...". */
const _byDeadline = (i: Record<string, unknown>, due: string | undefined) =>
  typeof i.deadlineId === 'string' ? due : `the deadline of ${due}`;

/** How a responses item was answered: "answered by e9 on Tue 7 May 2024", or "... the same day". */
function _answered(i: Record<string, unknown>, verb: string): string {
  const when = i.responseDate === i.startDate ? 'the same day' : `on ${_dateOf(i.responseDate, false)}`;
  return `${verb} ${String(i.responseId)} ${when}`;
}

/** A responses item's deadline: "Tue 7 May 2024", "12:00 on Mon 1 Jul 2024", or an anchor "e9 (Tue 2 Jul 2024)". */
function _describeDeadline(i: Record<string, unknown>): string | undefined {
  if (typeof i.deadline !== 'string') return undefined;
  const date = _dateOf(i.deadline, false);
  if (typeof i.deadlineId === 'string') return `${i.deadlineId} (${date})`;
  return i.deadline.length > 10 ? `${i.deadline.slice(11, 16)} on ${date}` : date;
}

/**
 * A run's `fromDate` to `toDate`, or a list fact's `first.date` to `last.date`: "from Tue 7 May
 * 2024 to Fri 10 May 2024", or "on Tue 7 May 2024" for one day.
 */
function _span(v: _Span): string {
  const from = _dateOf(v.fromDate ?? v.first?.date, false);
  const to = _dateOf(v.toDate ?? v.last?.date, false);
  return from === to ? `on ${from}` : `from ${from} to ${to}`;
}

type _Span = { fromDate?: unknown; toDate?: unknown; first?: { date?: unknown }; last?: { date?: unknown } };

/** Cited items as "id (date)", items of one date together: "e3 (Tue 7 May 2024), e4 and e5 (Wed 8 May 2024)". */
function _describeRefs(items: readonly Record<string, unknown>[]): string {
  return _idsByDate(
    items.map((x) => [String(x.triggerId ?? x.id), x.triggerDate ?? x.startDate ?? x.date] as const),
  );
}

/** Ids with their dates, those of one date (in a row) named together before it. */
function _idsByDate(refs: readonly (readonly [string, unknown])[]): string {
  const groups: string[] = [];
  let ids: string[] = [];
  let date: unknown;
  for (const [id, d] of refs) {
    if (ids.length > 0 && d !== date) {
      groups.push(`${formatList(ids)} (${_dateOf(date, false)})`);
      ids = [];
    }
    ids.push(id);
    date = d;
  }
  if (ids.length > 0) groups.push(`${formatList(ids)} (${_dateOf(date, false)})`);
  return formatList(groups);
}

/** One trigger of a precedence fact with the events found before it: "e6 (Fri 24 May 2024) before e9 (the same day)". */
function _describePriors(i: Record<string, unknown>): string {
  const ids = Array.isArray(i.priorIds) ? i.priorIds : [];
  const dates = Array.isArray(i.priorDates) ? i.priorDates : [];
  const priors = _idsByDate(ids.map((id, k) => [String(id), dates[k]] as const));
  const date = _dateOf(i.triggerDate ?? i.startDate ?? i.date, false);
  const lastPrior = dates.length > 0 ? _dateOf(dates[dates.length - 1], false) : undefined;
  return `${priors} before ${String(i.triggerId ?? i.id)} (${date === lastPrior ? 'the same day' : date})`;
}
