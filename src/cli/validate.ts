import { normalizeCase } from '../engine/normalize.js';
import type { Config } from '../model/config.js';
import { formatIssue, type InputIssue } from '../model/issues.js';
import type { ReadLimits } from '../readers/limits.js';
import { parseMapping } from '../readers/load-mapping.js';
import { locateIssues } from '../readers/locate.js';
import { withMappingCalendar } from '../readers/mapping-calendar.js';
import type { OcelOptions } from '../readers/ocel.js';
import { readCases } from '../readers/read-cases.js';
import { createReadStats } from '../readers/stats.js';
import { type InputFormat, isRejected } from '../readers/types.js';
import { loadRuleset } from '../rules/load-ruleset.js';
import { prepareWithConfigFile } from './check.js';
import { forTerminal } from './display.js';
import { EXIT } from './errors.js';
import { type CliIo, writeText } from './io.js';
import { readJsonFile } from './load-json.js';

/** Unmapped activities listed at most; the rest are counted. */
const _UNMAPPED_SHOWN = 50;

/**
 * Unmapped activities, the most frequent first (ties by name), as `docs/mapping.md` promises.
 * @example
 * unmappedByFrequency(new Map([['b', 1], ['a', 5]])); // [['a', 5], ['b', 1]]
 */
export function unmappedByFrequency(counts: ReadonlyMap<string, number>): [string, number][] {
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}

/** Options of {@link runValidate}. */
export interface ValidateOptions {
  inputs: readonly string[];
  inputFormat?: InputFormat | undefined;
  sortedByCase?: boolean | undefined;
  mapping?: string | undefined;
  config?: string | undefined;
  /** An empty input, or no case at all, is not an error. */
  allowEmpty?: boolean | undefined;
  limits?: Partial<ReadLimits> | undefined;
  /** How OCEL inputs become cases (`--case-object-type`, `--through-related-objects`). */
  ocel?: OcelOptions | undefined;
  /** `json`: one JSON object on standard output (see {@link ValidationReport}), nothing on standard error. */
  format?: 'text' | 'json' | undefined;
}

/** What `validate --format json` writes: counts, every problem located, warnings, unmapped activities. */
export interface ValidationReport {
  valid: boolean;
  cases: number;
  events: number;
  invalidCases: number;
  problems: InputIssue[];
  warnings: string[];
  /** Activities no mapping rule matched (kept as x- events), with their counts, most frequent first. */
  unmappedActivities: { activity: string; count: number }[];
}

/**
 * `service-standards validate`: checks the inputs only and lists every problem (file, line or
 * record, field, message). Exit 2 when there is any, else 0.
 *
 * @example
 * const code = await runValidate({ inputs: ['log.ndjson'] }, processIo());
 */
export async function runValidate(options: ValidateOptions, io: CliIo): Promise<number> {
  const raw = options.config ? (await readJsonFile(options.config, 'config')).value : {};
  // The config is checked as `check` checks it (an unknown zone or parameter is an error), and
  // naive times are read in its zone (or the shipped ruleset's), as `check` reads them.
  const mapping = options.mapping
    ? parseMapping((await readJsonFile(options.mapping, 'mapping')).value, options.mapping)
    : undefined;
  // The mapping's calendar zone reads naive times too, unless the config names one.
  const { config } = withMappingCalendar(raw as Config, mapping);
  const { calendar } = prepareWithConfigFile(await loadRuleset(), { config }, options.config);
  const clock = calendar.clock;
  const stats = createReadStats();
  const problems: InputIssue[] = [];
  let invalidCases = 0;
  for await (const item of readCases(options.inputs, {
    inputFormat: options.inputFormat,
    mapping,
    sortedByCase: options.sortedByCase,
    stdin: io.stdin,
    stats,
    allowEmpty: options.allowEmpty,
    limits: options.limits,
    ocel: options.ocel,
  })) {
    const found = isRejected(item)
      ? item.rejected.problems
      : (() => {
          const r = normalizeCase(item, { zone: clock, asOfMs: Number.MAX_SAFE_INTEGER });
          return r.success ? [] : locateIssues(r.issues, item.source);
        })();
    if (found.length === 0) continue;
    invalidCases++;
    const caseId = isRejected(item) ? item.rejected.caseId : item.caseId;
    for (const p of found) problems.push({ ...p, message: `case ${caseId}: ${p.message}` });
  }
  // Listed by input and line, as a compiler lists errors: a flat log's case is complete, and so
  // checked, only at the end of its file, whichever line its problem is on.
  const inputOrder = new Map(stats.inputs.map((input, i) => [input.file, i]));
  const at = (p: InputIssue) => [inputOrder.get(p.file ?? '') ?? Infinity, p.line ?? Infinity];
  const cmp = (x = 0, y = 0) => (x < y ? -1 : x > y ? 1 : 0);
  problems.sort((a, b) => {
    const [fa, la] = at(a);
    const [fb, lb] = at(b);
    return cmp(fa, fb) || cmp(la, lb);
  });
  const code = invalidCases > 0 ? EXIT.input : EXIT.ok;
  if (options.format === 'json') {
    const report: ValidationReport = {
      valid: invalidCases === 0,
      cases: stats.cases,
      events: stats.events,
      invalidCases,
      problems,
      warnings: [...stats.warnings],
      unmappedActivities: unmappedByFrequency(stats.unmappedActivities).map(([activity, count]) => ({
        activity,
        count,
      })),
    };
    await writeText(io.stdout, `${JSON.stringify(report, null, 2)}\n`);
    return code;
  }
  for (const p of problems) await writeText(io.stdout, `${forTerminal(formatIssue(p))}\n`);
  for (const w of stats.warnings) await writeText(io.stderr, `warning: ${forTerminal(w)}\n`);
  const unmapped = [...stats.unmappedActivities.values()].reduce((a, b) => a + b, 0);
  const listed = unmappedByFrequency(stats.unmappedActivities);
  if (listed.length > 0) {
    await writeText(io.stderr, 'unmapped activities (kept as x- events), most frequent first:\n');
    for (const [activity, count] of listed.slice(0, _UNMAPPED_SHOWN))
      await writeText(io.stderr, `  ${String(count).padStart(7)}  ${forTerminal(activity)}\n`);
    if (listed.length > _UNMAPPED_SHOWN)
      await writeText(io.stderr, `  ... and ${listed.length - _UNMAPPED_SHOWN} more\n`);
  }
  await writeText(
    io.stderr,
    `${stats.cases} case(s), ${stats.events} event(s) read: ${
      invalidCases === 0 ? 'all valid' : `${invalidCases} invalid case(s), ${problems.length} problem(s)`
    }${unmapped > 0 ? `; ${unmapped} event(s) of unmapped activities kept as x- events` : ''}\n`,
  );
  return code;
}
