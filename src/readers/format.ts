import type { InputFormat } from './types.js';

/**
 * The format an input's name says, `.gz` aside: `.json`, `.ndjson` or `.jsonl`, `.csv`, `.xes`
 * (case-insensitive); undefined for any other name (the content is then sniffed).
 * @example
 * formatFromName('logs/08_receipt.xes.gz'); // 'xes'
 * formatFromName('-'); // undefined
 */
export function formatFromName(name: string): InputFormat | undefined {
  const base = name.toLowerCase().replace(/\.gz$/, '');
  if (base.endsWith('.json')) return 'json';
  if (base.endsWith('.ndjson') || base.endsWith('.jsonl')) return 'ndjson';
  if (base.endsWith('.csv')) return 'csv';
  if (base.endsWith('.xes')) return 'xes';
  if (/\.(jsonocel|xmlocel|sqlite|sqlite3|db)$/.test(base)) return 'ocel';
  return undefined;
}

/**
 * @internal Enough of the start of an input to sniff its format: a first line, or 64 KiB.
 * @example
 * enoughToSniff(Buffer.from('{"a": 1}\n')); // true
 */
export function enoughToSniff(head: Buffer): boolean {
  if (head.length >= 65_536) return true;
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.length > 0 && /[\r\n]/.test(text);
}

/**
 * @internal The format of an input from its first bytes (after gunzip): `<` is XES, `[` JSON,
 * `{` NDJSON when the first line is a JSON value on its own (else JSON), anything else CSV.
 * @example
 * sniffFormat(Buffer.from('{"caseId":"C1","type":"x-a","at":"2024-05-01"}\n')); // 'ndjson'
 */
export function sniffFormat(head: Buffer): InputFormat {
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  const first = text[0];
  if (first === undefined) return 'ndjson';
  if (head.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return 'ocel';
  if (first === '<') return /<object-types[\s>/]/.test(text) ? 'ocel' : 'xes';
  if (first === '{' && /^\{\s*"(objectTypes|eventTypes|ocel:[a-z-]+)"/.test(text)) return 'ocel';
  if (first === '[') return 'json';
  if (first === '{') {
    const line = text.split(/\r\n|\r|\n/, 1)[0] ?? '';
    try {
      JSON.parse(line);
      return 'ndjson';
    } catch {
      return 'json';
    }
  }
  return 'csv';
}
