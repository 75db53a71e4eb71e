import type { Assembler } from './assemble.js';
import { jsonRecord } from './json-record.js';
import { DEFAULT_READ_LIMITS, lineTooLong } from './limits.js';
import type { InputStats } from './stats.js';
import { lineBatches } from './text.js';
import { isRejected, type ReadItem } from './types.js';

/** @internal Told the text of each whole case read without problems (see `readCasesWithText`). */
export type OnCaseText = (item: ReadItem, text: string) => void;

const _CASE_ID = /"caseId"\s*:\s*"((?:[^"\\]|\\.)*)"/;

/** @internal The case id of a line that is not valid JSON, when one can still be seen in it. */
function _salvageCaseId(text: string): string | undefined {
  const m = _CASE_ID.exec(text);
  if (m?.[1] === undefined) return undefined;
  try {
    const id = JSON.parse(`"${m[1]}"`) as string;
    return id.trim() === '' ? undefined : id;
  } catch {
    return undefined;
  }
}

/** The item made of this line's whole case, if one was (it shares the parsed `events`), gets `text`. */
function _tellText(items: readonly ReadItem[], value: unknown, text: string, tell: OnCaseText): void {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'events')) return;
  const events = (value as { events: unknown }).events;
  for (const item of items) if (!isRejected(item) && item.events === events) tell(item, text);
}

/**
 * @internal Reads NDJSON (JSON Lines): one event or one case per line; blank lines are skipped.
 * A line that is not valid JSON is a problem at its line: it rejects the case whose `caseId` can
 * still be read in it, else it is rejected on its own as `(line N)`.
 * @example
 * for await (const item of readNdjson(chunks, assembler, input)) {}
 */
export async function* readNdjson(
  chunks: AsyncIterable<Buffer>,
  asm: Assembler,
  input: InputStats,
  maxLineBytes = DEFAULT_READ_LIMITS.maxLineBytes,
  onCaseText?: OnCaseText,
): AsyncGenerator<ReadItem> {
  const tooLong = {
    maxBytes: maxLineBytes,
    error: (line: number) => lineTooLong(input.file, line, maxLineBytes),
  };
  for await (const batch of lineBatches(chunks, tooLong)) {
    for (const { text, line } of batch) {
      if (text.trim() === '') continue;
      input.records++;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        const message = `not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
        const problem = { code: 'invalid_json', path: [], message };
        const caseId = _salvageCaseId(text);
        yield* caseId === undefined
          ? asm.orphan(line, [problem])
          : asm.event(caseId, undefined, line, [problem]);
        continue;
      }
      const items = jsonRecord(value, line, asm);
      if (onCaseText !== undefined) _tellText(items, value, text, onCaseText);
      yield* items;
    }
  }
}
