/**
 * The public contract as plain TypeScript types, written from the zod schemas: a caller of the
 * main entry then type-checks without loading zod's declarations. `docs:generate` writes them to
 * src/model/contract.ts and `docs:check` fails when they are stale; test/types/plain-types.test.ts
 * proves each equals the schema's `z.infer` (or `z.input`), so they cannot drift.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { z } from 'zod';
import { createAuxiliaryTypeStore, printNode, type ZodToTsOptions, zodToTs } from 'zod-to-ts';
import { CaseAttributesSchema } from '../src/model/case.js';
import {
  CalendarConfigSchema,
  ConfigSchema,
  HolidaySourceSchema,
  HolidayTypeSchema,
  ParameterValueSchema,
} from '../src/model/config.js';
import { ActorSchema, BaseEventSchema, EVENT_DATA_SCHEMAS, EventFieldsSchema } from '../src/model/event.js';
import {
  AppliedReviewSchema,
  BaselineStateSchema,
  CaseResultSchema,
  FindingSchema,
  ReviewedStatusSchema,
  StatusCountsSchema,
  StatusSchema,
} from '../src/model/finding.js';
import {
  ActivityRuleSchema,
  CaseAttributeSchema,
  ColumnValueSchema,
  IntervalEventSchema,
  IntervalSchema,
  MappingCalendarSchema,
  MappingSchema,
  RowFilterSchema,
  ValueKindSchema,
} from '../src/model/mapping.js';
import { ReportMetaSchema, ReportSchema } from '../src/model/report.js';
import { ReviewFileSchema, ReviewSchema } from '../src/model/review.js';
import {
  AnchorSchema,
  CheckSchema,
  ConditionSchema,
  FactSpecSchema,
  FilterSchema,
  LeafConditionSchema,
  MatcherSchema,
  ParameterDefinitionSchema,
  PeriodAnchorSchema,
  RuleFileSchema,
  RulesetManifestSchema,
  WorkingDaysSchema,
} from '../src/model/rule.js';
import { BaselineSummarySchema, ReviewedSummarySchema, SummarySchema } from '../src/model/summary.js';
import { PeriodSchema } from '../src/period/period.js';
import { NdjsonRecordSchema } from '../src/reporters/ndjson.js';
import {
  RowLogSchema,
  SelfAssessmentResultSchema,
  SelfAssessmentRowSchema,
  SelfAssessmentSchema,
  SelfAssessmentSummarySchema,
} from '../src/self-assessment/document.js';
import { ProvisionListSchema, ProvisionSchema } from '../src/self-assessment/provisions.js';
import { ComplySchema, StatementSchema, StatementsFileSchema } from '../src/self-assessment/statements.js';

const root = new URL('..', import.meta.url).pathname;

/** Each public type's name and the schema it is inferred from, in the order they are written. */
export const PLAIN_TYPES: Readonly<Record<string, z.ZodType>> = {
  Status: StatusSchema,
  ReviewedStatus: ReviewedStatusSchema,
  AppliedReview: AppliedReviewSchema,
  BaselineState: BaselineStateSchema,
  Finding: FindingSchema,
  CaseResult: CaseResultSchema,
  StatusCounts: StatusCountsSchema,
  ReviewedSummary: ReviewedSummarySchema,
  BaselineSummary: BaselineSummarySchema,
  Summary: SummarySchema,
  ReportMeta: ReportMetaSchema,
  Report: ReportSchema,
  NdjsonRecord: NdjsonRecordSchema,
  Review: ReviewSchema,
  ReviewFile: ReviewFileSchema,
  CaseAttributes: CaseAttributesSchema,
  EventActor: ActorSchema,
  EventFields: EventFieldsSchema,
  CaseEventInput: BaseEventSchema,
  HolidaySourceConfig: HolidaySourceSchema,
  HolidayType: HolidayTypeSchema,
  CalendarConfig: CalendarConfigSchema,
  ParameterValue: ParameterValueSchema,
  Config: ConfigSchema,
  ValueKind: ValueKindSchema,
  RowFilter: RowFilterSchema,
  ColumnValue: ColumnValueSchema,
  CaseAttributeSpec: CaseAttributeSchema,
  ActivityRule: ActivityRuleSchema,
  IntervalEvent: IntervalEventSchema,
  Interval: IntervalSchema,
  MappingCalendar: MappingCalendarSchema,
  Mapping: MappingSchema,
  Matcher: MatcherSchema,
  Filter: FilterSchema,
  Anchor: AnchorSchema,
  PeriodAnchor: PeriodAnchorSchema,
  WorkingDays: WorkingDaysSchema,
  FactSpec: FactSpecSchema,
  LeafCondition: LeafConditionSchema,
  Condition: ConditionSchema,
  Check: CheckSchema,
  RuleFile: RuleFileSchema,
  ParameterDefinition: ParameterDefinitionSchema,
  RulesetManifest: RulesetManifestSchema,
  Period: PeriodSchema,
  Comply: ComplySchema,
  Statement: StatementSchema,
  StatementsFile: StatementsFileSchema,
  Provision: ProvisionSchema,
  ProvisionList: ProvisionListSchema,
  RowLog: RowLogSchema,
  SelfAssessmentRow: SelfAssessmentRowSchema,
  SelfAssessmentSummary: SelfAssessmentSummarySchema,
  SelfAssessmentResult: SelfAssessmentResultSchema,
  SelfAssessment: SelfAssessmentSchema,
};

