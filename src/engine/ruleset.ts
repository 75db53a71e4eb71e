import { createHash } from 'node:crypto';
import type { InputIssue } from '../model/issues.js';
import { type RuleFile, RuleFileSchema, type RulesetManifest, RulesetManifestSchema } from '../model/rule.js';
import { schemaIssues } from '../model/schema-issues.js';
import { requireObject } from '../model/usage-error.js';
import {
  type ProvisionList,
  ProvisionListSchema,
  provisionListIssues,
} from '../self-assessment/provisions.js';
import { deepFreeze } from './freeze.js';
import { parameterProblem } from './parameter-problem.js';
import { ruleIssues } from './rule-issues.js';

/** A validated ruleset: its manifest and rule files (frozen), and a hash of both for the report. */
export interface Ruleset {
  readonly manifest: RulesetManifest;
  /** Rule files in the manifest's order. */
  readonly rules: readonly RuleFile[];
  /** SHA-256 of the manifest and rule files, as canonical JSON in order. */
  readonly sha256: string;
  /** The directory it was loaded from, when it was. */
  readonly dir?: string;
  /** The self-assessment's provision list, when the manifest offers `self-assessment`. */
  readonly selfAssessment?: ProvisionList;
}

/** One problem, after the file and the field it is in (either left out when there is none). */
const _issueLine = (i: InputIssue) =>
  `  ${[i.file ?? '', i.path.join('.'), i.message].filter((part) => part !== '').join(': ')}`;

/** A ruleset that failed validation; `issues` name the file and field. */
export class RulesetError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(`invalid ruleset:\n${issues.map(_issueLine).join('\n')}`);
    this.name = 'RulesetError';
  }
}

/**
 * How the manifest and rule files are parsed: each is parsed once, so zod's compiled fast path
 * (built with `new Function` on a schema's first parse) would cost more than it saves; the
 * result is the same.
 */
const _ONCE = { jitless: true, reportInput: true } as const;

/** Options of {@link createRuleset}. */
export interface CreateRulesetOptions {
  manifest: unknown;
  /** Rule files by file name, as listed in the manifest's `rules`. */
  rules: Readonly<Record<string, unknown>>;
  dir?: string;
  /** `self-assessment.json`, required when the manifest's `periodOutputs` has `self-assessment`. */
  selfAssessment?: unknown;
}

/**
 * Validates a manifest and its rule files (already read) into a {@link Ruleset}. Pure: the
 * loader in `src/rules` reads the files; embedders may build rulesets in memory.
 *
 * @example
 * const ruleset = createRuleset({ manifest, rules: { '1.2.1.json': rule121 } });
 */
export function createRuleset(options: CreateRulesetOptions): Ruleset {
  requireObject('createRuleset', options, 'options', 'createRuleset({ manifest, rules })');
  const m = RulesetManifestSchema.safeParse(options.manifest, _ONCE);
  if (!m.success)
    throw new RulesetError(
      schemaIssues(RulesetManifestSchema, m.error.issues).map((i) => ({ ...i, file: 'ruleset.json' })),
    );
  const manifest = m.data;
  const issues = _defaultIssues(manifest);
  const rules: RuleFile[] = [];
  const refs = new Set<string>();
  for (const file of manifest.rules) {
    const raw = options.rules[file];
    if (raw === undefined) {
      issues.push({
        code: 'missing_rule',
        path: ['rules'],
        message: `rule file "${file}" is listed but missing`,
        file,
      });
      continue;
    }
    const r = RuleFileSchema.safeParse(raw, _ONCE);
    if (!r.success) {
      issues.push(...schemaIssues(RuleFileSchema, r.error.issues).map((i) => ({ ...i, file })));
      continue;
    }
    if (refs.has(r.data.ref))
      issues.push({ code: 'duplicate_ref', path: ['ref'], message: `ref ${r.data.ref} appears twice`, file });
    refs.add(r.data.ref);
    const unknownParams = r.data.parameters.filter((p) => !Object.hasOwn(manifest.parameters, p));
    for (const p of unknownParams) {
      issues.push({
        code: 'unknown_parameter',
        path: ['parameters'],
        message: `parameter "${p}" is not defined in the manifest`,
        file,
      });
    }
    // Templates and conditions are checked now, so that every command refuses a broken rule.
    if (unknownParams.length === 0) issues.push(...ruleIssues(r.data).map((i) => ({ ...i, file })));
    rules.push(r.data);
  }
  const selfAssessment = _provisionList(manifest, rules, options.selfAssessment, issues);
  if (issues.length > 0) throw new RulesetError(issues);
  const hash = createHash('sha256');
  hash.update(JSON.stringify(manifest));
  for (const r of rules) hash.update(JSON.stringify(r));
  if (selfAssessment) hash.update(JSON.stringify(selfAssessment));
  return deepFreeze({
    manifest,
    rules,
    sha256: hash.digest('hex'),
    ...(options.dir ? { dir: options.dir } : {}),
    ...(selfAssessment ? { selfAssessment } : {}),
  });
}

/** Each parameter default that does not fit its unit, which every configuration would inherit. */
function _defaultIssues(manifest: RulesetManifest): InputIssue[] {
  return Object.entries(manifest.parameters).flatMap(([name, def]) => {
    const problem = parameterProblem(def, def.default);
    return problem === undefined
      ? []
      : [
          {
            code: 'invalid_parameter',
            path: ['parameters', name, 'default'],
            message: `parameter "${name}" ${problem}`,
            file: 'ruleset.json',
          },
        ];
  });
}

const _SA_FILE = 'self-assessment.json';

/** The provision list, validated against the rules; its problems go to `issues`. */
function _provisionList(
  manifest: RulesetManifest,
  rules: readonly RuleFile[],
  raw: unknown,
  issues: InputIssue[],
): ProvisionList | undefined {
  const offered = manifest.periodOutputs?.includes('self-assessment') === true;
  if (raw === undefined) {
    if (offered)
      issues.push({
        code: 'missing_self_assessment',
        path: ['periodOutputs'],
        message: `the ruleset offers self-assessment but has no ${_SA_FILE}`,
        file: _SA_FILE,
      });
    return undefined;
  }
  const parsed = ProvisionListSchema.safeParse(raw, _ONCE);
  if (!parsed.success) {
    issues.push(
      ...schemaIssues(ProvisionListSchema, parsed.error.issues).map((i) => ({ ...i, file: _SA_FILE })),
    );
    return undefined;
  }
  issues.push(...provisionListIssues(parsed.data, rules).map((i) => ({ ...i, file: _SA_FILE })));
  return parsed.data;
}
