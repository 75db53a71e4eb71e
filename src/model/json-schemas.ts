import { z } from 'zod';
import { SelfAssessmentSchema } from '../self-assessment/document.js';
import { ProvisionListSchema } from '../self-assessment/provisions.js';
import { StatementsFileSchema } from '../self-assessment/statements.js';
import { CaseSchema } from './case.js';
import { ConfigSchema } from './config.js';
import { EVENTS_DOC_URL, EventSchema } from './event.js';
import { MappingSchema } from './mapping.js';
import { ReportSchema } from './report.js';
import { ReviewFileSchema } from './review.js';
import { RuleFileSchema, RulesetManifestSchema } from './rule.js';
import { UsageError } from './usage-error.js';

/** The name of a published schema. */
export type PublishedSchemaName =
  | 'events'
  | 'event'
  | 'case'
  | 'config'
  | 'mapping'
  | 'rule'
  | 'ruleset'
  | 'report'
  | 'reviews'
  | 'statements'
  | 'provisions'
  | 'self-assessment';

/**
 * The schemas published as JSON Schema files (`docs/schema/<name>.schema.json`). Typed as plain
 * zod schemas so that the package's declarations do not spell each one out again: that text
 * was most of what a consumer's compiler had to check.
 */
export const PUBLISHED_SCHEMAS: Readonly<Record<PublishedSchemaName, z.ZodType>> = {
  events: z.array(EventSchema).describe(`A flat event log: an array of events (${EVENTS_DOC_URL})`),
  event: EventSchema.describe(`One case event (${EVENTS_DOC_URL})`),
  case: CaseSchema.describe(`One whole case: caseId, attributes and events (${EVENTS_DOC_URL})`),
  config: ConfigSchema.describe(
    'service-standards configuration: zone, calendar, parameters, indicators, thresholds',
  ),
  mapping: MappingSchema.describe('A mapping of a CSV or XES export onto the event vocabulary'),
  rule: RuleFileSchema.describe('A rule file: one indicator, its facts, checks and explanations'),
  ruleset: RulesetManifestSchema.describe(
    'A ruleset manifest: hierarchy, parameters, calendar, filters, rule files',
  ),
  report: ReportSchema.describe('The JSON report (--format json)'),
  reviews: ReviewFileSchema.describe(
    'A review file (--reviews): accepted exceptions and overridden statuses, each with its reason',
  ),
  statements: StatementsFileSchema.describe(
    "A statements file (self-assessment --statements): a person's comply, evidence and commentary by provision",
  ),
  provisions: ProvisionListSchema.describe(
    "A ruleset's self-assessment provision list (self-assessment.json): every provision in Code order",
  ),
  'self-assessment': SelfAssessmentSchema.describe(
    'The self-assessment as JSON (self-assessment --format json)',
  ),
};

/** Where the published JSON Schemas live, by URL (their `$id`s). */
export const SCHEMA_BASE_URL =
  'https://raw.githubusercontent.com/service-standards/service-standards/main/docs/schema/';

/** Titles of the published schemas, for editors. */
const _TITLES: Readonly<Record<PublishedSchemaName, string>> = {
  events: 'service-standards event log',
  event: 'service-standards case event',
  case: 'service-standards case',
  config: 'service-standards configuration',
  mapping: 'service-standards export mapping',
  rule: 'service-standards rule file',
  ruleset: 'service-standards ruleset manifest',
  report: 'service-standards JSON report',
  reviews: 'service-standards review file',
  statements: 'service-standards self-assessment statements file',
  provisions: 'service-standards self-assessment provision list',
  'self-assessment': 'service-standards self-assessment',
};

/**
 * The JSON Schema (draft 2020-12) of one of the package's inputs or outputs, generated from the
 * same zod schema that validates it. Schemas stay transform-free so that this never fails.
 *
 * @example
 * const schema = toJsonSchema('config');
 * schema.$schema; // 'https://json-schema.org/draft/2020-12/schema'
 */
export function toJsonSchema(name: PublishedSchemaName): Record<string, unknown> {
  if (typeof name !== 'string' || !Object.hasOwn(PUBLISHED_SCHEMAS, name)) {
    const names = Object.keys(PUBLISHED_SCHEMAS).join(', ');
    throw new UsageError(
      name === undefined ? 'missing_argument' : 'wrong_argument',
      `toJsonSchema: no published schema is named ${JSON.stringify(name)}: call toJsonSchema('config'), with one of ${names}.`,
    );
  }
  const schema = PUBLISHED_SCHEMAS[name];
  // `input`: what a user may write (optional fields stay optional).
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw', reused: 'ref' });
  const { $schema, ...rest } = _nameDefinitions(json as Record<string, unknown>);
  return { $schema, $id: `${SCHEMA_BASE_URL}${name}.schema.json`, title: _TITLES[name], ...rest };
}

/**
 * zod names shared definitions `__schema0`, `__schema1`, ...: each is renamed after the first
 * property that refers to it (`caseId`, `attributes`, ...), so that editors show a word.
 */
function _nameDefinitions(json: Record<string, unknown>): Record<string, unknown> {
  const defs = (json.$defs ?? {}) as Record<string, unknown>;
  const names = new Map<string, string>();
  const taken = new Set(Object.keys(defs).filter((k) => !k.startsWith('__schema')));
  const visit = (node: unknown, key: string): void => {
    if (Array.isArray(node)) for (const n of node) visit(n, key);
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const ref = (node as { $ref?: unknown }).$ref;
    const m = typeof ref === 'string' ? /^#\/\$defs\/(__schema\d+)$/.exec(ref) : null;
    if (m?.[1] && !names.has(m[1])) {
      let name = key;
      for (let i = 2; taken.has(name); i++) name = `${key}${i}`;
      taken.add(name);
      names.set(m[1], name);
      visit(defs[m[1]], name);
    }
    for (const [k, v] of Object.entries(node)) {
      const inside = [
        'properties',
        '$defs',
        'items',
        'anyOf',
        'oneOf',
        'allOf',
        'additionalProperties',
      ].includes(k);
      if (k === 'properties' && v && typeof v === 'object') {
        for (const [prop, sub] of Object.entries(v)) visit(sub, prop);
      } else if (k !== '$defs') visit(v, inside ? key : k);
    }
  };
  visit(json, 'value');
  for (const key of Object.keys(defs)) if (!names.has(key)) visit({ $ref: `#/$defs/${key}` }, 'definition');
  const renamed = JSON.stringify(json).replace(
    /"#\/\$defs\/(__schema\d+)"/g,
    (_, k: string) => `"#/$defs/${names.get(k)}"`,
  );
  const out = JSON.parse(renamed) as Record<string, unknown>;
  if (out.$defs) {
    out.$defs = Object.fromEntries(
      Object.entries(out.$defs as Record<string, unknown>).map(([k, v]) => [names.get(k) ?? k, v]),
    );
  }
  return out;
}
