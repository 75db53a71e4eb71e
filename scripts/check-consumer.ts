/**
 * Checks the package as a user receives it: packs it (`dist` must be built), installs the
 * tarball into an empty folder, compiles the README's case and five-line example there under
 * strict TypeScript without `skipLibCheck`, and runs them (printing tsc's own time, memory and
 * type count, beside those of @types/node alone, and failing if zod's declarations were loaded);
 * imports `service-standards/schemas` from ESM and CommonJS; checks that an OCEL SQLite file without
 * the optional sql.js is an error naming it. Prints the install size and package count.
 * CI runs it: `npx tsx scripts/check-consumer.ts`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// The README's first two TypeScript blocks: a case, then the five lines that judge it.
const blocks = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(
  (m) => m[1] ?? '',
);
if (blocks.length < 2)
  throw new Error('README.md: expected a case and the five-line example in ```ts blocks');
const [caseBlock = '', example = ''] = blocks;
// The imports first, then the case, then the lines that judge it.
const lines = `${caseBlock}\n${example}`.split('\n');
const source = [
  ...lines.filter((l) => l.startsWith('import ')),
  ...lines.filter((l) => !l.startsWith('import ')),
];

// Every package the built files load must be a dependency (or the optional peer): the command
// bundles the rest, which are then development dependencies only.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
  string,
  Record<string, string>
>;
const declared = new Set([
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
]);
for (const file of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js') || f.endsWith('.cjs'))) {
  const text = readFileSync(join(root, 'dist', file), 'utf8');
  const loaded = text.matchAll(/(?:from |require\(|import\()["']((?:@[\w.-]+\/)?[a-z][\w.:-]*)[^"'\s]*["']/g);
  for (const [, name = ''] of loaded) {
    if (!declared.has(name) && !isBuiltin(name)) {
      throw new Error(`dist/${file} loads "${name}", which package.json does not list as a dependency`);
    }
  }
}

const typesArgs = ['--typeRoots', join(root, 'node_modules/@types'), '--types', 'node'];

interface TscCost {
  seconds: number;
  megabytes: number;
  types: number;
  /** Declaration files of zod's that the compiler loaded. */
  zodFiles: number;
}

/** Runs tsc in `cwd` (the consumer's tsconfig, or the files in `args` with its options) and reads its own figures. */
function tscCost(cwd: string, args: string[]): TscCost {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const options =
    args.length === 0
      ? ['-p', '.']
      : ['--strict', '--module', 'NodeNext', '--target', 'ES2022', ...typesArgs, ...args];
  const out = run(process.execPath, [tsc, ...options, '--extendedDiagnostics', '--listFiles'], cwd);
  const figure = (label: string) =>
    Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out)?.[1] ?? Number.NaN);
  return {
    seconds: figure('Total time'),
    megabytes: Math.round(figure('Memory used') / 1024),
    types: figure('Types'),
    zodFiles: out.split('\n').filter((line) => line.includes('/node_modules/zod/')).length,
  };
}
const dir = mkdtempSync(join(tmpdir(), 'service-standards-consumer-'));
try {
  const tarball = run(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir],
    root,
  ).trim();
  writeFileSync(join(dir, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, tarball)], dir);
  const installed = run('du', ['-sk', 'node_modules'], dir).split('\t')[0];
  const packages = readdirSync(join(dir, 'node_modules')).flatMap((n) =>
    n.startsWith('@') ? readdirSync(join(dir, 'node_modules', n)) : n.startsWith('.') ? [] : [n],
  ).length;
  // Types for `console` and top-level await: the repository's own @types/node.
  writeFileSync(join(dir, 'example.ts'), source.join('\n'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        skipLibCheck: false,
        outDir: 'out',
        typeRoots: [join(root, 'node_modules/@types')],
        types: ['node'],
      },
      files: ['example.ts'],
    }),
  );
  let example: TscCost;
  try {
    example = tscCost(dir, []);
  } catch (e) {
    throw new Error(`the README example does not compile:\n${(e as { stdout?: string }).stdout ?? e}`);
  }
  // The main entry's declarations are plain types: zod's (the costliest to check) stay unloaded.
  if (example.zodFiles > 0)
    throw new Error(`the README example loads ${example.zodFiles} of zod's declaration files`);
  // The floor: the same settings with no import of this package (@types/node alone).
  writeFileSync(join(dir, 'empty.ts'), 'export {};\n');
  const floor = tscCost(dir, ['--noEmit', 'empty.ts']);
  const output = run(process.execPath, ['out/example.js'], dir);
  const findings = output.trim().split('\n').length;
  if (findings !== 27) throw new Error(`the README example printed ${findings} lines, not 27:\n${output}`);
  // The schemas' subpath, from ESM (type-checked) and from CommonJS: a case the types accept parses.
  writeFileSync(
    join(dir, 'schemas.ts'),
    [
      "import type { CaseInput } from 'service-standards';",
      "import { CaseSchema } from 'service-standards/schemas';",
      "const c: CaseInput = { caseId: 'C1', events: [{ type: 'complaint.received', at: '2025-06-02' }] };",
      'console.log(CaseSchema.safeParse(c).success);',
    ].join('\n'),
  );
  tscCost(dir, ['--outDir', 'out', 'schemas.ts']);
  const fromEsm = run(process.execPath, ['out/schemas.js'], dir).trim();
  const fromCjs = run(
    process.execPath,
    ['-e', "console.log(typeof require('service-standards/schemas').CaseSchema.safeParse)"],
    dir,
  ).trim();
  if (fromEsm !== 'true' || fromCjs !== 'function')
    throw new Error(`service-standards/schemas: ESM printed ${fromEsm}, CommonJS ${fromCjs}`);
  // sql.js is an optional peer: without it an OCEL SQLite file is an input error naming it.
  writeFileSync(join(dir, 'log.sqlite'), Buffer.from('SQLite format 3\0', 'latin1'));
  const cli = join(dir, 'node_modules/service-standards/dist/cli.js');
  const sqlite = spawnSync(process.execPath, [cli, 'check', 'log.sqlite', '--case-object-type', 'x'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (sqlite.status !== 2 || !sqlite.stderr.includes('(npm install sql.js)'))
    throw new Error(`an OCEL SQLite file without sql.js: exit ${sqlite.status}\n${sqlite.stderr}`);
  console.log(
    `consumer: ${tarball} installs ${(Number(installed) / 1024).toFixed(1)} MB in ${packages} packages; ` +
      `the README example type-checks (strict, no skipLibCheck) in ${example.seconds.toFixed(1)} s and ` +
      `${example.megabytes} MB (${example.types.toLocaleString('en-GB')} types; @types/node alone: ` +
      `${floor.seconds.toFixed(1)} s, ${floor.megabytes} MB, ${floor.types.toLocaleString('en-GB')} types) and prints ${findings} findings`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
