/**
 * What `check` settles before it reads a case: the ruleset, config and mapping loaded, the
 * selection checked, the rules prepared, the thresholds and `asOf` resolved.
 */
import { resolveAsOfMs } from '../engine/evaluate-case.js';
import {
  ConfigError,
  type PreparedEvaluation,
  type PrepareEvaluationOptions,
  prepareEvaluation,
} from '../engine/prepare.js';
import type { Ruleset } from '../engine/ruleset.js';
import type { Config } from '../model/config.js';
import type { Mapping } from '../model/mapping.js';
import { parseMapping } from '../readers/load-mapping.js';
import { withMappingCalendar } from '../readers/mapping-calendar.js';
import { loadRuleset, rulesetDirOf } from '../rules/load-ruleset.js';
import { parseInstant } from '../time/instant.js';
import type { CheckOptions } from './check-options.js';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { readJsonFile } from './load-json.js';
import { assertKnownThresholdRefs, type FailOn, type MinCompliance } from './thresholds.js';

/** A file named on the command line, as read: `meta` names and hashes it. */
export interface ReadFile {
  file: string;
  bytes: Buffer;
}

/** A run of `check`, set up; see the module's comment. */
export interface CheckSetup {
  ruleset: Ruleset;
  /** The config file's settings with the mapping's calendar under them. */
  config: Config;
  mapping?: Mapping | undefined;
  /** The config and mapping files as named and read (`meta` hashes them). */
  configFile?: ReadFile | undefined;
  mappingFile?: ReadFile | undefined;
  /** What combining the mapping's calendar with the config has to say. */
  calendarWarnings: readonly string[];
  prepared: PreparedEvaluation;
  minimums: MinCompliance[];
  failOn: FailOn;
  asOfMs: number;
  asOfSource: 'option' | 'now';
}

/**
 * {@link prepareEvaluation}, with the configuration's problems naming the file they are in.
 *
 * @example
 * const prepared = prepareWithConfigFile(ruleset, { config }, 'config.json');
 */
export function prepareWithConfigFile(
  ruleset: Ruleset,
  options: PrepareEvaluationOptions,
  file: string | undefined,
) {
  try {
    return prepareEvaluation(ruleset, options);
  } catch (e) {
    if (!(e instanceof ConfigError) || !file) throw e;
    // Problems of the rules themselves (`rules.<ref>`) are not in the config file.
    throw new ConfigError(e.issues.map((i) => (i.path[0] === 'rules' ? i : { ...i, file: i.file ?? file })));
  }
}

/** What {@link setUpCheck} reads of a command's options (`check`'s, or another command's built on it). */
export type CheckSetupOptions = Pick<
  CheckOptions,
  'ruleset' | 'config' | 'mapping' | 'only' | 'skip' | 'minCompliance' | 'failOn' | 'asOf'
>;

/** Loads and checks everything a run needs before reading; throws on the first problem. */
export async function setUpCheck(options: CheckSetupOptions, io: CliIo): Promise<CheckSetup> {
  const ruleset = await loadRuleset(options.ruleset ? { dir: rulesetDirOf(options.ruleset) } : {});
  const { config: configSettings, file: configFile } = await _loadConfig(options.config);
  const { mapping, file: mappingFile } = await _loadMapping(options.mapping);
  // The mapping may carry the log's calendar; the config's own settings win.
  const { config, warnings: calendarWarnings } = withMappingCalendar(configSettings, mapping);
  _assertSelectorsMatch(ruleset, options);
  const prepared = prepareWithConfigFile(
    ruleset,
    { config, only: options.only, skip: options.skip },
    options.config,
  );
  const minimums = [
    ...(config.thresholds?.minCompliance !== undefined ? [{ percent: config.thresholds.minCompliance }] : []),
    ...Object.entries(config.thresholds?.indicators ?? {}).map(([ref, percent]) => ({ ref, percent })),
    ...(options.minCompliance ?? []),
  ];
  assertKnownThresholdRefs(ruleset, minimums);
  return {
    ruleset,
    config,
    mapping,
    configFile,
    mappingFile,
    calendarWarnings,
    prepared,
    minimums,
    failOn: (options.failOn ?? config.thresholds?.failOn ?? 'fail') as FailOn,
    asOfMs: _resolveAsOf(options.asOf, prepared.zone, io),
    asOfSource: options.asOf ? 'option' : 'now',
  };
}

/** Loads the config file named on the command line (or none). */
async function _loadConfig(file: string | undefined): Promise<{ config: Config; file?: ReadFile }> {
  if (!file) return { config: {} };
  const { value, bytes } = await readJsonFile(file, 'config');
  return { config: value as Config, file: { file, bytes } };
}

async function _loadMapping(file: string | undefined): Promise<{ mapping?: Mapping; file?: ReadFile }> {
  if (!file) return {};
  const { value, bytes } = await readJsonFile(file, 'mapping');
  return { mapping: parseMapping(value, file), file: { file, bytes } };
}

/** A typo in `--only` or `--skip` must not quietly judge nothing (or everything). */
function _assertSelectorsMatch(ruleset: Ruleset, options: CheckSetupOptions): void {
  for (const [flag, selectors] of [
    ['--only', options.only],
    ['--skip', options.skip],
  ] as const) {
    for (const s of selectors ?? []) {
      if (!ruleset.rules.some((r) => s === r.id || s === r.ref || r.ref.startsWith(`${s}.`)))
        throw new UsageError(`${flag}: no indicator has ref or id "${s}" or a ref under it`);
    }
  }
}

/** `--as-of` (or now) as epoch milliseconds; a problem is a usage error naming the value given. */
function _resolveAsOf(asOf: string | undefined, zone: string, io: CliIo): number {
  const instant = _asOfInstant(asOf, zone);
  try {
    return resolveAsOfMs(instant ?? io.now(), zone);
  } catch (e) {
    // The message names the value as given, not the instant a date alone resolved to.
    const message = (e as Error).message.replace(/^asOf: /, '').replace(String(instant), asOf ?? '');
    throw new UsageError(`--as-of: ${message}`);
  }
}

/**
 * `--as-of` as an instant: a date alone is the end of that local day in the calendar's zone
 * (its last millisecond: `--as-of 2025-06-30` judges everything that happened on 30 June).
 */
function _asOfInstant(asOf: string | undefined, zone: string): string | number | undefined {
  if (asOf === undefined) return undefined;
  const parsed = parseInstant(asOf, zone, 'end');
  return 'error' in parsed || !parsed.dateOnly ? asOf : parsed.epochMs;
}
