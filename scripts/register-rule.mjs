#!/usr/bin/env node
// Adds rule files to a ruleset manifest's `rules`, keeping the order of the commitment and
// standard hierarchy. Usage: node scripts/register-rule.mjs rules/spso-css-0524 1.1.1.json ...
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, ...files] = process.argv.slice(2);
if (!dir || files.length === 0) {
  console.error('usage: register-rule.mjs <ruleset-dir> <rule-file>...');
  process.exit(2);
}
const path = join(dir, 'ruleset.json');
const manifest = JSON.parse(readFileSync(path, 'utf8'));
const order = manifest.commitments.flatMap((c) => c.standards.flatMap((s) => s.indicators));
const rank = (f) => {
  const i = order.indexOf(f.replace(/\.json$/, ''));
  return i < 0 ? order.length : i;
};
manifest.rules = [...new Set([...manifest.rules, ...files])].sort((a, b) => rank(a) - rank(b));
writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`${path}: ${manifest.rules.length} rules`);
