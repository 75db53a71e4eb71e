import type { Ruleset } from '../engine/ruleset.js';
import { requireRulesetValue } from '../engine/usage.js';
import type { Filter, RuleFile } from '../model/rule.js';
import { requireObject } from '../model/usage-error.js';
import { conditionText } from './condition-text.js';

/** One indicator as the catalogue, `rules` and `explain` show it. */
export interface CatalogueEntry {
  ref: string;
  id: string;
  commitment: { ref: string; title: string };
  standard: { ref: string; title: string };
  words: string;
  description: string;
  /** Event types the rule's facts read, canonical first. */
  events: string[];
  parameters: { name: string; default: unknown; unit: string; basis: string }[];
  statuses: string[];
  /**
   * Each outcome's condition as a plain expression (`conditionText`): when the rule and each
   * check apply, and each check's outcomes in the order they are tried (else it passes).
   */
  conditions: {
    appliesWhen?: string;
    checks: { id: string; appliesWhen?: string; outcomes: { status: string; when: string }[] }[];
  };
}

function _filterTypes(f: Filter, named: Readonly<Record<string, Filter>>, depth = 0): string[] {
  const own = f.type === undefined ? [] : typeof f.type === 'string' ? [f.type] : f.type;
  const used =
    f.use && depth < 8 && named[f.use] ? _filterTypes(named[f.use] as Filter, named, depth + 1) : [];
  const alts = (f.anyOf ?? []).flatMap((a) => _filterTypes(a, named, depth + 1));
  return [...own, ...used, ...alts];
}

const CLOSURE = ['case.closed', 'case.stage_changed'];
/** The events that set each anchor (`case-index.ts`). */
const _ANCHOR_TYPES: Record<string, string[]> = {
  receipt: ['complaint.received'],
  closure: CLOSURE,
  firstDecision: ['decision.issued'],
  decisionOrClosure: ['decision.issued', ...CLOSURE],
  end: ['decision.issued', ...CLOSURE],
  outsideRemit: ['case.outside_remit', 'decision.issued', 'case.closed'],
  asOf: [],
};
const _ANCHOR_KEYS = new Set([
  'from',
  'until',
  'before',
  'onOrBefore',
  'after',
  'triggerBefore',
  'responseBefore',
  'anchor',
]);
/** Templates that count working days, and so read pauses. */
const _PAUSABLE = new Set(['responses', 'longestGap', 'timeliness']);

/** Every event type a rule's facts look at (through named filters and anchors too). */
function _ruleEventTypes(rule: RuleFile, named: Readonly<Record<string, Filter>>): string[] {
  const types = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('type' in o || 'use' in o || 'anyOf' in o)
        for (const t of _filterTypes(o as Filter, named)) types.add(t);
      for (const [k, x] of Object.entries(o)) {
        if (_ANCHOR_KEYS.has(k) && typeof x === 'string')
          for (const t of _ANCHOR_TYPES[x] ?? []) types.add(t);
        else if (k !== 'type') visit(x);
      }
    }
  };
  for (const spec of Object.values(rule.facts)) {
    const { template, ...rest } = spec;
    if (_PAUSABLE.has(template)) for (const t of ['case.paused', 'case.resumed']) types.add(t);
    if (template === 'timeliness') types.add('complaint.received');
    visit(rest);
  }
  return [...types].sort();
}

/**
 * The ruleset as a catalogue: for each indicator its commitment and standard, the leaflet's
 * words, how it is judged, the events it needs, its parameters with their basis, and the
 * statuses it can reach. `rules`, `explain` and `docs/rules.md` all read this.
 *
 * @example
 * const entries = describeRuleset(await loadRuleset());
 * entries[0]?.words; // 'We will treat you with courtesy, respect and dignity.'
 */
export function describeRuleset(ruleset: Ruleset): CatalogueEntry[] {
  const { manifest } = requireRulesetValue('describeRuleset', ruleset);
  return ruleset.rules.map((rule) => {
    const commitment = manifest.commitments.find((c) => c.ref === rule.commitment);
    const standard = commitment?.standards.find((s) => s.ref === rule.standard);
    return {
      ref: rule.ref,
      id: rule.id,
      commitment: { ref: rule.commitment, title: commitment?.title ?? '' },
      standard: { ref: rule.standard, title: standard?.title ?? '' },
      words: rule.words,
      description: rule.description,
      events: _ruleEventTypes(rule, manifest.filters),
      parameters: rule.parameters.map((name) => {
        const def = manifest.parameters[name];
        return { name, default: def?.default, unit: def?.unit ?? '', basis: def?.basis ?? '' };
      }),
      statuses: [...rule.statuses],
      conditions: _conditions(rule),
    };
  });
}