/** The schema each type is inferred from, where it is not `${name}Schema`. */
const _SCHEMA_NAMES: Readonly<Record<string, string>> = {
  EventActor: 'ActorSchema',
  CaseEventInput: 'BaseEventSchema',
  HolidaySourceConfig: 'HolidaySourceSchema',
  CaseAttributeSpec: 'CaseAttributeSchema',
};

/** A schema constant's doc comment, and those of the fields inside it (null where a name has two). */
interface _SchemaDocs {
  own: string | undefined;
  fields: Map<string, string | null>;
}

/** The `/** ... *\/` comment just before `node`, if any. */
function _docBefore(node: ts.Node, source: ts.SourceFile): string | undefined {
  const last = ts.getLeadingCommentRanges(source.text, node.pos)?.at(-1);
  const text = last === undefined ? '' : source.text.slice(last.pos, last.end);
  return text.startsWith('/**') ? text : undefined;
}

/** The docs of every constant declared in src, by its name: the types carry their schemas' docs. */
function _sourceDocs(): Map<string, _SchemaDocs> {
  const docs = new Map<string, _SchemaDocs>();
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' });
  for (const file of files.filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(root, 'src', file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements.filter(ts.isVariableStatement)) {
      for (const d of statement.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.initializer === undefined) continue;
        const fields = new Map<string, string | null>();
        const visit = (n: ts.Node) => {
          const named = ts.isPropertyAssignment(n) || ts.isGetAccessor(n) ? n.name : undefined;
          const doc = named === undefined ? undefined : _docBefore(n, source);
          if (doc !== undefined && named !== undefined && !ts.isComputedPropertyName(named)) {
            const key = named.text;
            fields.set(key, fields.has(key) && fields.get(key) !== doc ? null : doc);
          }
          ts.forEachChild(n, visit);
        };
        visit(d.initializer);
        docs.set(d.name.text, { own: _docBefore(statement, source), fields });
      }
    }
  }
  return docs;
}

/** A doc comment's text as a synthetic comment's (between `/*` and `*\/`). */
function _commentText(doc: string): string {
  const lines = doc
    .slice(3, -2)
    .split('\n')
    .map((l) => l.trim().replace(/^\* ?/, ''))
    .filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1));
  return lines.length === 1 ? `* ${lines[0]} ` : `*\n${lines.map((l) => ` * ${l}`.trimEnd()).join('\n')}\n `;
}

