/**
 * @internal Reusable space for building one list at a time, taken out as an array of exactly its
 * length. A list grown by `push` from `[]` reserves room for 17 items on its first push (about
 * 190 bytes, however few it ends up holding); built here and taken with `slice`, a list of two
 * costs under 40. Most lists a case's facts build hold a handful of items, so this is most of
 * what they allocate (`docs/performance.md`).
 *
 * Facts and findings are computed synchronously, one at a time, and never re-entered, so each
 * place that builds a list keeps one buffer of its own (a module constant) and starts it afresh
 * on each use. Taking or releasing the list lets go of its items, so that no buffer keeps a
 * case's data alive after the case.
 *
 * @example
 * const _ids = new ScratchList<string>();
 * _ids.start();
 * _ids.push('e1');
 * _ids.push('e2');
 * _ids.take(); // ['e1', 'e2'], a new array of length 2
 */
export class ScratchList<T> {
  /** The items, from 0 to `length` - 1 (beyond that, nothing: released slots hold undefined). */
  readonly items: T[] = [];
  length = 0;

  /** Starts a new list, letting go of any left from a use that did not finish. */
  start(): this {
    if (this.length > 0) this.release();
    return this;
  }

  push(item: T): void {
    this.items[this.length++] = item;
  }

  /** The list as a new array of exactly its length; the buffer is left empty. */
  take(): T[] {
    const out = this.items.slice(0, this.length);
    this.release();
    return out;
  }

  /** Empties the buffer, letting go of its items. */
  release(): void {
    this.items.fill(undefined as T, 0, this.length);
    this.length = 0;
  }
}

/**
 * @internal An empty array with room for `n` items, to be filled by index from 0 (and cut with
 * `length` if fewer are kept). Beyond V8's limit for preallocated fast arrays (about 16,000
 * items) `new Array(n)` would make a slow dictionary-mode array, so a large list starts empty
 * and grows as it is filled.
 *
 * @example
 * const out = arrayFor<string>(2);
 * out[0] = 'a';
 * out[1] = 'b';
 */
export function arrayFor<T>(n: number): T[] {
  return n <= _PREALLOCATE_MAX ? new Array<T>(n) : [];
}

const _PREALLOCATE_MAX = 16_000;