function _conditions(rule: RuleFile): CatalogueEntry['conditions'] {
  const applies = (c: RuleFile['appliesWhen']) => (c ? { appliesWhen: conditionText(c) } : {});
  return {
    ...applies(rule.appliesWhen),
    checks: rule.checks.map((check) => ({
      id: check.id,
      ...applies(check.appliesWhen),
      outcomes: check.outcomes.map((o) => ({ status: o.status, when: conditionText(o.when) })),
    })),
  };
}

/** The conditions in Markdown: one line a check, its outcomes in the order they are tried. */
function _conditionLines(c: CatalogueEntry['conditions']): string[] {
  const lines = ['**Conditions** (tried in order; the first that holds decides):', ''];
  if (c.appliesWhen) lines.push(`- the indicator applies when \`${c.appliesWhen}\`, else not_applicable`);
  for (const check of c.checks) {
    const applies = check.appliesWhen ? ` (applies when \`${check.appliesWhen}\`, else not_applicable)` : '';
    const outcomes = check.outcomes.map((o) => `${o.status} when \`${o.when}\``);
    lines.push(`- \`${check.id}\`${applies}: ${[...outcomes, 'else pass'].join('; ')}`);
  }
  return lines;
}

const _value = (v: unknown) =>
  Array.isArray(v)
    ? v.join(', ')
    : v !== null && typeof v === 'object'
      ? Object.entries(v)
          .map(([k, n]) => `${k} ${String(n)}`)
          .join(', ')
      : String(v);

const _unit = (u: string) =>
  u === 'working_days' || u === 'working_days_by_complexity'
    ? ' working days'
    : u === 'score'
      ? ' (score)'
      : u === 'percent'
        ? '%'
        : '';

/** One indicator in Markdown, as `explain` prints it and the catalogue lists it. */
export function formatCatalogueEntry(e: CatalogueEntry): string {
  requireObject('formatCatalogueEntry', e, 'entry', 'formatCatalogueEntry(describeRuleset(ruleset)[0])');
  const lines = [
    `### ${e.ref} \`${e.id}\``,
    '',
    `*${e.commitment.title}* › *${e.standard.title}*`,
    '',
    `> ${e.words}`,
    '',
    `**How it is judged.** ${e.description}`,
    '',
    `**Events it reads:** ${e.events.map((t) => `\`${t}\``).join(', ') || '(none)'}`,
    '',
    `**Statuses it can reach:** ${e.statuses.join(', ')}`,
    '',
    ..._conditionLines(e.conditions),
  ];
  if (e.parameters.length > 0) {
    lines.push('', '| parameter | default | basis |', '|---|---|---|');
    for (const p of e.parameters)
      lines.push(`| \`${p.name}\` | ${_value(p.default)}${_unit(p.unit)} | ${p.basis} |`);
  }
  return lines.join('\n');
}

/**
 * The rules catalogue (`docs/rules.md`) in Markdown, generated from the rule files.
 *
 * @example
 * writeFileSync('docs/rules.md', formatCatalogue(await loadRuleset()));
 */
export function formatCatalogue(ruleset: Ruleset): string {
  const { manifest } = requireRulesetValue('formatCatalogue', ruleset);
  const entries = describeRuleset(ruleset);
  const out = [
    `# Rules catalogue: ${manifest.title}`,
    '',
    `Ruleset \`${manifest.id}\` version ${manifest.version}, from ${manifest.publisher ?? 'the publisher'}'s leaflet \`${manifest.source}\`.`,
    'Generated from the rule files by `npm run docs:generate`; CI fails when it is stale. Do not edit by hand.',
    '',
    `Calendar: zone \`${manifest.calendar.zone}\`, public holidays ${JSON.stringify(manifest.calendar.holidays)}, receipt day ${manifest.calendar.countReceiptDay ? 'counted' : 'not counted'} as day 1${manifest.calendar.pausesStopClocks === false ? '; pauses do not stop the clocks' : ''}.`,
    '',
  ];
  for (const c of manifest.commitments) {
    out.push(`## ${c.ref}. ${c.title}`, '');
    for (const s of c.standards) {
      const mine = entries.filter((e) => e.standard.ref === s.ref);
      if (mine.length === 0) continue;
      out.push(...mine.map((e) => `${formatCatalogueEntry(e)}\n`));
    }
  }
  out.push('## Parameters', '', '| parameter | default | basis |', '|---|---|---|');
  for (const [name, d] of Object.entries(manifest.parameters))
    out.push(`| \`${name}\` | ${_value(d.default)}${_unit(d.unit)} | ${d.basis} |`);
  return `${out.join('\n')}\n`;
}
