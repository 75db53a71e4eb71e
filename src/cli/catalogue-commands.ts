import { describeRuleset, formatCatalogue, formatCatalogueEntry } from '../rules/catalogue.js';
import { loadRuleset, rulesetDirOf } from '../rules/load-ruleset.js';
import { UsageError } from './errors.js';
import { type CliIo, writeText } from './io.js';

/** Options of {@link runRules}. */
export interface RulesOptions {
  format: 'text' | 'json' | 'markdown';
  ruleset?: string | undefined;
}

/**
 * `service-standards rules`: the ruleset's indicators, as a table, JSON or the Markdown catalogue
 * (the same data as `docs/rules.md`).
 *
 * @example
 * await runRules({ format: 'text' }, processIo());
 */
export async function runRules(options: RulesOptions, io: CliIo): Promise<number> {
  const ruleset = await loadRuleset(options.ruleset ? { dir: rulesetDirOf(options.ruleset) } : {});
  const entries = describeRuleset(ruleset);
  let out: string;
  if (options.format === 'json') out = `${JSON.stringify(entries, null, 2)}\n`;
  else if (options.format === 'markdown') out = formatCatalogue(ruleset);
  else {
    const { manifest } = ruleset;
    const lines = [`${manifest.title} (${manifest.id} ${manifest.version}, ${manifest.source})`, ''];
    const width = Math.max(...entries.map((e) => e.id.length));
    for (const c of manifest.commitments) {
      lines.push(`${c.ref}  ${c.title}`);
      for (const e of entries.filter((x) => x.commitment.ref === c.ref)) {
        lines.push(`  ${e.ref.padEnd(6)} ${e.id.padEnd(width)}  ${e.words}`);
      }
      lines.push('');
    }
    lines.push(`${entries.length} indicators. \`service-standards explain <ref>\` shows how one is judged.`);
    out = `${lines.join('\n')}\n`;
  }
  await writeText(io.stdout, out);
  return 0;
}

/**
 * `service-standards explain <ref-or-id>`: one indicator: the leaflet's words, how it is judged,
 * the events it reads, its parameters with their basis.
 *
 * @example
 * await runExplain({ refOrId: '1.3.1' }, processIo());
 */
export async function runExplain(
  options: { refOrId: string; ruleset?: string | undefined },
  io: CliIo,
): Promise<number> {
  const ruleset = await loadRuleset(options.ruleset ? { dir: rulesetDirOf(options.ruleset) } : {});
  const entry = describeRuleset(ruleset).find((e) => e.ref === options.refOrId || e.id === options.refOrId);
  if (!entry) {
    throw new UsageError(
      `no indicator has ref or id "${options.refOrId}"; \`service-standards rules\` lists them`,
    );
  }
  await writeText(io.stdout, `${formatCatalogueEntry(entry)}\n`);
  return 0;
}
