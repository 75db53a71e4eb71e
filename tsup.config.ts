import { readFileSync, rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Libraries bundled into every build whose versions the report records: the report names the
// bundled version, not whatever is installed beside the package later.
const bundledVersions = Object.fromEntries(
  ['syllable', 'flesch'].map((name) => [
    name,
    (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string }).version,
  ]),
);
const define = { __SERVICE_STANDARDS_BUNDLED__: JSON.stringify(bundledVersions) };

// The builds below run at once and write into dist, so it is emptied here, once, before any.
rmSync('dist', { recursive: true, force: true });

export default defineConfig([
  {
    // The library: ESM and CJS with declarations. syllable and flesch are ESM-only, so they are
    // bundled in (for CJS consumers' sake); every other dependency stays external.
    entry: { index: 'src/index.ts', schemas: 'src/schemas.ts' },
    format: ['esm', 'cjs'],
    dts: { entry: { index: 'src/index.ts' } },
    shims: true,
    sourcemap: false,
    target: 'node20',
    noExternal: ['syllable', 'flesch'],
    define,
  },
  {
    // The schemas' declarations, built apart so that they share no declaration file with the
    // main entry's: a caller of the main entry never loads zod's declarations.
    entry: { schemas: 'src/schemas.ts' },
    format: ['esm', 'cjs'],
    dts: { only: true },
  },
  {
    // The command: ESM, started by the `service-standards` bin. Start-up matters (a case system
    // may run the command on every case update): dependencies are bundled in, which saves
    // resolving and reading each of their files, except those loaded only when needed (piscina,
    // date-holidays, json-rules-engine) and those whose installed version the report records
    // (zod, luxon). The bundled CommonJS code (commander) needs `require`, which the banner
    // provides.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    splitting: false,
    dts: false,
    target: 'node20',
    noExternal: [/^(?!(piscina|date-holidays|json-rules-engine|zod|luxon)(\/|$))/],
    define,
    banner: {
      js: [
        '#!/usr/bin/env node',
        "import { createRequire as __cliCreateRequire } from 'node:module';",
        'const require = __cliCreateRequire(import.meta.url);',
      ].join('\n'),
    },
  },
  {
    // The worker threads of `check --workers N` (`dist/worker.cjs`, found beside the command at
    // run time): CommonJS, because piscina `require`s its task module, and a worker stopped while
    // Node is still loading an ES module that way aborts the whole process (exit 134,
    // "v8::Module::IsGraphAsync ... instantiated module"); a CommonJS module stops safely.
    entry: { worker: 'src/cli/worker.ts' },
    format: ['cjs'],
    splitting: false,
    dts: false,
    shims: true,
    target: 'node20',
    noExternal: [/^(?!(piscina|date-holidays|json-rules-engine|zod|luxon)(\/|$))/],
    define,
  },
]);
