import { dayFromIsoDate } from '../time/days.js';
import { formatDay, formatDayShort } from '../time/format.js';

/**
 * Fills an explanation template with measured values: `{path|filter:arg|...}`.
 *
 * Filters: `date` (Tue 7 May 2024), `day` (Tue 7 May), `dates` (a list of dates), `list`
 * (a, b and c), `ids` (ids of cited items), `count:day:days` (3 days), `plural:day:days`,
 * `or:text` (when empty), `wrap:before:after` (only when not empty), `if:text` / `unless:text`
 * (text when the value is truthy / falsy), `closedDays` (" (Mon 6 May 2024 was not a working day)"),
 * `items` (triggers of a responses fact and how each was answered), `lower`, `refs` (cited items
 * as "e9 (Mon 3 Jun 2024)"), `priors` (items of a precedence fact as "e6 (Fri 24 May 2024) before
 * e9 (Mon 3 Jun 2024)", one per trigger, joined by "; ").
 * A path that resolves to nothing without `or` is a defect in the rule, so it throws.
 *
 * @example
 * renderTemplate('Sent on {reply.first.responseDate|date}.', { reply: { first: { responseDate: '2024-05-07' } } });
 * // 'Sent on Tue 7 May 2024.'
 */
export function renderTemplate(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([^{}]+)\}/g, (_, expr: string) => {
    const [path = '', ...filters] = expr.split('|').map((s) => s.trim());
    let value: unknown = _resolve(values, path);
    let handledEmpty = false;
    for (const f of filters) {
      const [name, ...args] = f.split(':');
      if (name === 'or' || name === 'wrap' || name === 'if' || name === 'unless' || name === 'closedDays') {
        handledEmpty = true;
      }
      value = _apply(name ?? '', args, value, path);
    }
    if (!handledEmpty && (value === undefined || value === null)) {
      throw new Error(`explanation template refers to "${path}", which has no value`);
    }
    return value === undefined || value === null ? '' : String(value);
  });
}

/** The first segment of each placeholder's path: the facts a template reads. */
export function templateFacts(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string);
}

function _resolve(values: Readonly<Record<string, unknown>>, path: string): unknown {
  let v: unknown = values;
  for (const p of path.split('.')) {
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

/** "a", "a and b", "a, b and c". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function _apply(name: string, args: string[], v: unknown, path: string): unknown {
  switch (name) {
    case 'date':
      return v === undefined ? v : _dateOf(v, false);
    case 'day':
      return v === undefined ? v : _dateOf(v, true);
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
      return _isEmpty(v) ? args.join(':') : v;
    case 'wrap':
      return _isEmpty(v) ? '' : `${args[0] ?? ''}${String(v)}${args[1] ?? ''}`;
    case 'if':
      return _isEmpty(v) || v === false || v === 0 ? '' : args.join(':');
    case 'unless':
      return _isEmpty(v) || v === false || v === 0 ? args.join(':') : '';
    case 'closedDays': {
      if (!Array.isArray(v) || v.length === 0) return '';
      const list = formatList(v.map((d) => _dateOf(d, false)));
      return v.length === 1 ? ` (${list} was not a working day)` : ` (${list} were not working days)`;
    }
    case 'items':
      return Array.isArray(v) ? formatList(v.map((x) => _describeItem(x as Record<string, unknown>))) : v;
    case 'lower':
      return typeof v === 'string' ? v.toLowerCase() : v;
    case 'refs':
      return Array.isArray(v) ? formatList(v.map((x) => _describeRef(x as Record<string, unknown>))) : v;
    case 'priors':
      return Array.isArray(v) ? v.map((x) => _describePriors(x as Record<string, unknown>)).join('; ') : v;
    default:
      throw new Error(`unknown filter "${name}" in the template for "${path}"`);
  }
}

/** One trigger of a responses fact, in words: what it was, when, and how it was answered. */
function _describeItem(i: Record<string, unknown>): string {
  const start = `${String(i.triggerId)} (${_dateOf(i.startDate, false)})`;
  const deadline = typeof i.deadline === 'string' ? _dateOf(i.deadline, false) : undefined;
  const elapsed =
    typeof i.elapsed === 'number' ? `${i.elapsed} working day${i.elapsed === 1 ? '' : 's'}` : undefined;
  switch (i.state) {
    case 'met':
      return i.responseId === i.triggerId
        ? `${start}, which met it itself`
        : `${start}, answered by ${String(i.responseId)} on ${_dateOf(i.responseDate, false)}${elapsed ? ` (${elapsed})` : ''}`;
    case 'late':
      return `${start}, answered by ${String(i.responseId)} on ${_dateOf(i.responseDate, false)}${elapsed ? `, ${elapsed} later` : ''}${deadline ? `, after the deadline of ${deadline}` : ''}`;
    case 'missing':
      return `${start}, with nothing by the deadline of ${deadline ?? 'the decision'}`;
    case 'open':
      return `${start}, due by ${deadline ?? 'the decision'}`;
    default:
      return `${start}, set aside by ${String(i.cancelledBy)}`;
  }
}

/** A cited item as "id (date)": an event ref, a responses item or a precedence item. */
function _describeRef(x: Record<string, unknown>): string {
  const id = x.triggerId ?? x.id;
  const date = x.triggerDate ?? x.startDate ?? x.date;
  return `${String(id)} (${_dateOf(date, false)})`;
}

/** One trigger of a precedence fact with the events found before it. */
function _describePriors(i: Record<string, unknown>): string {
  const ids = Array.isArray(i.priorIds) ? i.priorIds : [];
  const dates = Array.isArray(i.priorDates) ? i.priorDates : [];
  const priors = formatList(ids.map((id, k) => `${String(id)} (${_dateOf(dates[k], false)})`));
  return `${priors} before ${_describeRef(i)}`;
}