/** Gives each field of `node` that has no comment the one its schema's source gives it. */
function _addFieldDocs(node: ts.Node, fields: Map<string, string | null>): void {
  const visit = (n: ts.Node) => {
    if (ts.isPropertySignature(n) && !ts.getSyntheticLeadingComments(n)?.length) {
      const doc = ts.isIdentifier(n.name) || ts.isStringLiteral(n.name) ? fields.get(n.name.text) : undefined;
      if (doc)
        ts.addSyntheticLeadingComment(n, ts.SyntaxKind.MultiLineCommentTrivia, _commentText(doc), true);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
}

/** The name of the type a schema is (its definition, which a described copy shares), if it is one. */
function _namesByDefinition(): Map<unknown, string> {
  return new Map(Object.entries(PLAIN_TYPES).map(([name, s]) => [s._zod.def, name]));
}

/** The type of `schema`, each named schema inside it (itself too, if recursive) written as its name. */
function _typeOf(
  schema: z.ZodType,
  names: Map<unknown, string>,
  io: 'input' | 'output',
  fields: Map<string, string | null> = new Map(),
): string {
  // Given as a copy, so that the schema itself is written out and only its recursion is a name.
  const root = schema.clone();
  const auxiliaryTypeStore = createAuxiliaryTypeStore();
  const options: ZodToTsOptions = {
    auxiliaryTypeStore,
    io,
    overrideFunction: (s, t) => {
      const name = s === root ? undefined : names.get(s._zod.def);
      if (name !== undefined) return t.factory.createTypeReferenceNode(name);
      // A record keyed by an enum is written as zod infers it (zod-to-ts writes an invalid index signature).
      const def = s._zod.def as {
        type: string;
        keyType?: z.ZodType;
        valueType?: z.ZodType;
        partial?: boolean;
      };
      if (def.type !== 'record' || def.keyType === undefined || def.valueType === undefined) return undefined;
      const [key, value] = [def.keyType, def.valueType].map((x) => zodToTs(x, options).node);
      const record = t.factory.createTypeReferenceNode('Record', [key as ts.TypeNode, value as ts.TypeNode]);
      return def.partial === true ? t.factory.createTypeReferenceNode('Partial', [record]) : record;
    },
  };
  const { node } = zodToTs(root, options);
  if (auxiliaryTypeStore.definitions.size > 0) throw new Error('a schema needs auxiliary types');
  _addFieldDocs(node, fields);
  // A strict object's inferred type has no index signature: zod-to-ts writes one of `never`.
  return printNode(node).replace(/\n\s*\[x: string\]: never;/g, '');
}

/** The generated module's text, formatted as the repository's other sources. */
export function formatPlainTypes(): string {
  const docs = _sourceDocs();
  const names = _namesByDefinition();
  const out = [
    '/**',
    ' * The public contract as plain types, generated by `npm run docs:generate` from the zod',
    " * schemas (each equal to its schema's `z.infer`, as test/types/plain-types.test.ts proves):",
    " * the main entry's declarations never load zod's. Do not edit.",
    ' */',
    '',
  ];
  for (const [name, schema] of Object.entries(PLAIN_TYPES)) {
    const doc = docs.get(_SCHEMA_NAMES[name] ?? `${name}Schema`);
    if (doc?.own !== undefined) out.push(doc.own);
    out.push(`export type ${name} = ${_typeOf(schema, names, 'output', doc?.fields)};`, '');
  }
  out.push("/** Each canonical event type's `data`, as given (`docs/events.md`). */");
  out.push('export interface EventDataMap {');
  for (const [type, schema] of Object.entries(EVENT_DATA_SCHEMAS)) {
    out.push(`  ${JSON.stringify(type)}: ${_typeOf(schema, names, 'input')};`);
  }
  out.push('}', '');
  const biome = join(root, 'node_modules/.bin/biome');
  return execFileSync(biome, ['format', '--stdin-file-path=src/model/contract.ts'], {
    input: out.join('\n'),
    encoding: 'utf8',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(formatPlainTypes());
