/**
 * Writes the malformed-input corpus, `test/corpus/`: small hostile or broken files in every
 * format the command reads (logs, gzip, OCEL, mappings, configs, rulesets, reviews, baselines,
 * shards) and `manifest.json`, which says how the command is run on each and what it must do.
 * `test/corpus/corpus.test.ts` runs them. Deterministic: the same files every time.
 *
 *   npx tsx scripts/make-corpus.ts           # write test/corpus/
 *   npx tsx scripts/make-corpus.ts --check   # exit 1 if test/corpus/ is not what this writes
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import initSqlJs from 'sql.js';
import { type CorpusEntry, CorpusManifestSchema } from '../test/corpus/manifest-schema.js';
import { corpusGroups } from './corpus-entries.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'test', 'corpus');
/** Hand-written files of the folder, not generated: kept as they are. */
const KEPT = new Set(['corpus.test.ts', 'manifest-schema.ts']);

/** Every generated file (path under test/corpus → bytes) and the manifest. */
async function build(): Promise<Map<string, Buffer>> {
  const SQL = await initSqlJs();
  const files = new Map<string, Buffer>();
  const entries: CorpusEntry[] = [];
  for (const group of corpusGroups({ gzip: (s) => gzipSync(Buffer.from(s)), sqlite: sqliteFrom(SQL) })) {
    for (const [name, content] of Object.entries(group.files))
      files.set(
        `${group.name}/${name}`,
        typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
      );
    entries.push(...group.entries.map((e) => ({ ...e, id: `${group.name}/${e.id}` })));
  }
  const manifest = CorpusManifestSchema.parse({ entries });
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

/** An SQLite database made by running these statements, as bytes. */
function sqliteFrom(SQL: Awaited<ReturnType<typeof initSqlJs>>) {
  return (statements: string): Buffer => {
    const db = new SQL.Database();
    db.exec(statements);
    const bytes = Buffer.from(db.export());
    db.close();
    return bytes;
  };
}

function existing(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!(d === dir && KEPT.has(entry.name))) out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

const files = await build();
if (process.argv.includes('--check')) {
  const have = existing(OUT);
  const stale = [...new Set([...files.keys(), ...have.keys()])].filter(
    (f) => !(files.get(f)?.equals(have.get(f) ?? Buffer.alloc(0)) && have.has(f)),
  );
  if (stale.length > 0) {
    console.error(
      `test/corpus is not current (${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', ...' : ''}): run npx tsx scripts/make-corpus.ts`,
    );
    process.exit(1);
  }
  console.log(`test/corpus is current (${files.size} files)`);
} else {
  for (const entry of readdirSync(OUT, { withFileTypes: true }))
    if (!KEPT.has(entry.name)) rmSync(join(OUT, entry.name), { recursive: true, force: true });
  for (const [name, bytes] of files) {
    mkdirSync(dirname(join(OUT, name)), { recursive: true });
    writeFileSync(join(OUT, name), bytes);
  }
  console.log(`wrote ${files.size} files to test/corpus`);
}
