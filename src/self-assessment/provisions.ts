/**
 * The provision list a ruleset ships for the annual self-assessment (`self-assessment.json`,
 * `housing-code-2024.md` section SA): every provision of the Code in order, each with a short
 * paraphrase, what evidences it and, for rows the log evidences only in part, what a person must
 * still state.
 */
import { z } from 'zod';
import { measuredReads } from '../engine/measured-detail.js';
import type { ProvisionList } from '../model/contract.js';
import type { InputIssue } from '../model/issues.js';
import type { RuleFile } from '../model/rule.js';

export type { Provision, ProvisionList } from '../model/contract.js';

/** Where a row's answer comes from: the log alone, the log and a person, or a person alone. */
export const PROVISION_SOURCES = ['log', 'log_and_statement', 'statement'] as const;
export type ProvisionSource = (typeof PROVISION_SOURCES)[number];

const _number = z.string().regex(/^[1-9][0-9]*\.[1-9][0-9]*$/, 'a provision number such as "6.2"');

/** One provision: one row of the form. */
export const ProvisionSchema = z
  .strictObject({
    number: _number,
    section: z.number().int().min(1),
    /** Written for this tool, not the Code's words. */
    requirement: z.string().min(1),
    source: z.enum(PROVISION_SOURCES),
    /** Refs of the indicators whose findings evidence the row (none on a `statement` row). */
    indicators: z.array(z.string().min(1)),
    /** What a person must still state on a `log_and_statement` row. */
    stillToState: z.string().min(1).optional(),
    /** Whether the number was seen in a published copy of the form (`confirmed`) or is recalled. */
    checked: z.enum(['confirmed', 'recalled']),
  })
  .superRefine((p, ctx) => {
    if ((p.source === 'statement') !== (p.indicators.length === 0))
      ctx.addIssue({
        code: 'custom',
        path: ['indicators'],
        message: 'a statement row has no indicators; every other row has at least one',
      });
    if ((p.source === 'log_and_statement') !== (p.stillToState !== undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['stillToState'],
        message: 'stillToState is given on log_and_statement rows, and only there',
      });
    if (Number(p.number.split('.')[0]) !== p.section)
      ctx.addIssue({
        code: 'custom',
        path: ['section'],
        message: `provision ${p.number} is not in section ${p.section}`,
      });
  });

/**
 * Where `summary.timescales` reads a stage's responses: the timeliness indicator of the stage and
 * the stage clock fact of that rule, whose `state` (`met` or `late`: answered) and `endDate` say
 * whether and when the stage was answered.
 */
const StageTimescaleSchema = z.strictObject({ indicator: z.string().min(1), clock: z.string().min(1) });

/** The whole provision list, with the record of how its numbers were checked. */
export const ProvisionListSchema = z
  .strictObject({
    $schema: z.string().optional(),
    code: z.string().min(1),
    sections: z.array(z.strictObject({ number: z.number().int().min(1), title: z.string().min(1) })).min(1),
    checked: z.strictObject({
      on: z.iso.date(),
      how: z.string().min(1),
      against: z.array(z.string().min(1)).min(1),
    }),
    provisions: z.array(ProvisionSchema).min(1),
    timescales: z.strictObject({ stage1: StageTimescaleSchema, stage2: StageTimescaleSchema }),
  })
  .superRefine((list, ctx) => {
    const sections = new Set(list.sections.map((s) => s.number));
    let previous: [number, number] = [0, 0];
    list.provisions.forEach((p, i) => {
      const [a, b] = p.number.split('.').map(Number) as [number, number];
      if (!sections.has(p.section))
        ctx.addIssue({
          code: 'custom',
          path: ['provisions', i, 'section'],
          message: `no section ${p.section}`,
        });
      if (a < previous[0] || (a === previous[0] && b <= previous[1]))
        ctx.addIssue({
          code: 'custom',
          path: ['provisions', i, 'number'],
          message: `provision ${p.number} is out of Code order or repeated`,
        });
      previous = [a, b];
    });
  });

/** The clock values `summary.timescales` reads from a timeliness finding's `measured`. */
const _CLOCK_READS = ['state', 'endDate'] as const;

/**
 * What is wrong with a provision list against the rules it names: an indicator no rule has, or a
 * timeliness rule whose findings do not carry the clock values the timescales count.
 *
 * @example
 * provisionListIssues(list, ruleset.rules); // [] when every ref is a rule
 */
export function provisionListIssues(list: ProvisionList, rules: readonly RuleFile[]): InputIssue[] {
  const byRef = new Map(rules.map((r) => [r.ref, r]));
  const issues: InputIssue[] = [];
  list.provisions.forEach((p, i) => {
    p.indicators.forEach((ref, j) => {
      if (!byRef.has(ref))
        issues.push({
          code: 'unknown_indicator',
          path: ['provisions', i, 'indicators', j],
          message: `provision ${p.number} names indicator ${ref}, which the ruleset does not have`,
        });
    });
  });
  for (const stage of ['stage1', 'stage2'] as const) {
    const { indicator, clock } = list.timescales[stage];
    const rule = byRef.get(indicator);
    if (!rule) {
      issues.push({
        code: 'unknown_indicator',
        path: ['timescales', stage, 'indicator'],
        message: `timescales.${stage} names indicator ${indicator}, which the ruleset does not have`,
      });
      continue;
    }
    const read = new Set(measuredReads(rule).paths.map((path) => path.join('.')));
    const missing = _CLOCK_READS.filter((k) => !read.has(`${clock}.${k}`));
    if (missing.length > 0)
      issues.push({
        code: 'unread_clock',
        path: ['timescales', stage, 'clock'],
        message: `indicator ${indicator} does not read ${missing.map((k) => `${clock}.${k}`).join(' and ')}, so its findings cannot say when the stage was answered`,
      });
  }
  return issues;
}
