/**
 * Generates the documents that are derived from code and rule files: the JSON Schemas in
 * docs/schema/, the rules catalogue docs/rules.md, the event vocabulary docs/events.md and the
 * plain public types src/model/contract.ts. With --check, writes nothing and fails
 * (exit 1) when any is stale, naming it: CI runs that.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleset } from '../src/index.js';
import { PUBLISHED_SCHEMAS, toJsonSchema } from '../src/model/json-schemas.js';
import { formatCatalogue } from '../src/rules/catalogue.js';
import { formatEventsDoc } from './events-doc.js';
import { formatPlainTypes } from './plain-types.js';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const files = new Map<string, string>();
for (const name of Object.keys(PUBLISHED_SCHEMAS) as (keyof typeof PUBLISHED_SCHEMAS)[]) {
  files.set(`docs/schema/${name}.schema.json`, `${JSON.stringify(toJsonSchema(name), null, 2)}\n`);
}
files.set('src/model/contract.ts', formatPlainTypes());
files.set('docs/rules.md', formatCatalogue(await loadRuleset()));
files.set('docs/events.md', await formatEventsDoc(await loadRuleset()));
files.set(
  'docs/rulesets/mchp-scotland-2020.md',
  formatCatalogue(await loadRuleset({ id: 'mchp-scotland-2020' })),
);
files.set('docs/rulesets/hoc-code-2024.md', formatCatalogue(await loadRuleset({ id: 'hoc-code-2024' })));

const stale: string[] = [];
for (const [rel, content] of files) {
  const path = join(root, rel);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === content) continue;
  stale.push(rel);
  if (!check) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
}
if (check && stale.length > 0) {
  console.error(`Generated docs are stale: ${stale.join(', ')}. Run \`npm run docs:generate\` and commit.`);
  process.exit(1);
}
console.log(
  check ? `docs are current (${files.size} files)` : `wrote ${stale.length} of ${files.size} files`,
);
