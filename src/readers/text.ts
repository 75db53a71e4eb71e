import { StringDecoder } from 'node:string_decoder';

/** @internal One line of text and its 1-based number. */
export interface _Line {
  text: string;
  line: number;
}

/**
 * @internal Splits UTF-8 bytes into lines (`\n`, `\r\n` or `\r`), dropping a leading byte-order
 * mark. Memory holds one line at a time (plus one chunk).
 * @example
 * for await (const { text, line } of _lines(chunks)) console.log(line, text);
 */
export async function* _lines(chunks: AsyncIterable<Buffer>): AsyncGenerator<_Line> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  let first = true;
  let pendingCr = false;
  const take = function* (text: string, final: boolean): Generator<_Line> {
    let s = carry + text;
    if (first && s.length > 0) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
    }
    if (pendingCr && s.length > 0) {
      if (s.charCodeAt(0) === 10) s = s.slice(1);
      pendingCr = false;
    }
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      line++;
      yield { text: s.slice(start, i), line };
      if (ch === 13) {
        if (i + 1 < s.length) {
          if (s.charCodeAt(i + 1) === 10) i++;
        } else {
          pendingCr = true;
        }
      }
      start = i + 1;
    }
    carry = s.slice(start);
    if (final && carry.length > 0) {
      line++;
      yield { text: carry, line };
      carry = '';
    }
  };
  for await (const chunk of chunks) yield* take(decoder.write(chunk), false);
  yield* take(decoder.end(), true);
}

/**
 * @internal The whole input as one UTF-8 string, without a leading byte-order mark.
 * @example
 * const text = await _text(chunks);
 */
export async function _text(chunks: AsyncIterable<Buffer>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const s = Buffer.concat(parts).toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
