import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRuleset, type Ruleset, RulesetError } from '../engine/ruleset.js';
import { requireObject } from '../model/usage-error.js';

/** The id of the ruleset the package ships: the SPSO leaflet CSStandards-0524. */
export const DEFAULT_RULESET_ID = 'spso-css-0524';

/** The ids of every ruleset the package ships (a directory of that name under `rules/`). */
export const SHIPPED_RULESET_IDS = [DEFAULT_RULESET_ID, 'mchp-scotland-2020', 'hoc-code-2024'] as const;

/** Options of {@link loadRuleset}. */
export interface LoadRulesetOptions {
  /** A ruleset directory holding `ruleset.json` and the rule files it lists; the shipped one when absent. */
  dir?: string;
  /** A shipped ruleset by id ({@link SHIPPED_RULESET_IDS}), when no `dir` is given. */
  id?: string;
}

/** The shipped rules directory, found by walking up from this module (works from src/ and dist/). */
export function shippedRulesetDir(id: string = DEFAULT_RULESET_ID): string {
  if (!(SHIPPED_RULESET_IDS as readonly string[]).includes(id))
    throw new RulesetError([
      {
        code: 'unknown_ruleset',
        path: [],
        message: `no shipped ruleset has id "${id}"; shipped: ${SHIPPED_RULESET_IDS.join(', ')}`,
      },
    ]);
  let here = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(here, 'rules', id);
    if (existsSync(join(candidate, 'ruleset.json'))) return candidate;
    here = dirname(here);
  }
  throw new Error(`the shipped ruleset "${id}" was not found beside the package`);
}

/**
 * A `--ruleset` value: a shipped ruleset's id, else a directory.
 *
 * @example
 * rulesetDirOf('mchp-scotland-2020'); // the shipped directory
 */
export function rulesetDirOf(idOrDir: string): string {
  return (SHIPPED_RULESET_IDS as readonly string[]).includes(idOrDir) ? shippedRulesetDir(idOrDir) : idOrDir;
}

/**
 * Loads and validates a ruleset directory (the shipped SPSO CSStandards-0524 rules by default).
 * Throws {@link RulesetError} naming the file and field of every problem.
 *
 * @example
 * const ruleset = await loadRuleset();
 * const mine = await loadRuleset({ dir: './my-rules' });
 */
export async function loadRuleset(options: LoadRulesetOptions = {}): Promise<Ruleset> {
  requireObject(
    'loadRuleset',
    options,
    'options',
    "loadRuleset(), loadRuleset({ id: 'spso-css-0524' }) or loadRuleset({ dir: './my-rules' })",
  );
  const dir = resolve(options.dir ?? shippedRulesetDir(options.id));
  const manifest = await readJson(join(dir, 'ruleset.json'));
  const files =
    manifest !== null &&
    typeof manifest === 'object' &&
    Array.isArray((manifest as { rules?: unknown }).rules)
      ? ((manifest as { rules: unknown[] }).rules.filter((f) => typeof f === 'string') as string[])
      : [];
  const rules: Record<string, unknown> = {};
  for (const file of files) {
    const path = join(dir, file);
    if (existsSync(path)) rules[file] = await readJson(path);
  }
  // The self-assessment's provisions, when the ruleset offers one (createRuleset requires them then).
  const offers =
    manifest !== null &&
    typeof manifest === 'object' &&
    Array.isArray((manifest as { periodOutputs?: unknown }).periodOutputs) &&
    (manifest as { periodOutputs: unknown[] }).periodOutputs.includes('self-assessment');
  const provisions = join(dir, 'self-assessment.json');
  const selfAssessment = offers && existsSync(provisions) ? await readJson(provisions) : undefined;
  return createRuleset({ manifest, rules, dir, ...(selfAssessment !== undefined ? { selfAssessment } : {}) });
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new RulesetError([{ code: 'unreadable', path: [], message: (e as Error).message, file: path }]);
  }
  try {
    // A byte-order mark is accepted, as it is in logs.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new RulesetError([{ code: 'invalid_json', path: [], message: (e as Error).message, file: path }]);
  }
}
