import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRECOMPUTED_HOLIDAYS } from '../time/holidays-table.js';

/** The libraries whose versions shape verdicts, recorded in every report's `meta`. */
export const RECORDED_DEPENDENCIES = [
  'json-rules-engine',
  'date-holidays',
  'luxon',
  'zod',
  'syllable',
  'flesch',
] as const;

function _packageRoot(): string {
  let here = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(here, 'package.json');
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'service-standards'
    ) {
      return here;
    }
    here = dirname(here);
  }
  throw new Error('cannot find the service-standards package.json');
}

function _versionOf(root: string, dep: string): string {
  // Walk up node_modules folders as Node's resolution does, reading package.json directly
  // (some packages do not export it).
  let dir = root;
  for (let i = 0; i < 8; i++) {
    const pkg = join(dir, 'node_modules', dep, 'package.json');
    if (existsSync(pkg)) return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // An optional peer: without it, the holidays come from the table generated from this version.
  if (dep === 'date-holidays')
    return `not installed (holidays precomputed from ${PRECOMPUTED_HOLIDAYS.version})`;
  return 'bundled';
}

/**
 * The tool's own version and the versions of the libraries that shape verdicts.
 *
 * @example
 * const { version, dependencies } = readVersions();
 */
export function readVersions(): { version: string; dependencies: Record<string, string> } {
  const root = _packageRoot();
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return {
    version: own.version,
    dependencies: Object.fromEntries(
      RECORDED_DEPENDENCIES.map((d) => [d, _BUNDLED_VERSIONS[d] ?? _versionOf(root, d)]),
    ),
  };
}

declare const __SERVICE_STANDARDS_BUNDLED__: Record<string, string> | undefined;

/**
 * Versions of the libraries built into this bundle (syllable and flesch always are), set by
 * tsup at build time: what runs is what was bundled, whatever version is installed beside it.
 * Running from the sources (tests), there is no bundle and the installed versions are read.
 */
const _BUNDLED_VERSIONS: Readonly<Record<string, string>> =
  typeof __SERVICE_STANDARDS_BUNDLED__ === 'undefined' ? {} : __SERVICE_STANDARDS_BUNDLED__;
