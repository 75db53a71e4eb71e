import { readFile } from 'node:fs/promises';
import { formatIssue, type InputIssue } from '../model/issues.js';
import { type Mapping, MappingSchema } from '../model/mapping.js';
import { schemaIssues } from '../model/schema-issues.js';
import { readErrorFrom } from './errors.js';
import { syntaxErrorLine } from './json-positions.js';

/**
 * A mapping file that is not valid JSON or does not fit `MappingSchema`; `issues` lists every problem.
 * @example
 * try { await loadMapping('my.mapping.json'); }
 * catch (e) { if (e instanceof MappingError) for (const i of e.issues) console.error(formatIssue(i)); }
 */
export class MappingError extends Error {
  override readonly name = 'MappingError';
  readonly file: string | undefined;
  readonly issues: InputIssue[];

  constructor(file: string | undefined, issues: InputIssue[]) {
    super(
      `Invalid mapping${file === undefined ? '' : ` "${file}"`}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`,
    );
    this.file = file;
    this.issues = issues;
  }
}

/**
 * Validates a mapping (parsed JSON) against `MappingSchema`.
 * @throws MappingError listing every problem.
 * @example
 * const mapping = parseMapping({ columns: { caseId: 'id', activity: 'activity', timestamp: 'at' }, activities: [] });
 */
export function parseMapping(value: unknown, file?: string): Mapping {
  const parsed = MappingSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new MappingError(
    file,
    schemaIssues(MappingSchema, parsed.error.issues).map((i) => (file === undefined ? i : { ...i, file })),
  );
}

/**
 * Reads and validates a mapping file (JSON).
 * @throws ReadError when the file cannot be read; MappingError when it is not valid JSON or not a valid mapping.
 * @example
 * const mapping = await loadMapping('docs/examples/receipt.mapping.json');
 */
export async function loadMapping(file: string): Promise<Mapping> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw readErrorFrom(file, e);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const message = `not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
    throw new MappingError(file, [
      { code: 'invalid_json', path: [], message, file, line: syntaxErrorLine(text, e) },
    ]);
  }
  return parseMapping(value, file);
}
