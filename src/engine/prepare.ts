import { type Config, ConfigSchema, type ParameterValue } from '../model/config.js';
import type { InputIssue } from '../model/issues.js';
import type { ParameterDefinition } from '../model/rule.js';
import { schemaIssues } from '../model/schema-issues.js';
import { createCalendar, type WorkingCalendar } from '../time/calendar.js';
import type { HolidaySource } from '../time/holidays.js';
import { calendarIssuePath, withHolidayTypes } from './calendar-config.js';
import { type CompiledRule, compileRule } from './compiled-rule.js';
import { parameterProblem } from './parameter-problem.js';
import type { Ruleset } from './ruleset.js';
import { checkSelectors, requireRulesetValue } from './usage.js';

/** A configuration that failed validation. */
export class ConfigError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(
      `invalid configuration:\n${issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Options of {@link prepareEvaluation}. */
export interface PrepareEvaluationOptions {
  config?: Config | undefined;
  /** Refs (or prefixes such as `1.2`) or ids to keep; all when absent. */
  only?: readonly string[] | undefined;
  /** Refs (or prefixes) or ids to leave out. */
  skip?: readonly string[] | undefined;
}

/** A ruleset compiled for one configuration: the calendar, and the enabled rules in order. */
export interface PreparedEvaluation {
  readonly ruleset: Ruleset;
  readonly config: Config;
  readonly zone: string;
  readonly calendar: WorkingCalendar;
  readonly holidaySource: HolidaySource;
  readonly rules: readonly CompiledRule[];
}

const _matches = (sel: string, ref: string, id: string) =>
  sel === id || sel === ref || ref.startsWith(`${sel}.`);

/**
 * Validates the configuration and compiles the ruleset for it: parameters are the ruleset's
 * defaults, overridden by `config.parameters`, then by `config.indicators[ref].parameters`;
 * indicators switched off (`enabled: false`), or outside `only`/inside `skip`, are left out.
 *
 * @example
 * const prepared = prepareEvaluation(ruleset, { config: { parameters: { acknowledgeWithin: 5 } } });
 */
export function prepareEvaluation(
  ruleset: Ruleset,
  options: PrepareEvaluationOptions = {},
): PreparedEvaluation {
  requireRulesetValue('prepareEvaluation', ruleset, 'the ruleset (its first argument)');
  // A typo must not quietly judge nothing, or everything (the command says the same).
  checkSelectors(ruleset, 'only', options.only ?? []);
  checkSelectors(ruleset, 'skip', options.skip ?? []);
  // Parsed once per preparation: zod's compiled fast path would cost more than it saves.
  const raw = options.config ?? {};
  // zod would copy a `__proto__` key as the copy's prototype, hiding it: refuse it first.
  const protoKeys = _protoKeyPaths(raw, []);
  if (protoKeys.length > 0)
    throw new ConfigError(
      protoKeys.map((path) => ({
        code: 'invalid_key',
        path,
        message: '"__proto__" is not allowed as a key',
      })),
    );
  const parsed = ConfigSchema.safeParse(raw, {
    // Stryker disable next-line BooleanLiteral: compiled or not, zod's result is the same (only slower)
    jitless: true,
    reportInput: true,
  });
  if (!parsed.success) throw new ConfigError(schemaIssues(ConfigSchema, parsed.error.issues));
  const config = parsed.data;
  const { manifest } = ruleset;
  const issues: InputIssue[] = [];
  const defs = manifest.parameters;
  const base = _overrideParams(
    defs,
    Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, d.default])),
    config.parameters,
    ['parameters'],
    issues,
  );
  const refs = new Set(ruleset.rules.flatMap((r) => [r.ref, r.id]));
  for (const key of Object.keys(config.indicators ?? {})) {
    if (!refs.has(key))
      issues.push({
        code: 'unknown_indicator',
        path: ['indicators', key],
        message: `no indicator has ref or id "${key}"`,
      });
  }
  const rules: CompiledRule[] = [];
  for (const rule of ruleset.rules) {
    const own = config.indicators?.[rule.ref] ?? config.indicators?.[rule.id];
    if (own?.enabled === false) continue;
    if (options.only && options.only.length > 0 && !options.only.some((s) => _matches(s, rule.ref, rule.id)))
      continue;
    if (options.skip?.some((s) => _matches(s, rule.ref, rule.id))) continue;
    const params = _overrideParams(
      defs,
      base,
      own?.parameters,
      ['indicators', rule.ref, 'parameters'],
      issues,
    );
    const mine = Object.fromEntries(rule.parameters.map((p) => [p, params[p] as ParameterValue]));
    try {
      rules.push(compileRule(rule, { filters: manifest.filters, params: mine }));
    } catch (e) {
      issues.push({ code: 'invalid_rule', path: ['rules', rule.ref], message: (e as Error).message });
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const zone = config.zone ?? manifest.calendar.zone;
  const holidaySource = withHolidayTypes(
    (config.calendar?.holidays ?? manifest.calendar.holidays) as HolidaySource,
    config.calendar?.holidayTypes,
  );
  let calendar: WorkingCalendar;
  try {
    calendar = createCalendar({
      zone,
      holidays: holidaySource,
      // The calendar's own defaults (none, none, Saturday and Sunday, true) fill what is absent.
      extraHolidays: config.calendar?.extraHolidays,
      closures: config.calendar?.closures,
      weekend: config.calendar?.weekend,
      countReceiptDay: config.calendar?.countReceiptDay ?? manifest.calendar.countReceiptDay,
      pausesStopClocks: config.calendar?.pausesStopClocks ?? manifest.calendar.pausesStopClocks,
    });
  } catch (e) {
    const message = (e as Error).message;
    throw new ConfigError([{ code: 'invalid_calendar', path: calendarIssuePath(message), message }]);
  }
  return Object.freeze({ ruleset, config, zone, calendar, holidaySource, rules });
}

function _overrideParams(
  defs: Readonly<Record<string, ParameterDefinition>>,
  base: Readonly<Record<string, ParameterValue>>,
  overrides: Readonly<Record<string, ParameterValue>> | undefined,
  path: (string | number)[],
  issues: InputIssue[],
): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = { ...base };
  for (const [name, value] of Object.entries(overrides ?? {})) {
    // Own keys only: `toString` or `__proto__` must not find Object.prototype's.
    const def = Object.hasOwn(defs, name) ? defs[name] : undefined;
    if (!def) {
      issues.push({
        code: 'unknown_parameter',
        path: [...path, name],
        message: `unknown parameter "${name}"; known: ${Object.keys(defs).join(', ')}`,
      });
      continue;
    }
    const problem = parameterProblem(def, value);
    if (problem) {
      issues.push({
        code: 'invalid_parameter',
        path: [...path, name],
        message: `parameter "${name}" ${problem}`,
      });
      continue;
    }
    // A known parameter's name is never `__proto__` (the check above), so this sets an own key.
    // A complexity map's prior value is a map too (the default is checked when the ruleset is created).
    out[name] =
      def.unit === 'working_days_by_complexity'
        ? { ...(out[name] as Record<string, number>), ...(value as Record<string, number>) }
        : value;
  }
  return out;
}

/** The paths of every own `__proto__` key in a JSON value (as JSON.parse makes them). */
function _protoKeyPaths(value: unknown, path: (string | number)[]): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const out: (string | number)[][] = [];
  if (Object.hasOwn(value, '__proto__')) out.push([...path, '__proto__']);
  for (const [k, v] of Object.entries(value))
    out.push(..._protoKeyPaths(v, [...path, Array.isArray(value) ? Number(k) : k]));
  return out;
}
