import type { Assembler } from './assemble.js';
import { elementLines, syntaxErrorLine } from './json-positions.js';
import { jsonRecord } from './json-record.js';
import type { InputStats } from './stats.js';
import { readAllText } from './text.js';
import type { ReadItem } from './types.js';

/**
 * @internal Reads a JSON document: an array of events and/or cases, `{ "cases": [...] }`, or one
 * case. The whole text is parsed at once (memory O(file)); each element's line is found by a scan.
 * Invalid JSON is one rejected record at the line of the error.
 * @example
 * for await (const item of readJson(chunks, assembler, input)) {}
 */
export async function* readJson(
  chunks: AsyncIterable<Buffer>,
  asm: Assembler,
  input: InputStats,
): AsyncGenerator<ReadItem> {
  const text = await readAllText(chunks);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const line = syntaxErrorLine(text, e);
    const message = `not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
    input.records++;
    yield* asm.orphan(line, [{ code: 'invalid_json', path: [], message }]);
    return;
  }
  let elements: unknown[];
  if (Array.isArray(doc)) elements = doc;
  else if (
    doc !== null &&
    typeof doc === 'object' &&
    Object.hasOwn(doc, 'events') &&
    !Object.hasOwn(doc, 'cases')
  ) {
    input.records++;
    yield* jsonRecord(doc, 1, asm);
    return;
  } else if (doc !== null && typeof doc === 'object' && Array.isArray((doc as { cases?: unknown }).cases)) {
    elements = (doc as { cases: unknown[] }).cases;
  } else {
    input.records++;
    const problem = {
      code: 'invalid_type',
      path: [],
      message:
        'expected an array of events or cases, an object { "cases": [...] }, or one case { "caseId", "events" }',
    };
    yield* asm.orphan(1, [problem]);
    return;
  }
  const lines = elementLines(text);
  const aligned = lines.length === elements.length;
  for (let i = 0; i < elements.length; i++) {
    input.records++;
    yield* jsonRecord(elements[i], aligned ? (lines[i] ?? 1) : 1, asm);
  }
}
