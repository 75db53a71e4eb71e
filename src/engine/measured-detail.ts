import type { Detail, Status } from '../model/finding.js';
import type { Condition, RuleFile } from '../model/rule.js';
import { requireObject } from '../model/usage-error.js';

/** The values a rule's findings read: paths into the facts (and `case`), sorted, each once. */
export interface MeasuredReads {
  readonly paths: readonly (readonly string[])[];
}

// Parameters are in `meta.parameters` and `asOf` in `meta.asOf`: a finding does not repeat them.
const _NOT_MEASURED = new Set(['params', 'asOf']);

/**
 * Whether `measured` keeps a path: not parameters nor `asOf`, and not a path through a list
 * index (per-item values are in `--detail full`; the explanation states them).
 */
const _kept = (segments: readonly string[]): boolean =>
  segments.length > 0 &&
  !_NOT_MEASURED.has(segments[0] as string) &&
  !segments.some((s) => s === '' || /^[0-9]+$/.test(s));

/** Which of a rule's paths (its {@link measuredReads}) a condition or a template reads. */
export interface ReadIndex {
  /** The indices into `paths` of what the condition reads, ascending (none for no condition). */
  condition(c: Condition | undefined): number[];
  /** The indices into `paths` of what the explanation template reads, ascending. */
  template(text: string): number[];
}

/**
 * Looks up conditions and templates among a rule's paths, so that a finding marks what it read
 * by index (as it cites facts) and its `measured` is picked in the paths' order, without sorting.
 *
 * @example
 * const index = readIndex(measuredReads(rule));
 * index.template('{explained.late|count:day:days}'); // [9]
 */
export function readIndex(reads: MeasuredReads): ReadIndex {
  const at = new Map(reads.paths.map((p, i) => [p.join('.'), i] as const));
  const of = (paths: readonly (readonly string[])[]) => {
    const found = new Set<number>();
    for (const p of paths) {
      const i = _kept(p) ? at.get(p.join('.')) : undefined;
      if (i !== undefined) found.add(i);
    }
    return [...found].sort((x, y) => x - y);
  };
  return {
    condition: (c) => (c === undefined ? [] : of(conditionPaths(c))),
    template: (text) => of(placeholderPaths(text)),
  };
}

/**
 * What any finding of a rule may read, worked out once per rule: every path its checks'
 * conditions compare and every placeholder of its checks' explanations. Left out: the rule's own
 * `appliesWhen` and `not_applicable` sentence (a finding's status says whether the rule applied,
 * and a not-applicable finding has no `measured`), `dueAt` paths (the finding's `dueAt` states
 * the result), parameters and `asOf`, and paths through a list index. One finding reads less:
 * see {@link findingMeasured}.
 *
 * @example
 * measuredReads(rule).paths; // [['explained', 'first', 'deadline'], ['explained', 'late'], ...]
 */
export function measuredReads(rule: RuleFile): MeasuredReads {
  requireObject('measuredReads', rule, 'rule', 'measuredReads(ruleFile)');
  const found = new Map<string, readonly string[]>();
  const add = (paths: readonly (readonly string[])[]) => {
    for (const p of paths) if (_kept(p)) found.set(p.join('.'), p);
  };
  const addCondition = (c: Condition | undefined) => {
    if (c) add(conditionPaths(c));
  };
  const addTemplate = (t: string | undefined) => {
    if (t !== undefined) add(placeholderPaths(t));
  };
  for (const check of rule.checks) {
    addCondition(check.appliesWhen);
    for (const t of Object.values(check.explain)) addTemplate(t);
    for (const o of check.outcomes) {
      addCondition(o.when);
      addTemplate(o.explain);
    }
  }
  return { paths: [...found.values()].sort(_compareSegments) };
}

/**
 * A finding's `measured` at `findings` or `summary` (at `full` it is everything its facts
 * measured); undefined when it has none (`summary`, and a not-applicable or error finding, which
 * read nothing worth keeping). Else the values at the paths of `reads` (the rule's) that this
 * finding read (`read[i]` true): what its checks' conditions and the sentences of its explanation
 * read.
 */
export function findingMeasured(
  detail: Exclude<Detail, 'full'>,
  status: Status,
  reads: MeasuredReads,
  read: readonly boolean[],
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> | undefined {
  if (detail === 'summary' || status === 'not_applicable' || status === 'error') return undefined;
  return pickMeasured(reads, values, read);
}

/**
 * The values at `reads`' paths (those with `only[i]` true, when `only` is given), nested as in
 * the facts, keys in code-unit order (the paths are sorted). Only plain values are taken (an id,
 * a date, a count): an object or a list is left out, so no per-item list is copied (the ids a
 * finding cites are its `evidence`, and `--detail full` keeps every list).
 */
export function pickMeasured(
  reads: MeasuredReads,
  values: Readonly<Record<string, unknown>>,
  only?: readonly boolean[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const { paths } = reads;
  for (let p = 0; p < paths.length; p++) {
    if (only !== undefined && only[p] !== true) continue;
    const path = paths[p] as readonly string[];
    const value = _scalar(_resolve(values, path));
    if (value === undefined) continue;
    let target = out;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as string;
      let next = target[key] as Record<string, unknown> | undefined;
      if (next === undefined) {
        next = {};
        target[key] = next;
      }
      target = next;
    }
    target[path[path.length - 1] as string] = value;
  }
  return out;
}

/** Each path a condition reads, as segments (`fact` then the JSONPath's keys). */
export function conditionPaths(c: Condition): string[][] {
  if ('all' in c) return c.all.flatMap(conditionPaths);
  if ('any' in c) return c.any.flatMap(conditionPaths);
  if ('not' in c) return conditionPaths(c.not);
  const out = [[c.fact, ..._jsonPathSegments(c.path)]];
  const v = c.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v))
    out.push([v.fact, ..._jsonPathSegments(v.path)]);
  return out;
}

/** Each placeholder's path in an explanation template (`{a.b|date}` gives `['a', 'b']`). */
export function placeholderPaths(template: string): string[][] {
  return [...template.matchAll(/\{([^{}]+)\}/g)].map((m) =>
    ((m[1] as string).split('|')[0] as string).trim().split('.'),
  );
}

/** `$.first.elapsed` → `['first', 'elapsed']`; `$[0]` → `['0']` (a list index). */
function _jsonPathSegments(path: string | undefined): string[] {
  if (path === undefined) return [];
  return [...path.matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]/g)].map((m) => (m[1] ?? m[2]) as string);
}

function _resolve(values: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let v: unknown = values;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A plain value in JSON form (a non-finite number as `null`), or undefined for anything else. */
function _scalar(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  return undefined;
}

function _compareSegments(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
