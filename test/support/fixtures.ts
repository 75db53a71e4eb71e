import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fixture case history with the finding it must produce (`fixtures/indicators/<ref>/*.json`). */
export interface IndicatorFixture {
  file: string;
  ref: string;
  title: string;
  asOf: string;
  config?: Record<string, unknown>;
  case: Record<string, unknown>;
  expected: {
    status: string;
    evidence: string[];
    explanation: string;
    measured?: Record<string, unknown>;
    dueAt?: string;
    /** The finding's `periodAnchor`; null for none. Checked only when the fixture states it. */
    periodAnchor?: string | null;
  };
}

export const FIXTURES_DIR = new URL('../../fixtures/', import.meta.url).pathname;

/** Every indicator fixture under `fixtures/<dir>` (the SPSO ruleset's by default), by ref then file name. */
export function readIndicatorFixtures(dir = 'indicators'): IndicatorFixture[] {
  const root = join(FIXTURES_DIR, dir);
  const out: IndicatorFixture[] = [];
  for (const ref of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, ref)).sort()) {
      if (!file.endsWith('.json')) continue;
      const raw = JSON.parse(readFileSync(join(root, ref, file), 'utf8')) as Omit<
        IndicatorFixture,
        'file' | 'ref'
      >;
      out.push({ ...raw, file: `${ref}/${file}`, ref });
    }
  }
  return out;
}

/** Freezes an object graph so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
